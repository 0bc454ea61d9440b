/**
 * Every error the engine throws on purpose. The engine knows nothing of GraphQL: the layer
 * that calls it maps these to client errors (src/errors/engine-error.mapping.ts), once.
 * Anything else the engine throws is a bug. Each message is written for the person who sent
 * the request, so a mapping can pass it on unchanged.
 */
export abstract class EngineError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request cannot run as asked; `argument` names what to change, within [min, max]. */
export class InvalidCountRequestError extends EngineError {
  readonly code = "INVALID_COUNT_REQUEST";

  constructor(
    message: string,
    readonly argument: string,
    readonly min?: number,
    readonly max?: number,
  ) {
    super(message);
  }
}

/** The count outlived its time budget; its remaining work was cancelled or skipped. */
export class CountTimeoutError extends EngineError {
  readonly code = "COUNT_TIMEOUT";
}

/** The caller's AbortSignal stopped the count. */
export class CountCancelledError extends EngineError {
  readonly code = "COUNT_CANCELLED";
}

/** A worker died under a task on every attempt. */
export class WorkerFailedError extends EngineError {
  readonly code = "WORKER_FAILED";
}

/** A pool's queue is full: the caller should shed load, not wait. */
export class EngineOverloadedError extends EngineError {
  readonly code = "ENGINE_OVERLOADED";
}

export const CORPUS_CHANGED = "CORPUS_CHANGED";

/**
 * The corpus was reloaded between planning a count and reading its text: the task's ids and
 * byte ranges belong to a version that no longer exists, so any count would be wrong.
 * `name` and `code` are own properties on purpose: workerpool serializes an error through its
 * own property names only, so this is how the error survives the trip out of a worker.
 */
export class CorpusChangedError extends EngineError {
  override readonly name: string = CORPUS_CHANGED;
  readonly code = CORPUS_CHANGED;

  constructor(
    readonly expectedVersion: number,
    readonly actualVersion: number | null,
    message = `corpus changed while the query ran: planned on version ${expectedVersion}, ` +
      `the database now holds ${actualVersion === null ? "no corpus" : `version ${actualVersion}`}`,
  ) {
    super(message);
  }
}
