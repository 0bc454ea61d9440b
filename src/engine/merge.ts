import { createSegmentCounts, mergeSegment, type SegmentCounts } from "./kernels/segment-counts";
import { METRIC_COUNT } from "./kernels/metrics";
import type { TaskPlan } from "./chunking";
import type { CountTaskResult } from "./task.types";

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
  const seen = new Uint8Array(emails);
  for (let t = 0; t < plans.length; t++) {
    const plan = plans[t];
    const part: SegmentCounts = {
      n: plan.members.length,
      mask,
      counts: results[t].counts,
      edges: results[t].edges,
    };
    for (let j = 0; j < plan.members.length; j++) {
      const m = plan.members[j];
      if (seen[m] === 0) {
        out.counts.set(
          part.counts.subarray(j * METRIC_COUNT, (j + 1) * METRIC_COUNT),
          m * METRIC_COUNT,
        );
        out.edges[m] = part.edges[j];
        seen[m] = 1;
      } else {
        mergeSegment(out, m, out, m, part, j);
      }
    }
  }
  return out;
}
