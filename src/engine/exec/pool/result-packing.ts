import { METRIC_COUNT } from "../../../metrics/metrics";
import { columnsOf, MetricMatrix } from "../../../metrics/metric-matrix";
import type { CountTaskResult } from "../worker/task.types";

/** A result as it crosses IPC: only the columns of the metrics the task computed. */
export type PackedCountResult = Omit<CountTaskResult, "counts"> & {
  /** segments * (metrics in mask), row-major, in METRICS order. */
  packed: Float64Array;
  mask: number;
};

/**
 * Drops the columns of metrics the task did not compute (they are all 0). IPC serializes,
 * pipes and deserializes every byte on both sides, and on the server's main thread that was
 * most of a PROCESSES query's cost: the flagship asks for 2 of 7 metrics.
 */
export function packForIpc(
  result: CountTaskResult,
  mask: number,
): CountTaskResult | PackedCountResult {
  if (columnsOf(mask).length === METRIC_COUNT) return result;
  const { counts, ...rest } = result;
  return { ...rest, packed: new MetricMatrix(counts).packColumns(mask), mask };
}

/** The full-layout result again (metrics outside the mask 0), whichever form arrived. */
export function unpackFromIpc(result: CountTaskResult | PackedCountResult): CountTaskResult {
  if (!("packed" in result)) return result;
  const { packed, mask, ...rest } = result;
  const k = columnsOf(mask).length;
  // With no column packed, the edge flags (one per segment) still give the row count.
  const rows = k === 0 ? result.edges.length : packed.length / k;
  return { ...rest, counts: MetricMatrix.unpackColumns(packed, mask, rows).values };
}
