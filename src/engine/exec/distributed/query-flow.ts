import type { FlowJob } from "bullmq";
import type { StagedChunk } from "./chunk-stager";
import type { CountJobData } from "./job.types";
import { COUNT_QUEUE, jobIdOf, QUERY_QUEUE } from "./keys";

/** Jobs past a query's window wait as delayed jobs this far out, until promoted one by one. */
const HOLD_MS = 1e11;

export interface FlowInput {
  queryId: string;
  chunks: readonly StagedChunk[];
  mask: number;
  corpus: string;
  version: number;
}

/**
 * One query as a BullMQ flow, added atomically: the parent in the query queue, a child per
 * chunk in the count queue. The first `window` children can start at once; the rest are held
 * as delayed jobs for the query to promote. Nothing is kept once done: a child's result lives
 * under its own key until the API host reads it.
 */
export function queryFlow(q: FlowInput, window: number): FlowJob {
  return {
    name: "query",
    queueName: QUERY_QUEUE,
    data: { jobs: q.chunks.length },
    opts: { jobId: q.queryId, removeOnComplete: true, removeOnFail: true },
    children: q.chunks.map((c, i) => ({
      name: "count",
      queueName: COUNT_QUEUE,
      data: {
        chunk: c.digest,
        size: c.size,
        segments: c.segments,
        mask: q.mask,
        corpus: q.corpus,
        version: q.version,
      } satisfies CountJobData,
      opts: {
        jobId: jobIdOf(q.queryId, i),
        attempts: 1,
        delay: i < window ? 0 : HOLD_MS,
        removeOnComplete: true,
        removeOnFail: true,
      },
    })),
  };
}
