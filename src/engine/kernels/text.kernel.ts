import type { KernelBackend } from "./kernel-backend";
import { defaultKernel } from "./kernel-selection";
import { METRIC_COUNT, METRIC_INDEX } from "../../metrics/metrics";
import {
  assertMask,
  countsAt,
  createSegmentCounts,
  EDGE_NONEMPTY,
  type SegmentCounts,
} from "./segment-counts";
import { checkCodePointBoundaries } from "./utf8";

export { countsAt, createSegmentCounts, mergeSegment, type SegmentCounts } from "./segment-counts";

const CAPITALS_ONLY = 1 << METRIC_INDEX.CAPITALS;
const CAPITALS_AND_CHARACTERS = CAPITALS_ONLY | (1 << METRIC_INDEX.CHARACTERS);

/**
 * Count the metrics in mask for each segment bytes[starts[i], ends[i]). bytes must be valid
 * UTF-8 (the loader validates it) and every boundary a code-point start; bytes may be a view
 * at any offset of any buffer, shared ones included. Every kernel gives the same counts; the
 * default is the fastest one this engine runs (see kernel-selection.ts). The counts go to
 * `into` when given (views of rows elsewhere, dirty or not: they are cleared first), else to
 * new arrays.
 */
export function countSegments(
  bytes: Uint8Array,
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  mask: number,
  kernel: KernelBackend = defaultKernel(),
  into?: SegmentCounts,
): SegmentCounts {
  if (!(bytes instanceof Uint8Array)) throw new TypeError("bytes must be a Uint8Array of UTF-8");
  assertMask(mask);
  if (starts.length !== ends.length) {
    throw new RangeError(`starts has ${starts.length} entries but ends has ${ends.length}`);
  }
  const n = starts.length;
  for (let i = 0; i < n; i++) checkRange(bytes, starts, ends, i);
  if (kernel.checksCodePointBoundaries !== true)
    checkCodePointBoundaries(bytes, starts, ends, 0, n);
  const result = into ? cleared(into, n, mask) : createSegmentCounts(n, mask);
  if ((mask & ~CAPITALS_AND_CHARACTERS) !== 0) {
    kernel.countAll(bytes, starts, ends, result);
    clearUnrequested(result);
    return result;
  }
  // Neither WORDS nor LINES: the merge needs no edge flag but EDGE_NONEMPTY.
  if ((mask & CAPITALS_ONLY) !== 0) {
    kernel.countCapitals(bytes, starts, ends, result, mask !== CAPITALS_ONLY);
  } else if (mask !== 0) {
    kernel.countAll(bytes, starts, ends, result);
    clearUnrequested(result);
    return result;
  }
  for (let i = 0; i < n; i++) result.edges[i] = starts[i] < ends[i] ? EDGE_NONEMPTY : 0;
  return result;
}

/** Convenience for one string: the counts indexed by METRIC_INDEX (metrics not in mask are 0). */
export function countText(
  text: string,
  mask: number,
  kernel: KernelBackend = defaultKernel(),
): number[] {
  if (typeof text !== "string") throw new TypeError(`text must be a string, got ${typeof text}`);
  const surrogate = /\p{Cs}/u.exec(text);
  if (surrogate !== null) {
    throw new RangeError(
      `text has a lone surrogate at index ${surrogate.index}, which has no UTF-8 encoding`,
    );
  }
  const bytes = Buffer.from(text, "utf8");
  return countsAt(countSegments(bytes, [0], [bytes.length], mask, kernel), 0);
}

/**
 * Segment i's range, after the boundaries of the segments before it: the first invalid segment
 * is reported whichever check it fails, as when each segment was checked whole in turn.
 */
function checkRange(
  bytes: Uint8Array,
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  i: number,
): void {
  const start = starts[i];
  const end = ends[i];
  const valid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end;
  if (valid && end <= bytes.length) return;
  checkCodePointBoundaries(bytes, starts, ends, 0, i);
  if (!valid) throw new RangeError(`segment ${i} [${start}, ${end}) is not a valid byte range`);
  throw new RangeError(`segment ${i} [${start}, ${end}) ends past the ${bytes.length} bytes`);
}

function clearUnrequested(result: SegmentCounts): void {
  const { counts, mask } = result;
  for (let m = 0; m < METRIC_COUNT; m++) {
    if ((mask & (1 << m)) !== 0) continue;
    for (let k = m; k < counts.length; k += METRIC_COUNT) counts[k] = 0;
  }
}

/** `into`, zeroed, once it is known to fit n segments of this mask: kernels add to zeros. */
function cleared(into: SegmentCounts, n: number, mask: number): SegmentCounts {
  if (into.n !== n || into.mask !== mask || into.counts.length !== n * METRIC_COUNT) {
    throw new RangeError(
      `the rows given hold ${into.n} segments of mask ${into.mask}, not ${n} of mask ${mask}`,
    );
  }
  if (into.edges.length !== n)
    throw new RangeError(`the rows given have ${into.edges.length} edge flags, not ${n}`);
  into.counts.fill(0);
  into.edges.fill(0);
  return into;
}
