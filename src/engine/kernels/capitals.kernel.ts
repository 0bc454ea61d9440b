import { METRIC_COUNT, METRIC_INDEX } from "./metrics";
import { CLASS_UPPER, CodePointClasses } from "./unicode-tables";

const CAPITALS = METRIC_INDEX.CAPITALS;

/**
 * CAPITALS only, the flagship query. Reads the text four bytes at a time through an aligned
 * Int32Array view of the same memory; a word of pure ASCII is counted with SWAR arithmetic, and
 * only words holding a non-ASCII byte fall back to decoding code points one by one. Segments
 * must be valid UTF-8 and start and end at code-point boundaries (the caller checks both).
 */
export function countCapitalsInto(
  bytes: Uint8Array,
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  counts: Float64Array,
  classes: CodePointClasses,
): void {
  const bmp = classes.bmp;
  // lead = index of the first byte at a 4-aligned address: typed-array views need an aligned
  // offset, and bytes may start anywhere in its (possibly shared) buffer.
  const lead = (4 - (bytes.byteOffset & 3)) & 3;
  const nWords = bytes.length > lead ? (bytes.length - lead) >>> 2 : 0;
  const words =
    nWords > 0 ? new Int32Array(bytes.buffer, bytes.byteOffset + lead, nWords) : new Int32Array(0);
  const n = starts.length;
  for (let seg = 0; seg < n; seg++) {
    const end = ends[seg];
    let i = starts[seg];
    let count = 0;
    while (i < end) {
      // (i - lead) & 3 is non-zero for the negative values i - lead takes before the first word.
      if (((i - lead) & 3) === 0) {
        let w = (i - lead) >> 2;
        const wEnd = (end - lead) >> 2;
        while (w < wEnd) {
          const x = words[w];
          if ((x & 0x80808080) !== 0) break;
          // Per byte b < 0x80: b + 0x3f sets the top bit iff b >= 0x41, and b + 0x25 iff
          // b >= 0x5b; neither sum carries into the next byte. So the masked bits mark bytes
          // in "A".."Z", and the multiply adds the four lanes into the top byte. Byte order
          // does not matter to a count, so this holds on either endianness.
          const marks = (x + 0x3f3f3f3f) & ~(x + 0x25252525) & 0x80808080;
          count += Math.imul(marks >>> 7, 0x01010101) >>> 24;
          w++;
        }
        i = lead + (w << 2);
        if (i >= end) break;
      }
      const b = bytes[i];
      if (b < 0x80) {
        count += bmp[b] & CLASS_UPPER;
        i += 1;
      } else if (b < 0xe0) {
        count += bmp[((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f)] & CLASS_UPPER;
        i += 2;
      } else if (b < 0xf0) {
        const cp = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
        count += bmp[cp] & CLASS_UPPER;
        i += 3;
      } else {
        const cp =
          ((b & 0x07) << 18) |
          ((bytes[i + 1] & 0x3f) << 12) |
          ((bytes[i + 2] & 0x3f) << 6) |
          (bytes[i + 3] & 0x3f);
        count += classes.classOf(cp) & CLASS_UPPER;
        i += 4;
      }
    }
    counts[seg * METRIC_COUNT + CAPITALS] = count;
  }
}
