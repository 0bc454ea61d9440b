import { createSegmentCounts, mergeSegment, type SegmentCounts } from "../kernels/segment-counts";
import { MetricMatrix } from "../../metrics/metric-matrix";
import type { TaskPlan } from "./chunking";
import type { CountTaskResult } from "../exec/worker/task.types";

/**
 * Folds task results, in plan order, into one SegmentCounts row per selected email.
 * A split email's parts arrive in consecutive tasks, so each part merges into the
 * row its predecessor left.
 */
export function mergeResults(
  emails: number,
  mask: number,
  plans: readonly TaskPlan[],
  results: readonly CountTaskResult[],
): SegmentCounts {
  const out = createSegmentCounts(emails, mask);
  const rows = new MetricMatrix(out.counts);
  const seen = new Uint8Array(emails);
  for (let t = 0; t < plans.length; t++) {
    const plan = plans[t];
    const part: SegmentCounts = {
      n: plan.members.length,
      mask,
      counts: results[t].counts,
      edges: results[t].edges,
    };
    const members = plan.members;
    let j = 0;
    while (j < members.length) {
      const m = members[j];
      if (seen[m] === 1) {
        mergeSegment(out, m, out, m, part, j);
        j++;
        continue;
      }
      // Plans list emails in order, so a task's fresh emails form runs: copy each run whole.
      let k = j + 1;
      while (k < members.length && members[k] === members[k - 1] + 1 && seen[members[k]] === 0) k++;
      rows.copyRows(m, new MetricMatrix(part.counts), j, k);
      out.edges.set(part.edges.subarray(j, k), m);
      seen.fill(1, m, m + (k - j));
      j = k;
    }
  }
  return out;
}
