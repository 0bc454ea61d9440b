import { ErrorCode } from "../errors/error-code";
import type { LockMode } from "./lock-types";

export interface LockTimeoutDetails {
  lock: string;
  mode: LockMode;
  holder: string;
  holders: string[];
  heldMode: LockMode | null;
  queuedAhead: string[];
  waitedMs: number;
  timeoutMs: number;
}

/**
 * A `withLocks` call gave up waiting. Everything it had already acquired was released
 * before this error was thrown.
 */
export class LockTimeoutError extends Error {
  override readonly name = "LockTimeoutError";
  readonly code = ErrorCode.LOCK_TIMEOUT;
  readonly lock: string;
  readonly mode: LockMode;
  readonly holder: string;
  /** Who held the lock when the wait expired. */
  readonly holders: string[];
  readonly heldMode: LockMode | null;
  /** Waiters queued ahead of this one (writer fairness can block even a compatible request). */
  readonly queuedAhead: string[];
  /** Total time this call spent acquiring, across all of its locks. */
  readonly waitedMs: number;
  readonly timeoutMs: number;

  constructor(d: LockTimeoutDetails) {
    const held = d.holders.length > 0 ? d.holders.join(", ") : "nobody";
    const behind = d.queuedAhead.length > 0 ? `; queued behind ${d.queuedAhead.join(", ")}` : "";
    super(
      `timed out after ${d.timeoutMs} ms waiting for lock "${d.lock}" (${d.mode}), ` +
        `held by ${held} (${d.heldMode ?? "free"})${behind}`,
    );
    this.lock = d.lock;
    this.mode = d.mode;
    this.holder = d.holder;
    this.holders = d.holders;
    this.heldMode = d.heldMode;
    this.queuedAhead = d.queuedAhead;
    this.waitedMs = d.waitedMs;
    this.timeoutMs = d.timeoutMs;
  }
}

/**
 * The caller's AbortSignal fired before every lock was acquired. Named "AbortError" with
 * code ABORT_ERR like Node's own, so generic abort handling recognises it; the signal's
 * reason is kept as `cause`.
 */
export class LockAbortedError extends Error {
  override readonly name = "AbortError";
  readonly code = "ABORT_ERR";

  constructor(
    readonly holder: string,
    /** The lock being waited on, or null when the signal was aborted before the call. */
    readonly lock: string | null,
    readonly mode: LockMode | null,
    cause: unknown,
  ) {
    super(
      lock === null
        ? `${holder}: cancelled before acquiring any lock`
        : `${holder}: cancelled while waiting for lock "${lock}" (${mode})`,
      { cause },
    );
  }
}

/** withLocks was called inside a critical section: nested acquisition is how order inversions start. */
export class NestedLockError extends Error {
  override readonly name = "NestedLockError";

  constructor(
    readonly holder: string,
    readonly outerHolder: string,
    readonly outerLocks: string[],
  ) {
    super(
      `withLocks("${holder}") called inside the critical section of ${outerHolder} ` +
        `(holding ${outerLocks.join(", ") || "no locks"}): nested lock acquisition is not ` +
        `allowed; declare every lock the section needs in a single withLocks call`,
    );
  }
}

/** A lock name matched neither an exact name nor a prefix in the rank registry. */
export class UnknownLockError extends Error {
  override readonly name = "UnknownLockError";

  constructor(
    readonly lock: string,
    known: readonly string[],
  ) {
    super(`unknown lock "${lock}": add it to the rank registry (known: ${known.join(", ")})`);
  }
}
