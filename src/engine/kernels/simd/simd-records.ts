import { METRIC_COUNT, METRIC_INDEX, METRICS } from "../../../metrics/metrics";
import type { SegmentCounts } from "../segment-counts";

// The record layout is fixed by text.simd.wat: start, end, the seven counts in this METRICS
// order, then the edge flags, as 32-bit words.
const RECORD_METRICS = "CAPITALS,LOWERCASE,DIGITS,WHITESPACE,WORDS,LINES,CHARACTERS";
if (METRICS.join(",") !== RECORD_METRICS) {
  throw new Error(
    `text.simd.wat writes ${RECORD_METRICS}; METRICS changed to ${METRICS.join(",")}`,
  );
}
export const RECORD_WORDS = 10;
const COUNTS_WORD = 2;
const EDGES_WORD = 9;
const CAPITALS = METRIC_INDEX.CAPITALS;
const CHARACTERS = METRIC_INDEX.CHARACTERS;

/** What a kernel call computes, and so which record words hold results. */
export const enum Mode {
  CAPITALS,
  CAPITALS_AND_CHARACTERS,
  ALL,
}

/** A SIMD kernel's core: counts segments [starts[k], ends[k]) of bytes into result, as mode says. */
export type ModeRun<R> = (
  bytes: Uint8Array,
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  result: SegmentCounts,
  mode: Mode,
) => R;

export function capitalsMode(withCharacters: boolean): Mode {
  return withCharacters ? Mode.CAPITALS_AND_CHARACTERS : Mode.CAPITALS;
}

/** Stores records [0, count), as the kernel of `mode` left them, as segments first.. of result. */
export function readRecords(
  records: Int32Array,
  mode: Mode,
  first: number,
  count: number,
  result: SegmentCounts,
): void {
  const { counts, edges } = result;
  if (mode === Mode.ALL) {
    for (let i = 0; i < count; i++) {
      const r = i * RECORD_WORDS + COUNTS_WORD;
      const row = (first + i) * METRIC_COUNT;
      for (let m = 0; m < METRIC_COUNT; m++) counts[row + m] = records[r + m];
      edges[first + i] = records[i * RECORD_WORDS + EDGES_WORD];
    }
    return;
  }
  for (let i = 0; i < count; i++) {
    const r = i * RECORD_WORDS + COUNTS_WORD;
    const row = (first + i) * METRIC_COUNT;
    counts[row + CAPITALS] = records[r + CAPITALS];
    if (mode === Mode.CAPITALS_AND_CHARACTERS) counts[row + CHARACTERS] = records[r + CHARACTERS];
  }
}
