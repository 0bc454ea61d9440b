import { METRIC_COUNT } from "../../../metrics/metrics";
import type { KernelBackend } from "../../kernels/kernel-backend";
import { countSegments, type SegmentCounts } from "../../kernels/text.kernel";
import type { SharedRows } from "./task.types";

/**
 * Segments per kernel call: the SIMD kernel's own batch, so no call is cut short. The kernel
 * writes straight into the shared rows: counting into new arrays and copying them over cost
 * each worker 0.6 ms per query at 10x, and the garbage V8 helper threads' CPU on top, while the
 * workers wanted both cores.
 */
const BATCH = 4096;

/** Counts segments [starts[j], ends[j]) of bytes into the shared rows `into` names. */
export function countInto(
  bytes: Uint8Array,
  starts: Float64Array,
  ends: Float64Array,
  mask: number,
  into: SharedRows,
  kernel: KernelBackend,
): void {
  const n = starts.length;
  if (n === 0) return;
  // Segment 0 goes elsewhere only when it continues an email the previous task began.
  const from = into.firstRow + 1 === into.restRow ? 0 : 1;
  if (from === 1) {
    const first = rowsOf(into, into.firstRow, 1, mask);
    countSegments(bytes, starts.subarray(0, 1), ends.subarray(0, 1), mask, kernel, first);
  }
  for (let lo = from; lo < n; lo += BATCH) {
    const hi = Math.min(n, lo + BATCH);
    const rows = rowsOf(into, into.restRow + lo - 1, hi - lo, mask);
    countSegments(bytes, starts.subarray(lo, hi), ends.subarray(lo, hi), mask, kernel, rows);
  }
}

/** Rows [row, row + n) of the shared matrix, as the kernel's output. */
function rowsOf(into: SharedRows, row: number, n: number, mask: number): SegmentCounts {
  return {
    n,
    mask,
    counts: into.counts.subarray(row * METRIC_COUNT, (row + n) * METRIC_COUNT),
    edges: into.edges.subarray(row, row + n),
  };
}
