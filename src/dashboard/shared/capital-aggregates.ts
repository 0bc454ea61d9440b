/**
 * What CapitalLetterStats and each StatsGroup report about some emails' capitals: the server
 * builds it (src/stats/capital-letter-stats.ts) and the web app reads it, from this one
 * declaration.
 */
export interface CapitalAggregates {
  emailCount: number;
  totalCapitals: number;
  totalCharacters: number;
  capitalRatio: number;
  meanPerEmail: number;
  medianPerEmail: number;
  maxPerEmail: number;
}
