import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../graphql/context";
import { pageOfIds } from "../graphql/connection";
import { CURSOR } from "../graphql/cursor";
import { EmailMetricsConnection, toEmailMetrics } from "../graphql/email-metrics.type";
import { metricsMask, summarize, uniqueMetrics } from "../graphql/metric-summary";
import { StatsService } from "./stats.service";
import { PerEmailArgs } from "./stats.args";
import { TextStatsArgs } from "./text-stats.args";
import { TextStats } from "./text-stats.type";
import { HeavyQuery } from "../graphql/heavy-query";

@Resolver(() => TextStats)
export class TextStatsResolver {
  constructor(private readonly stats: StatsService) {}

  @HeavyQuery(
    () => TextStats,
    "Any set of text metrics, computed in one pass by the chosen strategy.",
  )
  async textStats(
    @Args(() => TextStatsArgs) args: TextStatsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<TextStats> {
    const metrics = uniqueMetrics(args.metrics);
    const result = await this.stats.compute({
      ...args,
      mask: metricsMask(metrics),
      requestId: ctx.requestId,
    });
    return Object.assign(new TextStats(), {
      result,
      emailCount: result.emailIds.length,
      metrics,
      totals: summarize(result, metrics),
      execution: { ...result.report },
    });
  }

  @FieldResolver(() => EmailMetricsConnection, { description: "Per-email values in Id order." })
  perEmail(
    @Root() stats: TextStats,
    @Args(() => PerEmailArgs) { first, after }: PerEmailArgs,
  ): EmailMetricsConnection {
    const { emailIds, counts } = stats.result;
    const mask = metricsMask(stats.metrics);
    return pageOfIds(CURSOR.EMAIL, emailIds, first, after, (p) =>
      toEmailMetrics(emailIds[p], counts.maskedRow(p, mask)),
    );
  }
}
