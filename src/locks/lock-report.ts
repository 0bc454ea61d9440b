import type { LockInfo } from "./lock-types";

/**
 * One line per lock, e.g.
 * `corpus [rank 0]: shared by run:12, run:13 for 1520 ms; waiting: reload (exclusive, 300 ms)`.
 */
export function formatLockStates(locks: readonly LockInfo[]): string {
  return locks.map(formatLock).join("\n");
}

function formatLock(l: LockInfo): string {
  const state =
    l.mode === null
      ? "free"
      : `${l.mode} by ${l.holders.join(", ")} for ${Math.round(l.heldForMs ?? 0)} ms`;
  const queue = l.waiters.map((w) => `${w.holder} (${w.mode}, ${Math.round(w.waitedMs)} ms)`);
  const waiting = queue.length > 0 ? `; waiting: ${queue.join(", ")}` : "";
  return `${l.name} [rank ${l.rank}]: ${state}${waiting}`;
}
