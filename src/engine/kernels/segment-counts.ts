import { ALL_METRICS_MASK, METRIC_COUNT, METRIC_INDEX } from "../../metrics/metrics";

/** Results for n segments, struct-of-arrays so they transfer between threads cheaply. */
export interface SegmentCounts {
  n: number;
  /** Which metrics were computed (bit i = METRICS[i]); the others are 0. */
  mask: number;
  /** n * METRIC_COUNT, row-major: counts[i * METRIC_COUNT + METRIC_INDEX[m]]. */
  counts: Float64Array;
  /** n boundary-flag bytes (EDGE_*), used only to merge split segments exactly. */
  edges: Uint8Array;
}

/**
 * Edge flags. WORDS and LINES are not additive: a word or a "\r\n" pair may straddle a cut, and
 * whether the last line is terminated depends on what follows. These bits describe a segment's
 * two ends just enough to undo that. Only EDGE_NONEMPTY is guaranteed for every mask; the others
 * are guaranteed when WORDS or LINES is in it.
 */
export const EDGE_NONEMPTY = 1;
/** First code point is not whitespace: a word may continue across the cut before it. */
export const EDGE_START_WORD = 2;
/** Last code point is not whitespace: a word may continue across the cut after it. */
export const EDGE_END_WORD = 4;
/** First byte is "\n": it completes a "\r\n" if the previous segment ended with "\r". */
export const EDGE_START_LF = 8;
/** Last byte is "\r". */
export const EDGE_END_CR = 16;
/** Text after the last line break (or the whole segment, if none) is non-empty. */
export const EDGE_TRAILING = 32;

/** Flags that describe the start of the text, inherited from the first non-empty part. */
const START_FLAGS = EDGE_START_WORD | EDGE_START_LF;
/** Flags that describe the end of the text, inherited from the last non-empty part. */
const END_FLAGS = EDGE_END_WORD | EDGE_END_CR | EDGE_TRAILING;

const WORDS = METRIC_INDEX.WORDS;
const LINES = METRIC_INDEX.LINES;

export function createSegmentCounts(n: number, mask: number): SegmentCounts {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`segment count must be a natural number, got ${n}`);
  }
  assertMask(mask);
  return { n, mask, counts: new Float64Array(n * METRIC_COUNT), edges: new Uint8Array(n) };
}

export function assertMask(mask: number): void {
  if (!Number.isInteger(mask) || mask < 0 || (mask & ~ALL_METRICS_MASK) !== 0) {
    throw new RangeError(
      `metric mask ${mask} is invalid: it must be an integer made of bits 0..${METRIC_COUNT - 1}`,
    );
  }
}

/**
 * Counts of the concatenation A+B, where A is segment ia of a and B is segment ib of b, written
 * to segment it of target. Exact for every metric, for any cut at a code-point boundary. target
 * may be a or b (in-place accumulation), so everything is read before anything is written.
 * All three must carry the same mask; the merged edges can be merged again with later parts.
 */
export function mergeSegment(
  target: SegmentCounts,
  it: number,
  a: SegmentCounts,
  ia: number,
  b: SegmentCounts,
  ib: number,
): void {
  if (a.mask !== target.mask || b.mask !== target.mask) {
    throw new RangeError(
      `cannot merge counts of different metric masks (${a.mask} + ${b.mask} into ${target.mask})`,
    );
  }
  checkIndex(target, it, "target");
  checkIndex(a, ia, "a");
  checkIndex(b, ib, "b");
  const ea = a.edges[ia];
  const eb = b.edges[ib];
  const oa = ia * METRIC_COUNT;
  const ob = ib * METRIC_COUNT;
  const ot = it * METRIC_COUNT;

  let words = a.counts[oa + WORDS] + b.counts[ob + WORDS];
  if ((ea & EDGE_END_WORD) !== 0 && (eb & EDGE_START_WORD) !== 0) words -= 1;

  // LINES = breaks + trailing; take the trailing term off both parts, then put back the
  // trailing term of the whole, which the last non-empty part decides.
  let lines = a.counts[oa + LINES] - trailing(ea) + b.counts[ob + LINES] - trailing(eb);
  if ((ea & EDGE_END_CR) !== 0 && (eb & EDGE_START_LF) !== 0) lines -= 1;
  const edges =
    ((ea | eb) & EDGE_NONEMPTY) |
    (((ea & EDGE_NONEMPTY) !== 0 ? ea : eb) & START_FLAGS) |
    (((eb & EDGE_NONEMPTY) !== 0 ? eb : ea) & END_FLAGS);
  lines += trailing(edges);

  for (let m = 0; m < METRIC_COUNT; m++) {
    target.counts[ot + m] = a.counts[oa + m] + b.counts[ob + m];
  }
  if ((target.mask & (1 << WORDS)) !== 0) target.counts[ot + WORDS] = words;
  if ((target.mask & (1 << LINES)) !== 0) target.counts[ot + LINES] = lines;
  target.edges[it] = edges;
}

/** The counts of segment i, indexed by METRIC_INDEX (metrics outside the mask are 0). */
export function countsAt(sc: SegmentCounts, i: number): number[] {
  checkIndex(sc, i, "segment");
  return Array.from(sc.counts.subarray(i * METRIC_COUNT, (i + 1) * METRIC_COUNT));
}

function trailing(edges: number): number {
  return (edges & EDGE_TRAILING) !== 0 ? 1 : 0;
}

function checkIndex(sc: SegmentCounts, i: number, what: string): void {
  if (!Number.isInteger(i) || i < 0 || i >= sc.n) {
    throw new RangeError(`${what} index ${i} is out of range 0..${sc.n - 1}`);
  }
}
