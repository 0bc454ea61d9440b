import { Args, Resolver } from "type-graphql";
import { ExecutionStrategy } from "../engine";
import { median } from "../metrics/aggregates";
import { ComparisonReport, StrategyComparison } from "./comparison.type";
import { metricsMask, summarize, uniqueMetrics } from "../graphql/metric-summary";
import { StatsService } from "./stats.service";
import { CompareArgs } from "./text-stats.args";
import { HeavyQuery } from "../graphql/heavy-query";

@Resolver()
export class ComparisonResolver {
  constructor(private readonly stats: StatsService) {}

  @HeavyQuery(
    () => ComparisonReport,
    "Runs the same work under each strategy (fresh, repeated) and returns the reports side by side.",
  )
  async compareStrategies(@Args(() => CompareArgs) args: CompareArgs): Promise<ComparisonReport> {
    const metrics = uniqueMetrics(args.metrics);
    const mask = metricsMask(metrics);
    const { runs } = await this.stats.compare({ ...args, mask });
    const reference = runs[0].results[0];
    const medianWall = (results: (typeof reference)[]): number =>
      median(Float64Array.from(results, (r) => r.report.wallMs));
    const sequential = runs.find((r) => r.strategy === ExecutionStrategy.SEQUENTIAL);
    const sequentialMs = sequential ? medianWall(sequential.results) : null;
    const strategies: StrategyComparison[] = runs.map(({ strategy, results }) => {
      const medianWallMs = medianWall(results);
      return {
        strategy,
        runs: results.map((r) => r.report),
        medianWallMs,
        minWallMs: Math.min(...results.map((r) => r.report.wallMs)),
        medianComputeMs: median(Float64Array.from(results, (r) => r.report.computeMs)),
        speedupVsSequential:
          sequentialMs === null || medianWallMs === 0 ? null : sequentialMs / medianWallMs,
        agrees: results.every((r) => r.counts.sameAs(reference.counts, mask)),
      };
    });
    return {
      emailCount: reference.emailIds.length,
      bytes: reference.report.bytes,
      totals: summarize(reference, metrics),
      allAgree: strategies.every((s) => s.agrees),
      strategies,
    };
  }
}
