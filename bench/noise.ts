import type { BenchResults } from "./results.types";

/** Above this share of the machine taken by other processes, the report flags its numbers. */
export const NOISY_SHARE = 0.1;

/** The interference warning of a run, or null when the machine was quiet enough. */
export function noiseWarning(r: BenchResults): string | null {
  const busy = r.machine.interference?.othersShareOfMachine ?? 0;
  return busy > NOISY_SHARE
    ? `other processes used ${(busy * 100).toFixed(0)}% of the machine during this run: medians inflated and noisy`
    : null;
}
