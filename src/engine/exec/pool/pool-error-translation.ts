import {
  CorpusChangedError,
  CountCancelledError,
  CountTimeoutError,
  EngineOverloadedError,
  WorkerFailedError,
} from "../../errors";
import {
  PoolQueueFullError,
  TaskAbortedError,
  TaskTimeoutError,
  WorkerCrashedError,
} from "./pool-errors";
import { reviveCorpusChanged } from "../worker/task-errors";

/**
 * Pool-level failures become the engine's own errors, their messages naming the strategy;
 * anything else stays what it was (a bug, or an error the engine already owns).
 */
export function toEngineError(err: unknown, strategy: string): unknown {
  if (err instanceof WorkerCrashedError) {
    return new WorkerFailedError(
      `${strategy}: ${err.message}; the pool has replaced the worker, retry the query`,
    );
  }
  if (err instanceof TaskTimeoutError) {
    return new CountTimeoutError(
      `${strategy}: query exceeded its ${err.timeoutMs} ms timeout; its tasks were cancelled`,
    );
  }
  if (err instanceof TaskAbortedError)
    return new CountCancelledError(`${strategy}: ${err.message}`);
  if (err instanceof PoolQueueFullError)
    return new EngineOverloadedError(`${strategy}: ${err.message}; retry later`);
  const changed = reviveCorpusChanged(err);
  if (changed instanceof CorpusChangedError) {
    return new CorpusChangedError(
      changed.expectedVersion,
      changed.actualVersion,
      "the corpus was reloaded while this query ran; retry it to count the new corpus",
    );
  }
  return err;
}
