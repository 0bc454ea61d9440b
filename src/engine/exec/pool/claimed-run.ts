import type { RunOptions } from "../executor";
import type { ClaimedRun, CountTask, CountTaskResult } from "../worker/task.types";
import type { PackedClaims } from "./claim-packing";
import { runTasks, summarize, type ExecTask, type RunTiming, type ScheduledRun } from "./scheduler";

/** How a worker runs a query's task list, claiming tasks from the shared cursor. */
export type ExecClaimed = (
  claims: PackedClaims,
  cursor: Int32Array,
  opts: { signal?: AbortSignal; timeoutMs?: number },
) => Promise<ClaimedRun>;

/** What a task that wrote its rows in place leaves in a run's results: nothing to merge. */
const NO_COUNTS = new Float64Array(0);
const NO_EDGES = new Uint8Array(0);

/**
 * Runs tasks that write their rows in place (`claims`, packed from `tasks`) on `concurrency` workers
 * that claim them from one shared cursor: one message out and one back per worker, however
 * many tasks, so a query can have many small tasks (and finish evenly) at no dispatch cost.
 * Timeouts, aborts and failures are runTasks's. A task claimed by a worker that died is run
 * again afterwards, one task per round trip, so every task is counted exactly once.
 */
export async function runClaimed(
  execClaimed: ExecClaimed,
  exec: ExecTask,
  tasks: CountTask[],
  claims: PackedClaims,
  opts: RunOptions,
): Promise<{ results: CountTaskResult[]; timing: RunTiming }> {
  const startedAt = performance.now();
  const cursor = new Int32Array(new SharedArrayBuffer(4));
  const workers = Math.min(opts.concurrency, tasks.length);
  let done = 0;
  const claim: ExecTask<PackedClaims, ClaimedRun> = (list, o) =>
    execClaimed(list, cursor, o).then((r) => {
      done += r.tasks.length;
      opts.onProgress?.(done, tasks.length);
      return r;
    });
  const deadline = opts.timeoutMs === undefined ? undefined : startedAt + opts.timeoutMs;
  const runs = await runTasks(claim, new Array<PackedClaims>(workers).fill(claims), {
    ...opts,
    concurrency: workers,
    onProgress: undefined,
  });
  const results = new Array<CountTaskResult>(tasks.length);
  for (const run of runs.results) {
    run.tasks.forEach((t, k) => {
      // A literal, not a spread of a template: one small object of one shape per task.
      results[t] = {
        counts: NO_COUNTS,
        edges: NO_EDGES,
        readMs: 0,
        worker: run.worker,
        computeMs: run.taskMs[k],
      };
    });
  }
  const missing = tasks.flatMap((_, i) => (results[i] === undefined ? [i] : []));
  let rerun: ScheduledRun | null = null;
  if (missing.length > 0) {
    const left = deadline === undefined ? undefined : Math.max(1, deadline - performance.now());
    rerun = await runTasks(
      exec,
      missing.map((i) => tasks[i]),
      { ...opts, timeoutMs: left, onProgress: undefined },
    );
    rerun.results.forEach((r, k) => (results[missing[k]] = r));
  }
  return { results, timing: timingOf(results, runs, rerun, startedAt) };
}

/** The runs' dispatch (round trips minus work), with per-worker loads counted per task. */
function timingOf(
  results: CountTaskResult[],
  runs: ScheduledRun<ClaimedRun>,
  rerun: ScheduledRun | null,
  startedAt: number,
): RunTiming {
  const claimed = summarize(runs.results, runs.roundTripMs, startedAt);
  const again = rerun ? summarize(rerun.results, rerun.roundTripMs, startedAt) : null;
  const perTask = summarize(results, new Array<number>(results.length).fill(0), startedAt);
  return {
    ...perTask,
    queueAndDispatchMs: claimed.queueAndDispatchMs + (again?.queueAndDispatchMs ?? 0),
  };
}
