import type { AutoVerdict } from "../executor";
import type { DistributedStats } from "./distributed.executor";

/** Whether AUTO may pick DISTRIBUTED for `bytes` of text, with the reason it reports. */
export function autoVerdict(
  bytes: number,
  min: number,
  redisLabel: string,
  stats: () => DistributedStats,
): AutoVerdict {
  const mb = (n: number): string => (n / 2 ** 20).toFixed(1);
  if (min === 0) {
    return {
      eligible: false,
      reason:
        "no crossover is configured (DISTRIBUTED_AUTO_MIN_MB=0): on the bench's single host it never beat THREADS",
    };
  }
  if (bytes < min) {
    return {
      eligible: false,
      reason: `${mb(bytes)} MiB is below its crossover of ${mb(min)} MiB (DISTRIBUTED_AUTO_MIN_MB)`,
    };
  }
  const { redisUp, workers, slots } = stats();
  if (!redisUp) return { eligible: false, reason: `Redis at ${redisLabel} is unreachable` };
  if (workers === 0) return { eligible: false, reason: "no worker is connected" };
  return {
    eligible: true,
    reason: `at or above its crossover of ${mb(min)} MiB, on ${workers} connected workers (${slots} job slots)`,
  };
}
