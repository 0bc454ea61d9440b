import type { DistributedUsage, WorkerUsage } from "../../execution-report";
import type { ExecutorRun } from "../executor";
import type { QueryOutcome } from "./job-results";

/**
 * A finished flow as the engine reports it. Queue wait is measured without comparing clocks
 * across hosts: each job's round trip on the API host minus the time its worker reports.
 */
export function summarizeRun(
  outcome: QueryOutcome,
  wallMs: number,
  staging: { stagingMs: number; bytesStaged: number },
): ExecutorRun {
  const perWorker = new Map<string, WorkerUsage>();
  const usage: DistributedUsage = {
    jobs: outcome.results.length,
    queueWaitMs: 0,
    stagingMs: staging.stagingMs,
    bytesStaged: staging.bytesStaged,
    bytesFetched: 0,
    bytesReturned: 0,
    bytesTransferred: 0,
    chunksCached: 0,
    stalledJobs: outcome.stalledJobs,
  };
  let readMs = 0;
  let computeMs = 0;
  outcome.metas.forEach((m, i) => {
    usage.queueWaitMs += Math.max(0, outcome.roundTripMs[i] - m.handledMs);
    usage.bytesFetched += m.fetchedBytes;
    usage.bytesReturned += m.resultBytes;
    if (m.cached) usage.chunksCached++;
    readMs += m.fetchMs;
    computeMs += m.computeMs;
    const w = perWorker.get(m.worker) ?? { worker: m.worker, tasks: 0, busyMs: 0 };
    w.tasks++;
    w.busyMs += m.handledMs;
    perWorker.set(m.worker, w);
  });
  usage.bytesTransferred = usage.bytesStaged + usage.bytesFetched + usage.bytesReturned;
  return {
    results: outcome.results,
    wallMs,
    dispatchMs: usage.queueWaitMs,
    readMs,
    computeMs,
    perWorker: [...perWorker.values()].sort((a, b) => a.worker.localeCompare(b.worker)),
    distributed: usage,
  };
}
