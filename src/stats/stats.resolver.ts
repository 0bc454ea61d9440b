import { Arg, Args, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { maskOf, METRIC_INDEX } from "../engine/kernels/metrics";
import { decodeCursor, encodeCursor } from "../graphql/cursor";
import { LIMITS } from "../graphql/limits";
import { checkRange } from "../graphql/validate";
import { column, histogram, topPositions } from "./aggregates";
import {
  CapitalLetterStats,
  EmailCapitals,
  EmailCapitalsConnection,
  HistogramBucket,
} from "./capital-letter-stats.type";
import { toCapitalLetterStats } from "./capital-letter-stats";
import { ExecutionArgs } from "./stats.args";
import type { StatsResult } from "./stats.service";
import { StatsService } from "./stats.service";

const CAPITALS_MASK = maskOf(["CAPITALS", "CHARACTERS"]);
const CURSOR_KIND = "email";

function emailCapitals(result: StatsResult, position: number): EmailCapitals {
  const row = result.counts.counts;
  const base = position * (row.length / result.counts.n);
  return {
    emailId: result.emailIds[position],
    capitals: row[base + METRIC_INDEX.CAPITALS],
    characters: row[base + METRIC_INDEX.CHARACTERS],
  };
}

/** Position of the first id greater than `id` in ascending ids. */
function firstAbove(ids: Int32Array, id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

@Resolver(() => CapitalLetterStats)
export class StatsResolver {
  constructor(private readonly stats: StatsService) {}

  @Query(() => CapitalLetterStats, {
    description:
      "Capital letters per email (Python isupper), computed by the chosen execution strategy.",
  })
  async capitalLetterStats(
    @Args(() => ExecutionArgs) args: ExecutionArgs,
  ): Promise<CapitalLetterStats> {
    const result = await this.stats.compute({ ...args, mask: CAPITALS_MASK });
    return toCapitalLetterStats(result);
  }

  @FieldResolver(() => [EmailCapitals], {
    description: "The n emails with the most capitals; ties by lower Id.",
  })
  top(
    @Root() stats: CapitalLetterStats,
    @Arg("n", () => Int, { defaultValue: LIMITS.topN.default }) n: number,
  ): EmailCapitals[] {
    checkRange("n", n, LIMITS.topN);
    const capitals = column(stats.result.counts.counts, METRIC_INDEX.CAPITALS);
    return topPositions(capitals, n).map((p) => emailCapitals(stats.result, p));
  }

  @FieldResolver(() => [HistogramBucket], {
    description: "Equal-width buckets of capitals per email, from 0 to the maximum.",
  })
  histogram(
    @Root() stats: CapitalLetterStats,
    @Arg("buckets", () => Int, { defaultValue: LIMITS.histogramBuckets.default }) buckets: number,
  ): HistogramBucket[] {
    checkRange("buckets", buckets, LIMITS.histogramBuckets);
    return histogram(column(stats.result.counts.counts, METRIC_INDEX.CAPITALS), buckets);
  }

  @FieldResolver(() => EmailCapitalsConnection, { description: "Per-email values in Id order." })
  perEmail(
    @Root() stats: CapitalLetterStats,
    @Arg("first", () => Int, { defaultValue: LIMITS.perEmailFirst.default }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): EmailCapitalsConnection {
    checkRange("first", first, LIMITS.pageSize);
    const ids = stats.result.emailIds;
    const from = after ? firstAbove(ids, decodeCursor(CURSOR_KIND, after)) : 0;
    const to = Math.min(ids.length, from + first);
    const edges = [];
    for (let p = from; p < to; p++)
      edges.push({
        cursor: encodeCursor(CURSOR_KIND, ids[p]),
        node: emailCapitals(stats.result, p),
      });
    return {
      totalCount: ids.length,
      edges,
      pageInfo: {
        hasNextPage: to < ids.length,
        hasPreviousPage: from > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
}
