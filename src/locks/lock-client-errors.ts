import { CancelledError, ClientError } from "../errors/client-errors";
import { ErrorCode } from "../errors/error-code";
import { LockAbortedError, LockTimeoutError } from "./lock-errors";

/** A lock wait that outlasted its budget, as the API reports it (code LOCK_TIMEOUT). */
export class LockTimeoutClientError extends ClientError {
  constructor(err: LockTimeoutError) {
    super(err.message, ErrorCode.LOCK_TIMEOUT, {
      lock: err.lock,
      holders: err.holders,
      queuedAhead: err.queuedAhead,
      timeoutMs: err.timeoutMs,
    });
  }
}

/**
 * Lock failures are expected under load and say exactly what blocked, so the client sees
 * them verbatim instead of the masked INTERNAL_SERVER_ERROR; anything else passes through.
 */
export function lockErrorToClient(err: unknown): unknown {
  if (err instanceof LockTimeoutError) return new LockTimeoutClientError(err);
  if (err instanceof LockAbortedError) return new CancelledError(err.message);
  return err;
}
