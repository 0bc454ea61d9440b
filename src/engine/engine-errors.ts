import {
  CancelledError,
  CorpusChangedError,
  OverloadedError,
  TimeoutError,
  WorkerFailedError,
} from "../errors/client-errors";
import {
  PoolQueueFullError,
  TaskAbortedError,
  TaskTimeoutError,
  WorkerCrashedError,
} from "./pool/pool-errors";
import { isCorpusChanged } from "./worker/task-errors";

/** Pool-level failures become the client errors the API documents; anything else stays a bug. */
export function toClientError(err: unknown, strategy: string): unknown {
  if (err instanceof WorkerCrashedError) {
    return new WorkerFailedError(
      `${strategy}: ${err.message}; the pool has replaced the worker, retry the query`,
    );
  }
  if (err instanceof TaskTimeoutError) {
    return new TimeoutError(
      `${strategy}: query exceeded its ${err.timeoutMs} ms timeout; its tasks were cancelled`,
    );
  }
  if (err instanceof TaskAbortedError) return new CancelledError(`${strategy}: ${err.message}`);
  if (err instanceof PoolQueueFullError)
    return new OverloadedError(`${strategy}: ${err.message}; retry later`);
  if (isCorpusChanged(err)) {
    return new CorpusChangedError(
      "the corpus was reloaded while this query ran; retry it to count the new corpus",
    );
  }
  return err;
}
