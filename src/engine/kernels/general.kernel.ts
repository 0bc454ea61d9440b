import { alignedWords, LITTLE_ENDIAN } from "./aligned-words";
import { METRIC_COUNT, METRIC_INDEX } from "../../metrics/metrics";
import {
  EDGE_END_CR,
  EDGE_END_WORD,
  EDGE_NONEMPTY,
  EDGE_START_LF,
  EDGE_START_WORD,
  EDGE_TRAILING,
} from "./segment-counts";
import {
  CLASS_BREAK,
  CLASS_DIGIT,
  CLASS_LOWER,
  CLASS_SPACE,
  CLASS_UPPER,
  CodePointClasses,
} from "./unicode-tables";

// Hot-loop constants are copied into this module: an imported binding compiles to a property
// load on the other module's exports object, which measurably slowed the loops.
const UPPER = CLASS_UPPER;
const LOWER = CLASS_LOWER;
const DIGIT = CLASS_DIGIT;
const SPACE = CLASS_SPACE;
const BREAK = CLASS_BREAK;
const HIGH = 0x80808080;
const CR = 0x0d;
const LF = 0x0a;
const STRIDE = METRIC_COUNT;
const SWAR = LITTLE_ENDIAN;

/**
 * Every metric in one pass; the caller clears the columns it was not asked for, so any mask
 * but CAPITALS alone costs the same as all seven. Aligned words of four ASCII bytes are counted
 * with SWAR arithmetic; the rest (words with a non-ASCII byte, unaligned ends) is decoded one
 * code point at a time, inline because a shared decode helper measurably slowed the loop.
 * Segments must be valid UTF-8 and start and end at code-point boundaries (the caller checks).
 */
export function countAllInto(
  bytes: Uint8Array,
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  counts: Float64Array,
  edges: Uint8Array,
  classes: CodePointClasses,
): void {
  const bmp = classes.bmp;
  const { words, lead } = alignedWords(bytes);
  const n = starts.length;
  for (let seg = 0; seg < n; seg++) {
    const start = starts[seg];
    const end = ends[seg];
    let upper = 0;
    let lower = 0;
    let digits = 0;
    let spaces = 0;
    let wordCount = 0;
    let breaks = 0;
    let chars = 0;
    // The segment start acts as whitespace, so a leading word is counted here; merging
    // subtracts it again if the previous segment ended inside the same word.
    let prevSpace = 1;
    let lastBreakEnd = start;
    let i = start;
    while (i < end) {
      if (SWAR && ((i - lead) & 3) === 0) {
        let w = (i - lead) >> 2;
        const first = w;
        const wEnd = (end - lead) >> 2;
        for (; w < wEnd; w++) {
          const x = words[w];
          if ((x & HIGH) !== 0) break;
          // For ASCII bytes, (x + (0x80 - lo)) & ~(x + (0x7f - hi)) sets a byte's top bit iff
          // lo <= byte <= hi, and no sum carries into the next byte.
          const past0d = x + 0x72727272;
          const from1c = x + 0x64646464;
          const lineBreaks = (((x + 0x76767676) & ~past0d) | (from1c & ~(x + 0x61616161))) & HIGH;
          if (lineBreaks !== 0) {
            // "\n".."\r", "\x1c".."\x1e". A "\n" whose previous byte is "\r" continues
            // that break: within the word the "\r" is the next-lower lane, before it the
            // previous byte in memory, if still inside this segment.
            const at = lead + (w << 2);
            const lf = (x + 0x76767676) & ~(x + 0x75757575) & HIGH;
            const cr = (x + 0x73737373) & ~past0d & HIGH;
            const crBefore = at > start && bytes[at - 1] === CR ? 0x80 : 0;
            const pairs = lf & ((cr << 8) | crBefore);
            breaks +=
              (Math.imul(lineBreaks >>> 7, 0x01010101) >>> 24) -
              (Math.imul(pairs >>> 7, 0x01010101) >>> 24);
            lastBreakEnd = at + ((31 - Math.clz32(lineBreaks)) >> 3) + 1;
          }
          const space = (((x + 0x77777777) & ~past0d) | (from1c & ~(x + 0x5f5f5f5f))) & HIGH;
          const up = (x + 0x3f3f3f3f) & ~(x + 0x25252525) & HIGH;
          const low = (x + 0x1f1f1f1f) & ~(x + 0x05050505) & HIGH;
          const dig = (x + 0x50505050) & ~(x + 0x46464646) & HIGH;
          // A word starts at a non-space byte whose predecessor in memory, the next-lower lane
          // on a little-endian host, is a space.
          const wordStarts = ~space & ((space << 8) | (prevSpace << 7)) & HIGH;
          // Two metrics share one multiply: one in bit 0 and one in bit 4 of each lane, so
          // the summed top byte holds both (each sum is at most 4, below 16).
          const upLow = Math.imul((up >>> 7) | (low >>> 3), 0x01010101) >>> 24;
          const digSpace = Math.imul((dig >>> 7) | (space >>> 3), 0x01010101) >>> 24;
          upper += upLow & 15;
          lower += upLow >>> 4;
          digits += digSpace & 15;
          spaces += digSpace >>> 4;
          wordCount += Math.imul(wordStarts >>> 7, 0x01010101) >>> 24;
          prevSpace = space >>> 31;
        }
        chars += (w - first) << 2;
        i = lead + (w << 2);
        if (i >= end) break;
      }
      // One whole code point; the word loop resumes at the next aligned byte.
      const b = bytes[i];
      let cls: number;
      if (b < 0x80) {
        cls = bmp[b];
        i += 1;
      } else if (b < 0xe0) {
        cls = bmp[((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f)];
        i += 2;
      } else if (b < 0xf0) {
        cls = bmp[((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f)];
        i += 3;
      } else {
        cls = classes.classOf(
          ((b & 0x07) << 18) |
            ((bytes[i + 1] & 0x3f) << 12) |
            ((bytes[i + 2] & 0x3f) << 6) |
            (bytes[i + 3] & 0x3f),
        );
        i += 4;
      }
      upper += cls & UPPER;
      lower += (cls & LOWER) >>> 1;
      digits += (cls & DIGIT) >>> 2;
      const space = (cls & SPACE) >>> 3;
      spaces += space;
      wordCount += prevSpace & (space ^ 1);
      prevSpace = space;
      chars += 1;
      if ((cls & BREAK) !== 0) {
        // "\n" right after "\r" in the same segment closes the same line break.
        if (b !== LF || i - 2 < start || bytes[i - 2] !== CR) breaks += 1;
        lastBreakEnd = i;
      }
    }
    const row = seg * STRIDE;
    counts[row + METRIC_INDEX.CAPITALS] = upper;
    counts[row + METRIC_INDEX.LOWERCASE] = lower;
    counts[row + METRIC_INDEX.DIGITS] = digits;
    counts[row + METRIC_INDEX.WHITESPACE] = spaces;
    counts[row + METRIC_INDEX.WORDS] = wordCount;
    counts[row + METRIC_INDEX.LINES] = breaks + (lastBreakEnd < end ? 1 : 0);
    counts[row + METRIC_INDEX.CHARACTERS] = chars;
    edges[seg] =
      start < end
        ? EDGE_NONEMPTY |
          (startsWithSpace(bytes, start, classes) ? 0 : EDGE_START_WORD) |
          (prevSpace === 0 ? EDGE_END_WORD : 0) |
          (bytes[start] === LF ? EDGE_START_LF : 0) |
          (bytes[end - 1] === CR ? EDGE_END_CR : 0) |
          (lastBreakEnd < end ? EDGE_TRAILING : 0)
        : 0;
  }
}

/** Whether the code point at bytes[i] is whitespace; once per segment, so not inlined. */
function startsWithSpace(bytes: Uint8Array, i: number, classes: CodePointClasses): boolean {
  const b = bytes[i];
  let cp = b;
  if (b >= 0xf0) {
    cp = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12);
    cp |= ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f);
  } else if (b >= 0xe0) {
    cp = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
  } else if (b >= 0xc0) {
    cp = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
  }
  return (classes.classOf(cp) & SPACE) !== 0;
}
