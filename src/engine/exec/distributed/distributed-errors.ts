import {
  CountCancelledError,
  CountTimeoutError,
  EngineError,
  InvalidCountRequestError,
  WorkerFailedError,
} from "../../errors";

/**
 * The DISTRIBUTED executor's own failures. Each message says what to do about it;
 * src/errors/engine-error.mapping.ts gives them the API's codes (NOT_CONFIGURED, NO_WORKERS,
 * REDIS_UNAVAILABLE, BAD_USER_INPUT). A job that failed on a worker is the engine's
 * WorkerFailedError, as for the pools.
 */

/** DISTRIBUTED was asked for on a server started without REDIS_URL. */
export class DistributedNotConfiguredError extends EngineError {
  readonly code = "DISTRIBUTED_NOT_CONFIGURED";
  readonly variable = "REDIS_URL";

  constructor() {
    super(
      "DISTRIBUTED needs a Redis server: start the API with REDIS_URL set (for example " +
        "redis://127.0.0.1:6379) and run `npm run worker` with the same REDIS_URL on each " +
        "worker host; every other strategy works without it",
    );
  }
}

/** No worker process is connected to the queue (at the start, or any more, mid-query). */
export class NoWorkersConnectedError extends EngineError {
  readonly code = "NO_WORKERS";

  constructor(
    readonly redis: string,
    readonly waitedMs: number,
    readonly jobsDone: number,
    readonly jobs: number,
  ) {
    super(
      jobsDone === 0 && jobs === 0
        ? `DISTRIBUTED: no worker is connected to ${redis} (waited ${waitedMs} ms); ` +
            `start one with \`REDIS_URL=${redis} npm run worker\``
        : `DISTRIBUTED: every worker left ${redis} mid-query and none came back within ` +
            `${waitedMs} ms (${jobsDone} of ${jobs} jobs done); its jobs were removed, start a ` +
            `worker with \`REDIS_URL=${redis} npm run worker\` and retry`,
    );
  }
}

/** Redis does not answer; the executor keeps reconnecting in the background. */
export class RedisUnreachableError extends EngineError {
  readonly code = "REDIS_UNREACHABLE";

  constructor(
    readonly redis: string,
    detail: string,
  ) {
    super(
      `DISTRIBUTED: Redis at ${redis} is unreachable (${detail}); every other strategy keeps ` +
        `working, and Capstats reconnects on its own when Redis is back`,
    );
  }
}

/** One query would stage more chunk bytes than Redis may hold for this server. */
export class StagingBudgetError extends InvalidCountRequestError {
  constructor(
    readonly neededBytes: number,
    readonly budgetBytes: number,
  ) {
    super(
      `DISTRIBUTED stages at most ${mb(budgetBytes)} MB of chunks in Redis ` +
        `(DISTRIBUTED_STAGE_MB) and this query needs ${mb(neededBytes)} MB: narrow the ` +
        `filter, raise DISTRIBUTED_STAGE_MB, or use THREADS`,
      "strategy",
    );
  }
}

export function jobFailed(jobId: string, reason: string): WorkerFailedError {
  return new WorkerFailedError(
    `DISTRIBUTED job ${jobId} failed on a worker: ${reason}; retry the query`,
  );
}

export function timedOut(
  timeoutMs: number,
  jobs: { finished: number; total: number },
): CountTimeoutError {
  return new CountTimeoutError(
    `DISTRIBUTED: query exceeded its ${timeoutMs} ms timeout ` +
      `(${jobs.finished} of ${jobs.total} jobs done); its unstarted jobs were removed`,
  );
}

export function cancelled(reason: unknown): CountCancelledError {
  return new CountCancelledError(
    `DISTRIBUTED: count cancelled: ${reason instanceof Error ? reason.message : String(reason)}`,
  );
}

function mb(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1);
}
