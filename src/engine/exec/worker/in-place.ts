import { MetricMatrix } from "../../../metrics/metric-matrix";
import type { KernelBackend } from "../../kernels/kernel-backend";
import { countSegments, type SegmentCounts } from "../../kernels/text.kernel";
import type { SharedRows } from "./task.types";

/**
 * Segments per kernel call: the SIMD kernel's own batch, so no call is cut short, and a result
 * of 230 KB, copied into the shared rows while it is still in cache. Counting a whole task in
 * one call allocated 2.2 MB per task at 10x, garbage the V8 helper threads then spent CPU on
 * while the workers wanted both cores.
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
  if (from === 1)
    write(
      countSegments(bytes, starts.subarray(0, 1), ends.subarray(0, 1), mask, kernel),
      into,
      into.firstRow,
    );
  for (let lo = from; lo < n; lo += BATCH) {
    const hi = Math.min(n, lo + BATCH);
    const part = countSegments(bytes, starts.subarray(lo, hi), ends.subarray(lo, hi), mask, kernel);
    write(part, into, into.restRow + lo - 1);
  }
}

function write(part: SegmentCounts, into: SharedRows, row: number): void {
  const source = new MetricMatrix(part.counts);
  new MetricMatrix(into.counts).copyRows(row, source, 0, source.rows);
  into.edges.set(part.edges, row);
}
