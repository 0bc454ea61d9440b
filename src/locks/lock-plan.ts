import { compareRanked, type LockRegistry, type RankedName } from "./lock-ranks";
import { LOCK_MODES, type LockMode, type LockRequest } from "./lock-types";

export interface LockStep extends RankedName {
  mode: LockMode;
}

/** setTimeout fires after 1 ms for anything larger, which would turn a long wait into none. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Validates a section's declared locks, merges duplicates (exclusive wins, since the
 * section needs the stronger of the two) and sorts them into the global order.
 */
export function planLocks(registry: LockRegistry, requests: readonly LockRequest[]): LockStep[] {
  if (!Array.isArray(requests)) throw new TypeError("lock requests must be an array");
  const byName = new Map<string, LockStep>();
  requests.forEach((r, i) => {
    if (typeof r !== "object" || r === null) {
      throw new TypeError(`lock request #${i} must be an object {name, mode}`);
    }
    if (!LOCK_MODES.includes(r.mode)) {
      throw new TypeError(
        `lock request #${i} ("${r.name}"): mode must be "shared" or "exclusive" ` +
          `(got ${JSON.stringify(r.mode)})`,
      );
    }
    const rank = registry.rankOf(r.name);
    const seen = byName.get(r.name);
    if (seen === undefined) byName.set(r.name, { name: r.name, rank, mode: r.mode });
    else if (r.mode === "exclusive") seen.mode = "exclusive";
  });
  return [...byName.values()].sort(compareRanked);
}

export function checkTimeoutMs(ms: number, what: string): number {
  if (ms === Infinity || (typeof ms === "number" && ms >= 0 && ms <= MAX_TIMER_MS)) return ms;
  throw new RangeError(
    `${what} must be a number of milliseconds from 0 to ${MAX_TIMER_MS}, or Infinity ` +
      `(got ${String(ms)})`,
  );
}
