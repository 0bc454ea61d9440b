import { max, median, sum } from "../metrics/aggregates";
import { CapitalLetterStats } from "./capital-letter-stats.type";
import type { StatsResult } from "./stats.service";

/** The aggregates of a count of CAPITALS and CHARACTERS. */
export function toCapitalLetterStats(result: StatsResult): CapitalLetterStats {
  const capitals = result.counts.column("CAPITALS");
  const characters = result.counts.column("CHARACTERS");
  const totalCapitals = sum(capitals);
  const totalCharacters = sum(characters);
  const n = capitals.length;
  return Object.assign(new CapitalLetterStats(), {
    result,
    emailCount: n,
    totalCapitals,
    totalCharacters,
    capitalRatio: totalCharacters === 0 ? 0 : totalCapitals / totalCharacters,
    meanPerEmail: n === 0 ? 0 : totalCapitals / n,
    medianPerEmail: median(capitals),
    maxPerEmail: max(capitals),
    // A copy per answer: groupMs is charged to it, and the result may be a shared cache entry.
    execution: { ...result.report },
  });
}
