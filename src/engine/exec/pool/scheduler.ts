import { performance } from "node:perf_hooks";
import type { WorkerUsage } from "../../execution-report";
import type { RunOptions } from "../executor";
import type { CountTask, CountTaskResult } from "../worker/task.types";
import { TaskAbortedError, TaskTimeoutError } from "./pool-errors";

/** What the scheduler reads of a result: who ran it and how long it worked. */
export type TimedResult = Pick<CountTaskResult, "worker" | "readMs" | "computeMs">;

export type ExecTask<T = CountTask, R extends TimedResult = CountTaskResult> = (
  task: T,
  opts: { signal?: AbortSignal; timeoutMs?: number },
) => Promise<R>;

export interface RunTiming {
  wallMs: number;
  /** Sum over tasks of roundTripMs - readMs - computeMs: queueing, messaging, cloning. */
  queueAndDispatchMs: number;
  readMs: number;
  computeMs: number;
  perWorker: WorkerUsage[];
}

export interface ScheduledRun<R extends TimedResult = CountTaskResult> {
  /** In task order, whatever order they finished in. */
  results: R[];
  /** Per task, from exec call to result, measured on the calling thread. */
  roundTripMs: number[];
  timing: RunTiming;
}

/**
 * Runs a query's tasks through exec with a bounded window. The window is what enforces a
 * query's worker cap on a shared pool: the pool queues FIFO, so queries that each keep only
 * `concurrency` tasks queued interleave instead of one flooding the queue ahead of the rest.
 * The first failure (or the deadline, or the caller's signal) aborts everything still in
 * flight and rejects at once.
 */
export function runTasks<T = CountTask, R extends TimedResult = CountTaskResult>(
  exec: ExecTask<T, R>,
  tasks: readonly T[],
  opts: RunOptions,
): Promise<ScheduledRun<R>> {
  const { concurrency, signal, timeoutMs, onProgress } = opts;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    return Promise.reject(
      new RangeError(`concurrency must be a positive integer, got ${concurrency}`),
    );
  }
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    return Promise.reject(new RangeError(`timeoutMs must be a positive number, got ${timeoutMs}`));
  }
  if (signal?.aborted) return Promise.reject(new TaskAbortedError(signal.reason));

  return new Promise<ScheduledRun<R>>((resolve, reject) => {
    const total = tasks.length;
    const results = new Array<R>(total);
    const roundTripMs = new Array<number>(total).fill(0);
    const cancel = new AbortController();
    const startedAt = performance.now();
    let next = 0;
    let inFlight = 0;
    let done = 0;
    let over = false;
    let timer: NodeJS.Timeout | undefined;

    const end = (): void => {
      over = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    };
    const fail = (err: unknown): void => {
      if (over) return;
      end();
      cancel.abort(err);
      reject(err);
    };
    const onAbort = (): void => fail(new TaskAbortedError(signal?.reason));

    const onResult = (i: number, sentAt: number, result: R): void => {
      if (over) return;
      roundTripMs[i] = performance.now() - sentAt;
      results[i] = result;
      inFlight--;
      done++;
      try {
        onProgress?.(done, total);
      } catch (err) {
        fail(err);
        return;
      }
      if (done === total) {
        end();
        resolve({ results, roundTripMs, timing: summarize(results, roundTripMs, startedAt) });
      } else {
        launch();
      }
    };

    const launch = (): void => {
      while (!over && inFlight < concurrency && next < total) {
        const i = next++;
        inFlight++;
        const sentAt = performance.now();
        let pending: Promise<R>;
        try {
          pending = exec(tasks[i], { signal: cancel.signal });
        } catch (err) {
          fail(err);
          return;
        }
        Promise.resolve(pending).then((r) => onResult(i, sentAt, r), fail);
      }
    };

    if (total === 0) {
      end();
      resolve({ results, roundTripMs, timing: summarize(results, roundTripMs, startedAt) });
      return;
    }
    if (timeoutMs !== undefined) {
      timer = setTimeout(
        () => fail(new TaskTimeoutError(timeoutMs, "query", ` (${done} of ${total} tasks done)`)),
        timeoutMs,
      );
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    launch();
  });
}

export function summarize(
  results: readonly TimedResult[],
  roundTripMs: number[],
  startedAt: number,
): RunTiming {
  let readMs = 0;
  let computeMs = 0;
  let queueAndDispatchMs = 0;
  const perWorker = new Map<string, WorkerUsage>();
  results.forEach((r, i) => {
    readMs += r.readMs;
    computeMs += r.computeMs;
    queueAndDispatchMs += roundTripMs[i] - r.readMs - r.computeMs;
    let load = perWorker.get(r.worker);
    if (load === undefined) {
      load = { worker: r.worker, tasks: 0, busyMs: 0 };
      perWorker.set(r.worker, load);
    }
    load.tasks++;
    load.busyMs += r.readMs + r.computeMs;
  });
  return {
    wallMs: performance.now() - startedAt,
    queueAndDispatchMs,
    readMs,
    computeMs,
    perWorker: [...perWorker.values()],
  };
}
