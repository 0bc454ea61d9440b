import { createSegmentCounts, mergeSegment, type SegmentCounts } from "../kernels/segment-counts";
import { columnsOf, MetricMatrix } from "../../metrics/metric-matrix";
import type { TaskPlan } from "./chunking";
import type { CountTaskResult } from "../exec/worker/task.types";

/**
 * Folds task results, in plan order, into one row per selected email, packed to the query's
 * mask (what a cached answer keeps: 2 of 7 columns for the flagship query). A split email's
 * parts arrive in consecutive tasks, so each part merges into the row its predecessor left.
 */
export function mergeResults(
  emails: number,
  mask: number,
  plans: readonly TaskPlan[],
  results: readonly CountTaskResult[],
): MetricMatrix {
  const out = new MetricMatrix(new Float64Array(emails * columnsOf(mask).length), mask);
  const outEdges = new Uint8Array(emails);
  const seen = new Uint8Array(emails);
  for (let t = 0; t < plans.length; t++) {
    const plan = plans[t];
    const { counts, edges, holds } = results[t];
    // Packed results (from Redis) are copied as they are: unpacking each first cost a
    // full-width copy of every task's rows, garbage the main thread's collector then paid for.
    const source = new MetricMatrix(counts, holds);
    const members = plan.members;
    let j = 0;
    while (j < members.length) {
      const m = members[j];
      if (seen[m] === 1) {
        // mergeSegment works on full rows: the email's row so far and this part, widened.
        const row = rowOf(out, outEdges, m, mask);
        mergeSegment(row, 0, row, 0, rowOf(source, edges, j, mask), 0);
        out.copyRows(m, new MetricMatrix(row.counts), 0, 1);
        outEdges[m] = row.edges[0];
        j++;
        continue;
      }
      // Plans list emails in order, so a task's fresh emails form runs: copy each run whole.
      let k = j + 1;
      while (k < members.length && members[k] === members[k - 1] + 1 && seen[members[k]] === 0) k++;
      out.copyRows(m, source, j, k);
      outEdges.set(edges.subarray(j, k), m);
      seen.fill(1, m, m + (k - j));
      j = k;
    }
  }
  return out;
}

/** Row j of a result as a one-segment SegmentCounts, full width, for mergeSegment. */
function rowOf(source: MetricMatrix, edges: Uint8Array, j: number, mask: number): SegmentCounts {
  const one = createSegmentCounts(1, mask);
  new MetricMatrix(one.counts).copyRows(0, source, j, j + 1);
  one.edges[0] = edges[j];
  return one;
}
