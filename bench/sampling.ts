import type { Latency, Spread } from "./results.types";
import type { LatencyQuantiles } from "./sections.types";
import type { Repetitions } from "./bench-options";

/** Linear interpolation between closest ranks (numpy's default), on ascending values. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export function spread(samples: readonly number[]): Spread {
  if (samples.length === 0) throw new Error("spread of no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
  };
}

export function median(samples: readonly number[]): number {
  return quantile(
    [...samples].sort((a, b) => a - b),
    0.5,
  );
}

export function latency(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
  };
}

/**
 * Runs every case `warmup` times unrecorded, then `reps` recorded rounds. Rounds go
 * case by case (A B C, A B C, ...) rather than all of A then all of B, so slow drift
 * (another process waking up, thermal limits) spreads over every case instead of
 * biasing whichever ran last. Returns the recorded results per case, in case order.
 */
export async function roundRobin<C, R>(
  cases: readonly C[],
  rounds: Repetitions,
  run: (c: C) => Promise<R>,
): Promise<R[][]> {
  const recorded: R[][] = cases.map(() => []);
  for (let round = 0; round < rounds.warmup + rounds.reps; round++) {
    for (let i = 0; i < cases.length; i++) {
      const r = await run(cases[i]);
      if (round >= rounds.warmup) recorded[i].push(r);
    }
  }
  return recorded;
}

/** Wall time of `fn` in ms, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/** latency() with the 99th percentile too: what a dashboard's slowest requests see. */
export function quantiles(samples: readonly number[]): LatencyQuantiles {
  const sorted = [...samples].sort((a, b) => a - b);
  return { ...latency(sorted), p99: quantile(sorted, 0.99) };
}
