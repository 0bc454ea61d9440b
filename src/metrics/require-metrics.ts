import { BadUserInputError } from "../errors/client-errors";

/**
 * The one rule for a metric list a client sends: it names at least one metric. Its own file,
 * apart from metrics.ts, so the kernels and workers that import the list never load GraphQL.
 */
export function requireMetrics(metrics: readonly unknown[], argument: string): void {
  if (metrics.length === 0) {
    throw new BadUserInputError(`${argument} must name at least one TextMetric`, { argument });
  }
}
