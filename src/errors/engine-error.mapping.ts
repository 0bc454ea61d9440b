import {
  CorpusChangedError as EngineCorpusChangedError,
  CountCancelledError,
  CountTimeoutError,
  DistributedNotConfiguredError,
  EngineOverloadedError,
  InvalidCountRequestError,
  NoWorkersConnectedError,
  RedisUnreachableError,
  WorkerFailedError as EngineWorkerFailedError,
} from "../engine";
import {
  BadUserInputError,
  CancelledError,
  CorpusChangedError,
  NotConfiguredError,
  NoWorkersError,
  OverloadedError,
  RedisUnavailableError,
  TimeoutError,
  WorkerFailedError,
} from "./client-errors";

/**
 * The engine's errors as the API documents them, message unchanged (the engine writes its
 * messages for the client). Anything else is returned as it is: a client error already, or
 * a bug for formatError to mask.
 */
export function engineErrorToClient(err: unknown): unknown {
  if (err instanceof InvalidCountRequestError) {
    const { argument, min, max } = err;
    return new BadUserInputError(err.message, {
      argument,
      ...(min === undefined ? {} : { min }),
      ...(max === undefined ? {} : { max }),
    });
  }
  if (err instanceof CountTimeoutError) return new TimeoutError(err.message);
  if (err instanceof CountCancelledError) return new CancelledError(err.message);
  if (err instanceof EngineWorkerFailedError) return new WorkerFailedError(err.message);
  if (err instanceof EngineCorpusChangedError) return new CorpusChangedError(err.message);
  if (err instanceof EngineOverloadedError) return new OverloadedError(err.message);
  if (err instanceof DistributedNotConfiguredError) {
    return new NotConfiguredError(err.message, err.variable);
  }
  if (err instanceof NoWorkersConnectedError) {
    return new NoWorkersError(err.message, { waitedMs: err.waitedMs });
  }
  if (err instanceof RedisUnreachableError) return new RedisUnavailableError(err.message);
  return err;
}
