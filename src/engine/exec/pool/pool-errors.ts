export type WorkerType = "thread" | "process";

/** A worker died (killed, crashed, out of memory) under the task, on every attempt. */
export class WorkerCrashedError extends Error {
  override readonly name = "WorkerCrashedError";
  readonly code = "WORKER_CRASHED";

  constructor(
    readonly workerType: WorkerType,
    readonly attempts: number,
    cause: unknown,
  ) {
    super(
      `a ${workerType} worker died while running the task (${describeDeath(cause)}); ` +
        `gave up after ${attempts} attempt${attempts === 1 ? "" : "s"}`,
      { cause },
    );
  }
}

/** A task, or a whole query's run of tasks, outlived its time budget and was cancelled. */
export class TaskTimeoutError extends Error {
  override readonly name = "TaskTimeoutError";
  readonly code = "TASK_TIMEOUT";

  constructor(
    readonly timeoutMs: number,
    readonly scope: "task" | "query",
    detail = "",
  ) {
    super(`${scope} timed out after ${timeoutMs} ms and was cancelled${detail}`);
  }
}

/** The caller's AbortSignal fired; `cause` is the signal's reason. */
export class TaskAbortedError extends Error {
  override readonly name = "AbortError";
  readonly code = "ABORT_ERR";

  constructor(reason: unknown) {
    super(`task aborted: ${reason instanceof Error ? reason.message : String(reason)}`, {
      cause: reason,
    });
  }
}

/** The pool's queue is at maxQueueSize; the caller should shed load, not wait. */
export class PoolQueueFullError extends Error {
  override readonly name = "PoolQueueFullError";
  readonly code = "POOL_QUEUE_FULL";

  constructor(readonly maxQueueSize: number) {
    super(`worker pool queue is full (maxQueueSize ${maxQueueSize})`);
  }
}

export class PoolTerminatedError extends Error {
  override readonly name = "PoolTerminatedError";
  readonly code = "POOL_TERMINATED";

  constructor() {
    super("worker pool has been terminated");
  }
}

/**
 * One line out of workerpool's death report: its message spans lines and embeds the exit
 * code, the signal, or (for a thread) the underlying error such as ERR_WORKER_OUT_OF_MEMORY.
 */
function describeDeath(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause as { code?: unknown; message?: unknown } | undefined;
  if (inner && typeof inner.code === "string") return `${inner.code}: ${String(inner.message)}`;
  const signal = /signalCode: `([A-Z0-9]+)`/.exec(cause.message);
  if (signal?.[1] === "SIGABRT") return "killed by SIGABRT, as V8 does on reaching the heap limit";
  if (signal) return `killed by ${signal[1]}`;
  const exit = /exitCode: `(-?\d+)`/.exec(cause.message);
  if (exit) return `exited with code ${exit[1]}`;
  return cause.message.split("\n")[0];
}
