import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../graphql/context";
import { maskOf } from "../metrics/metrics";
import { pageOfIds } from "../graphql/connection";
import { CURSOR } from "../graphql/cursor";
import { LIMITS } from "../graphql/limits";
import { LimitedIntArg } from "../graphql/limited-int-arg";
import {
  CapitalLetterStats,
  EmailCapitals,
  EmailCapitalsConnection,
  HistogramBucket,
} from "./capital-letter-stats.type";
import { toCapitalLetterStats } from "./capital-letter-stats";
import { ExecutionArgs, PerEmailArgs } from "./stats.args";
import type { StatsResult } from "./stats.service";
import { StatsService } from "./stats.service";
import { HeavyQuery } from "../graphql/heavy-query";

const CAPITALS_MASK = maskOf(["CAPITALS", "CHARACTERS"]);

function emailCapitals(result: StatsResult, position: number): EmailCapitals {
  return {
    emailId: result.emailIds[position],
    capitals: result.counts.get(position, "CAPITALS"),
    characters: result.counts.get(position, "CHARACTERS"),
  };
}

@Resolver(() => CapitalLetterStats)
export class StatsResolver {
  constructor(private readonly stats: StatsService) {}

  @HeavyQuery(
    () => CapitalLetterStats,
    "Capital letters per email (Python isupper), computed by the chosen execution strategy.",
  )
  async capitalLetterStats(
    @Args(() => ExecutionArgs) args: ExecutionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<CapitalLetterStats> {
    const result = await this.stats.compute({
      ...args,
      mask: CAPITALS_MASK,
      requestId: ctx.requestId,
    });
    return toCapitalLetterStats(result);
  }

  @FieldResolver(() => [EmailCapitals], {
    description: "The n emails with the most capitals; ties by lower Id.",
  })
  top(
    @Root() stats: CapitalLetterStats,
    @LimitedIntArg("n", LIMITS.topN) n: number,
  ): EmailCapitals[] {
    return stats.result.derived.top("CAPITALS", n).map((p) => emailCapitals(stats.result, p));
  }

  @FieldResolver(() => [HistogramBucket], {
    description: "Equal-width buckets of capitals per email, from 0 to the maximum.",
  })
  histogram(
    @Root() stats: CapitalLetterStats,
    @LimitedIntArg("buckets", LIMITS.histogramBuckets) buckets: number,
  ): HistogramBucket[] {
    return stats.result.derived.histogram("CAPITALS", buckets);
  }

  @FieldResolver(() => EmailCapitalsConnection, { description: "Per-email values in Id order." })
  perEmail(
    @Root() stats: CapitalLetterStats,
    @Args(() => PerEmailArgs) { first, after }: PerEmailArgs,
  ): EmailCapitalsConnection {
    const { emailIds } = stats.result;
    return pageOfIds(CURSOR.EMAIL, emailIds, first, after, (p) => emailCapitals(stats.result, p));
  }
}
