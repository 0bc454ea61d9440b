import { seededRandom } from "../support/seeded-random";
import { setTimeout as sleep } from "node:timers/promises";

export const RANKS = {
  corpus: 0,
  "analysis-runs": 10,
  "email-results": 20,
  db: 50,
  stdout: 90,
  "run:*": 30,
};

/** Turns a hang into a failure instead of a CI job that never ends. */
export const HANG_TIMEOUT_MS = 15_000;

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets every pending timer-free continuation run, and then some. */
export function tick(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}

/**
 * Hang detector, not a speed check: "stuck" means `p` had not settled after `ms`, which
 * is generous for work that needs only a few event-loop turns.
 */
export async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  const ac = new AbortController();
  const stuck = sleep(ms, false, { signal: ac.signal }).catch(() => false);
  const done = p.then(
    () => true,
    () => true,
  );
  const settled = await Promise.race([done, stuck]);
  ac.abort();
  return settled;
}

/** A clock the test moves by hand, so durations can be asserted exactly. */
export function manualClock(start = 1000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

/** A seeded PRNG (mulberry32) so a failing stress run can be replayed. */
export const prng = seededRandom;
