import { METRIC_COUNT } from "../../../metrics/metrics";
import type { CountTaskResult } from "../worker/task.types";

/** A result as it crosses IPC: only the columns of the metrics the task computed. */
export type PackedCountResult = Omit<CountTaskResult, "counts"> & {
  /** segments * (metrics in mask), row-major, in METRICS order. */
  packed: Float64Array;
  mask: number;
};

function columnsOf(mask: number): number[] {
  const columns: number[] = [];
  for (let m = 0; m < METRIC_COUNT; m++) if ((mask & (1 << m)) !== 0) columns.push(m);
  return columns;
}

/**
 * Drops the columns of metrics the task did not compute (they are all 0). IPC serializes,
 * pipes and deserializes every byte on both sides, and on the server's main thread that was
 * most of a PROCESSES query's cost: the flagship asks for 2 of 7 metrics.
 */
export function packForIpc(
  result: CountTaskResult,
  mask: number,
): CountTaskResult | PackedCountResult {
  const columns = columnsOf(mask);
  if (columns.length === METRIC_COUNT) return result;
  const { counts, ...rest } = result;
  const n = counts.length / METRIC_COUNT;
  const k = columns.length;
  const packed = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) packed[i * k + c] = counts[i * METRIC_COUNT + columns[c]];
  }
  return { ...rest, packed, mask };
}

/** The full-layout result again (metrics outside the mask 0), whichever form arrived. */
export function unpackFromIpc(result: CountTaskResult | PackedCountResult): CountTaskResult {
  if (!("packed" in result)) return result;
  const { packed, mask, ...rest } = result;
  const columns = columnsOf(mask);
  const k = columns.length;
  const n = k === 0 ? result.edges.length : packed.length / k;
  const counts = new Float64Array(n * METRIC_COUNT);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) counts[i * METRIC_COUNT + columns[c]] = packed[i * k + c];
  }
  return { ...rest, counts };
}
