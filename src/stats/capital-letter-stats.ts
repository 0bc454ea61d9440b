import type { CapitalAggregates } from "../dashboard/shared/capital-aggregates";
import { ratioOrZero, sum, summaryOf, type ValueSummary } from "../metrics/aggregates";
import { CapitalLetterStats } from "./capital-letter-stats.type";
import type { StatsResult } from "./stats.service";

export type { CapitalAggregates };

/** The aggregates from a summary of the capitals and the characters' total. */
function fromSummary(
  emailCount: number,
  capitals: ValueSummary,
  totalCharacters: number,
): CapitalAggregates {
  const { total, mean, median, max } = capitals;
  return {
    emailCount,
    totalCapitals: total,
    totalCharacters,
    capitalRatio: ratioOrZero(total, totalCharacters),
    meanPerEmail: mean,
    medianPerEmail: median,
    maxPerEmail: max,
  };
}

/** The aggregates of per-email CAPITALS and CHARACTERS counts (one entry per email). */
export function capitalAggregates(
  capitals: Float64Array,
  characters: Float64Array,
): CapitalAggregates {
  return fromSummary(capitals.length, summaryOf(capitals), sum(characters));
}

/** The answer for a count of CAPITALS and CHARACTERS; its aggregates derive from the values kept with it. */
export function toCapitalLetterStats(result: StatsResult): CapitalLetterStats {
  return Object.assign(new CapitalLetterStats(), { result, execution: result.report });
}
