import { alignedWords } from "./aligned-words";
import { METRIC_COUNT, METRIC_INDEX } from "../../metrics/metrics";
import { CLASS_UPPER, CodePointClasses } from "./unicode-tables";

// Hot-loop constants are copied into this module: an imported binding compiles to a property
// load on the other module's exports object, which measurably slowed the word loop.
const UPPER = CLASS_UPPER;
const HIGH = 0x80808080;
const STRIDE = METRIC_COUNT;
const CAPITALS = METRIC_INDEX.CAPITALS;
const CHARACTERS = METRIC_INDEX.CHARACTERS;

/**
 * CAPITALS, optionally with CHARACTERS (the flagship query asks for both: the ratio needs
 * them). Code points cost one add per word or per decoded character, so they ride along. Reads the text four bytes at a time through an aligned
 * Int32Array view of the same memory; a word of pure ASCII is counted with SWAR arithmetic, and
 * only words holding a non-ASCII byte fall back to decoding code points one by one. Segments
 * must be valid UTF-8 and start and end at code-point boundaries (the caller checks both).
 * The decode is written out inline on purpose: calling a shared decode helper cost 25% here.
 * For the same reason this is a copy of countAllInto's segment loop cut down to two metrics,
 * not a call into it: the flagship query runs this loop alone, and the all-metrics loop
 * takes over twice as long on the same bytes.
 */
export function countCapitalsInto(
  bytes: Uint8Array,
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  counts: Float64Array,
  classes: CodePointClasses,
  withCharacters: boolean,
): void {
  const bmp = classes.bmp;
  const { words, lead } = alignedWords(bytes);
  const n = starts.length;
  for (let seg = 0; seg < n; seg++) {
    const end = ends[seg];
    let i = starts[seg];
    let count = 0;
    let chars = 0;
    while (i < end) {
      // (i - lead) & 3 is non-zero for the negative values i - lead takes before the first word.
      if (((i - lead) & 3) === 0) {
        let w = (i - lead) >> 2;
        const wStart = w;
        const wEnd = (end - lead) >> 2;
        for (; w < wEnd; w++) {
          const x = words[w];
          if ((x & HIGH) !== 0) break;
          // Per byte b < 0x80: b + 0x3f sets the top bit iff b >= 0x41 ("A"), b + 0x25 iff
          // b >= 0x5b (past "Z"); neither sum carries into the next byte. The multiply adds
          // the four marks into the top byte. Byte order does not matter to a count.
          const marks = (x + 0x3f3f3f3f) & ~(x + 0x25252525) & HIGH;
          count += Math.imul(marks >>> 7, 0x01010101) >>> 24;
        }
        chars += (w - wStart) << 2; // every byte of a pure-ASCII word is one code point
        i = lead + (w << 2);
        if (i >= end) break;
      }
      // One whole code point; the word loop resumes at the next aligned byte.
      chars++;
      const b = bytes[i];
      if (b < 0x80) {
        count += bmp[b] & UPPER;
        i += 1;
      } else if (b < 0xe0) {
        count += bmp[((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f)] & UPPER;
        i += 2;
      } else if (b < 0xf0) {
        const cp = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
        count += bmp[cp] & UPPER;
        i += 3;
      } else {
        const cp =
          ((b & 0x07) << 18) |
          ((bytes[i + 1] & 0x3f) << 12) |
          ((bytes[i + 2] & 0x3f) << 6) |
          (bytes[i + 3] & 0x3f);
        count += classes.classOf(cp) & UPPER;
        i += 4;
      }
    }
    counts[seg * STRIDE + CAPITALS] = count;
    if (withCharacters) counts[seg * STRIDE + CHARACTERS] = chars;
  }
}
