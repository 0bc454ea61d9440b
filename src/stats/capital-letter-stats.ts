import { sum, summaryOf } from "../metrics/aggregates";
import { CapitalLetterStats } from "./capital-letter-stats.type";
import type { StatsResult } from "./stats.service";

/** What CapitalLetterStats and each StatsGroup report about some emails' capitals. */
export interface CapitalAggregates {
  emailCount: number;
  totalCapitals: number;
  totalCharacters: number;
  capitalRatio: number;
  meanPerEmail: number;
  medianPerEmail: number;
  maxPerEmail: number;
}

/** The aggregates of per-email CAPITALS and CHARACTERS counts (one entry per email). */
export function capitalAggregates(
  capitals: Float64Array,
  characters: Float64Array,
): CapitalAggregates {
  const { total, mean, median, max } = summaryOf(capitals);
  const totalCharacters = sum(characters);
  return {
    emailCount: capitals.length,
    totalCapitals: total,
    totalCharacters,
    capitalRatio: totalCharacters === 0 ? 0 : total / totalCharacters,
    meanPerEmail: mean,
    medianPerEmail: median,
    maxPerEmail: max,
  };
}

/** The aggregates of a count of CAPITALS and CHARACTERS, from the values kept with it. */
export function toCapitalLetterStats(result: StatsResult): CapitalLetterStats {
  const { total, mean, median, max } = result.derived.summary("CAPITALS");
  const totalCharacters = result.derived.total("CHARACTERS");
  const aggregates: CapitalAggregates = {
    emailCount: result.emailIds.length,
    totalCapitals: total,
    totalCharacters,
    capitalRatio: totalCharacters === 0 ? 0 : total / totalCharacters,
    meanPerEmail: mean,
    medianPerEmail: median,
    maxPerEmail: max,
  };
  return Object.assign(new CapitalLetterStats(), {
    result,
    ...aggregates,
    execution: result.report,
  });
}
