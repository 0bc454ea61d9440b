import { InvalidCountRequestError } from "../errors";
import { ExecutionStrategy } from "../execution-strategy";
import type { Executors } from "./executor";

/**
 * The one rule for a requested worker count: a named strategy allows 1 to its executor's
 * maxWorkers (AUTO caps itself). `argument` is the name the caller knows the value by; the
 * message names the strategy unless `namesStrategy` is false.
 */
export function checkWorkers(
  executors: Executors,
  strategy: ExecutionStrategy,
  workers: number | null | undefined,
  argument = "workers",
  namesStrategy = true,
): void {
  if (workers == null || strategy === ExecutionStrategy.AUTO) return;
  const max = executors[strategy].maxWorkers;
  if (workers >= 1 && workers <= max) return;
  throw new InvalidCountRequestError(
    `${argument} must be between 1 and ${max}${namesStrategy ? ` for ${strategy}` : ""} (got ${workers})`,
    argument,
    1,
    max,
  );
}
