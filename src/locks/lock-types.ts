export type LockMode = "shared" | "exclusive";

export const LOCK_MODES: readonly LockMode[] = ["shared", "exclusive"];

/** One lock a critical section needs, declared up front in `withLocks`. */
export interface LockRequest {
  name: string;
  mode: LockMode;
}

/** Rank per lock name; a key ending in `*` (e.g. `run:*`) ranks every name with that prefix. */
export type LockRanks = Readonly<Record<string, number>>;

/** Milliseconds from an arbitrary origin; injectable so tests can assert durations exactly. */
export type Clock = () => number;

export interface WaiterInfo {
  holder: string;
  mode: LockMode;
  waitedMs: number;
}

export interface LockInfo {
  name: string;
  rank: number;
  /** null when free. */
  mode: LockMode | null;
  holders: string[];
  /** First holder, or null when free. */
  holder: string | null;
  /** Holder ids in queue order (the order they will be granted). */
  waiting: string[];
  /** Same queue as `waiting`, with each waiter's mode and time spent waiting. */
  waiters: WaiterInfo[];
  /** Time since the lock last went from free to held; null when free. */
  heldForMs: number | null;
}

export type OnAcquired = (name: string, mode: LockMode, waitedMs: number, holder: string) => void;
