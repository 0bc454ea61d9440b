import { isMainThread } from "node:worker_threads";
import * as workerpool from "workerpool";
import { packForIpc, type PackedCountResult } from "../pool/result-packing";
import { claimCount, unpackClaim, type PackedClaims } from "../pool/claim-packing";
import { ALL_METRICS_MASK, METRIC_INDEX } from "../../../metrics/metrics";
import { countText } from "../../kernels/text.kernel";
import { runCountTask, type PackedResidentTask } from "./count.task";
import type { ClaimedRun, CountTask, CountTaskResult } from "./task.types";
import { WorkerEnv, workerIdOfThisContext } from "./worker-env";
import { lowerWorkerPriority, WORKER_NICE_ENV } from "./worker-priority";

type Transfer = InstanceType<typeof workerpool.Transfer>;

/** What a worker entry registers with workerpool, by method name. */
export type WorkerMethods = Record<string, (...args: never[]) => unknown>;

/** The methods every pool calls: `count` runs a task, `warm` readies the kernels. */
export interface CountWorkerMethods extends WorkerMethods {
  count(task: CountTask | PackedResidentTask): CountTaskResult | PackedCountResult | Transfer;
  warm(): string;
  /** Runs tasks of `claims` (which write in place) as it claims them from `cursor`. */
  countClaimed(claims: PackedClaims, cursor: Int32Array): ClaimedRun;
}

/**
 * Registers the count worker's methods with workerpool, in a worker thread or a child
 * process alike (workerpool picks the transport). `extend` may add methods or wrap the
 * standard ones; it is how another entry (a test's slow or faulty worker, say) reuses this
 * one without the production entry knowing of it.
 */
export function serveCountWorker(
  extend: (env: WorkerEnv, standard: CountWorkerMethods) => WorkerMethods = () => ({}),
): void {
  lowerWorkerPriority(Number(process.env[WORKER_NICE_ENV] ?? 0));
  const env = new WorkerEnv(workerIdOfThisContext());
  const standard: CountWorkerMethods = {
    count: (task) => reply(task, runCountTask(task, env)),
    warm: () => {
      // Importing the kernel already built the BMP table; running both code paths once also
      // gets them past V8's interpreter before the first real query.
      countText("Warm Up, ÉCOLE 12\n", 1 << METRIC_INDEX.CAPITALS);
      countText("Warm Up, ÉCOLE 12\n", ALL_METRICS_MASK);
      return env.worker;
    },
    // Through `methods.count`, so an entry that wraps count (a test's slow worker) wraps these too.
    countClaimed: (claims, cursor) =>
      claimTasks(claims, cursor, env.worker, (t) => methods.count(t)),
  };
  const methods = { ...standard, ...extend(env, standard) } as CountWorkerMethods;
  workerpool.worker(methods, { onTerminate: () => env.close() });
}

/**
 * Work stealing without a round trip: every worker of a query gets the same task list and
 * claims the next unclaimed task with one atomic add, until none is left. A worker slowed by
 * heavier text or by another process simply claims fewer, and the main thread sleeps
 * throughout instead of waking to hand out each task.
 */
function claimTasks(
  claims: PackedClaims,
  cursor: Int32Array,
  worker: string,
  count: (task: CountTask) => unknown,
): ClaimedRun {
  const run: ClaimedRun = { worker, readMs: 0, computeMs: 0, tasks: [], taskMs: [] };
  const n = claimCount(claims);
  for (let i = Atomics.add(cursor, 0, 1); i < n; i = Atomics.add(cursor, 0, 1)) {
    const r = count(unpackClaim(claims, i)) as CountTaskResult;
    run.tasks.push(i);
    run.taskMs.push(r.computeMs);
    run.readMs += r.readMs;
    run.computeMs += r.computeMs;
  }
  return run;
}

/** A thread's result goes by transfer; a child process's is packed, since IPC copies it. */
function reply(
  task: CountTask | PackedResidentTask,
  result: CountTaskResult,
): CountTaskResult | PackedCountResult | Transfer {
  return isMainThread ? packForIpc(result, task.mask) : transferable(result);
}

/**
 * Moves the result arrays to the main thread instead of copying them. Only their own,
 * unshared buffers are listed: transferring a buffer detaches every view on it. A child
 * process ignores the transfer list (IPC always copies).
 */
function transferable(result: CountTaskResult): CountTaskResult | Transfer {
  const list: ArrayBuffer[] = [];
  for (const view of [result.counts, result.edges]) {
    const buf = view.buffer;
    if (
      buf instanceof ArrayBuffer &&
      buf.byteLength > 0 &&
      buf.byteLength === view.byteLength &&
      !list.includes(buf)
    ) {
      list.push(buf);
    }
  }
  return list.length > 0 ? new workerpool.Transfer(result, list) : result;
}
