import { METRIC_COUNT, METRIC_INDEX } from "./metrics";
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

const CR = 0x0d;
const LF = 0x0a;

/**
 * Every metric in one pass; the caller keeps the columns it was asked for. Computing all seven
 * costs little more than one, since the decode and the table read dominate. Segments must be
 * valid UTF-8 and start and end at code-point boundaries (the caller checks both).
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
  const n = starts.length;
  for (let seg = 0; seg < n; seg++) {
    const start = starts[seg];
    const end = ends[seg];
    let upper = 0;
    let lower = 0;
    let digits = 0;
    let spaces = 0;
    let words = 0;
    let breaks = 0;
    let chars = 0;
    // The segment start acts as whitespace, so a leading word is counted here; merging
    // subtracts it again if the previous segment ended inside the same word.
    let prevSpace = 1;
    let lastBreakEnd = start;
    let i = start;
    while (i < end) {
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
      // Branch-free accumulation: which class bits are set is unpredictable per character.
      upper += cls & CLASS_UPPER;
      lower += (cls & CLASS_LOWER) >>> 1;
      digits += (cls & CLASS_DIGIT) >>> 2;
      const space = (cls & CLASS_SPACE) >>> 3;
      spaces += space;
      words += prevSpace & (space ^ 1);
      prevSpace = space;
      chars += 1;
      if ((cls & CLASS_BREAK) !== 0) {
        // "\n" right after "\r" in the same segment closes the same line break.
        if (b !== LF || i - 2 < start || bytes[i - 2] !== CR) breaks += 1;
        lastBreakEnd = i;
      }
    }
    const row = seg * METRIC_COUNT;
    counts[row + METRIC_INDEX.CAPITALS] = upper;
    counts[row + METRIC_INDEX.LOWERCASE] = lower;
    counts[row + METRIC_INDEX.DIGITS] = digits;
    counts[row + METRIC_INDEX.WHITESPACE] = spaces;
    counts[row + METRIC_INDEX.WORDS] = words;
    counts[row + METRIC_INDEX.LINES] = breaks + (lastBreakEnd < end ? 1 : 0);
    counts[row + METRIC_INDEX.CHARACTERS] = chars;
    edges[seg] =
      start < end
        ? EDGE_NONEMPTY |
          ((classAt(bytes, start, classes) & CLASS_SPACE) === 0 ? EDGE_START_WORD : 0) |
          (prevSpace === 0 ? EDGE_END_WORD : 0) |
          (bytes[start] === LF ? EDGE_START_LF : 0) |
          (bytes[end - 1] === CR ? EDGE_END_CR : 0) |
          (lastBreakEnd < end ? EDGE_TRAILING : 0)
        : 0;
  }
}

/** Class bits of the code point whose first byte is at i. */
function classAt(bytes: Uint8Array, i: number, classes: CodePointClasses): number {
  const b = bytes[i];
  if (b < 0x80) return classes.bmp[b];
  if (b < 0xe0) return classes.bmp[((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f)];
  if (b < 0xf0) {
    return classes.bmp[((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f)];
  }
  return classes.classOf(
    ((b & 0x07) << 18) |
      ((bytes[i + 1] & 0x3f) << 12) |
      ((bytes[i + 2] & 0x3f) << 6) |
      (bytes[i + 3] & 0x3f),
  );
}
