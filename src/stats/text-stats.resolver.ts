import { Arg, Args, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { METRIC_COUNT, METRIC_INDEX, type MetricName } from "../engine/kernels/metrics";
import { LIMITS } from "../graphql/limits";
import { pagePerEmail } from "./per-email-page";
import { metricsMask, summarize, uniqueMetrics } from "./metric-summary";
import { StatsService } from "./stats.service";
import { TextStatsArgs } from "./text-stats.args";
import { EmailMetrics, EmailMetricsConnection, TextStats } from "./text-stats.type";
import { HEAVY_FIELD_COMPLEXITY } from "../graphql/complexity";

const FIELD: Record<MetricName, keyof Omit<EmailMetrics, "emailId">> = {
  CAPITALS: "capitals",
  LOWERCASE: "lowercase",
  DIGITS: "digits",
  WHITESPACE: "whitespace",
  WORDS: "words",
  LINES: "lines",
  CHARACTERS: "characters",
};

@Resolver(() => TextStats)
export class TextStatsResolver {
  constructor(private readonly stats: StatsService) {}

  @Query(() => TextStats, {
    complexity: HEAVY_FIELD_COMPLEXITY,
    description: "Any set of text metrics, computed in one pass by the chosen strategy.",
  })
  async textStats(@Args(() => TextStatsArgs) args: TextStatsArgs): Promise<TextStats> {
    const metrics = uniqueMetrics(args.metrics);
    const result = await this.stats.compute({ ...args, mask: metricsMask(metrics) });
    return Object.assign(new TextStats(), {
      result,
      emailCount: result.emailIds.length,
      metrics,
      totals: summarize(result, metrics),
      execution: result.report,
    });
  }

  @FieldResolver(() => EmailMetricsConnection, { description: "Per-email values in Id order." })
  perEmail(
    @Root() stats: TextStats,
    @Arg("first", () => Int, { defaultValue: LIMITS.perEmailFirst.default }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): EmailMetricsConnection {
    const { emailIds, counts } = stats.result;
    return pagePerEmail(emailIds, first, after, (p) => {
      const node: EmailMetrics = {
        emailId: emailIds[p],
        capitals: null,
        lowercase: null,
        digits: null,
        whitespace: null,
        words: null,
        lines: null,
        characters: null,
      };
      for (const m of stats.metrics) {
        const name = m as MetricName;
        node[FIELD[name]] = counts.counts[p * METRIC_COUNT + METRIC_INDEX[name]];
      }
      return node;
    });
  }
}
