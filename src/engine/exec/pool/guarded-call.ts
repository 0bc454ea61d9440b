import { TaskAbortedError, TaskTimeoutError } from "./pool-errors";

/** The two things this module needs from a workerpool promise. */
export interface CancellablePromise<T> {
  then(onResolved: (value: T) => void, onRejected: (err: unknown) => void): unknown;
  /** Rejects the promise at once; workerpool then cleans up (or replaces) the worker. */
  cancel(): unknown;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Budget for the whole call, queueing and any retry included. */
  timeoutMs?: number;
}

export interface CallPolicy {
  /** Attempts allowed when the worker dies under the task (1 = no retry). */
  maxAttempts: number;
  /** True when err means the worker died, as opposed to the task throwing. */
  isWorkerDeath(err: unknown): boolean;
  /** False once retrying would be wrong, e.g. while the pool shuts down. */
  mayRetry(): boolean;
  /** The error to reject with after the last death. */
  crashed(err: unknown, attempts: number): unknown;
  /** The error to reject with when the task itself failed. */
  failed(err: unknown): unknown;
}

/**
 * Runs start() under a deadline and an abort signal, restarting it when its worker dies.
 * The returned promise settles exactly once, and promptly: on timeout or abort it rejects
 * immediately and cancels the attempt, leaving the worker's teardown to workerpool, which may
 * take up to two terminate timeouts when the worker is stuck in a blocking call.
 */
export function guardedCall<T>(
  start: () => CancellablePromise<T>,
  policy: CallPolicy,
  opts: CallOptions = {},
): Promise<T> {
  const { signal, timeoutMs } = opts;
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    return Promise.reject(new RangeError(`timeoutMs must be a positive number, got ${timeoutMs}`));
  }
  if (signal?.aborted) return Promise.reject(new TaskAbortedError(signal.reason));

  return new Promise<T>((resolve, reject) => {
    let current: CancellablePromise<T> | undefined;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;

    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      action();
    };
    // settled is set before cancel(), whose synchronous rejection must not count as a failure.
    const cancelWith = (err: unknown): void =>
      settle(() => {
        current?.cancel();
        reject(err);
      });
    const onAbort = (): void => cancelWith(new TaskAbortedError(signal?.reason));

    const attempt = (n: number): void => {
      try {
        current = start();
      } catch (err) {
        settle(() => reject(policy.failed(err)));
        return;
      }
      current.then(
        (value) => settle(() => resolve(value)),
        (err) => {
          if (settled) return;
          if (!policy.isWorkerDeath(err)) settle(() => reject(policy.failed(err)));
          else if (n < policy.maxAttempts && policy.mayRetry()) {
            // Deferred so workerpool, whose promises call back synchronously, has finished
            // removing the dead worker before the retry asks it for one.
            current = undefined;
            setImmediate(() => {
              if (!settled) attempt(n + 1);
            });
          } else settle(() => reject(policy.crashed(err, n)));
        },
      );
    };

    if (timeoutMs !== undefined) {
      timer = setTimeout(() => cancelWith(new TaskTimeoutError(timeoutMs, "task")), timeoutMs);
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    attempt(1);
  });
}
