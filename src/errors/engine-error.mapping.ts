import {
  CorpusChangedError as EngineCorpusChangedError,
  CountCancelledError,
  CountTimeoutError,
  EngineOverloadedError,
  InvalidCountRequestError,
  WorkerFailedError as EngineWorkerFailedError,
} from "../engine";
import {
  BadUserInputError,
  CancelledError,
  CorpusChangedError,
  OverloadedError,
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
  return err;
}
