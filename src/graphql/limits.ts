/** Every argument range of the API, in one place; the README's Limits table mirrors it. */
export const LIMITS = {
  pageSize: { min: 1, max: 1000 },
  emailsFirst: { default: 20 },
  perEmailFirst: { default: 100 },
  topN: { min: 1, max: 1000, default: 10 },
  histogramBuckets: { min: 1, max: 1000, default: 20 },
  workers: { min: 1, max: 64 },
  chunkSize: { min: 1, max: 1_000_000 },
  idsPerFilter: { max: 100_000 },
  substring: { max: 200 },
  repetitions: { min: 1, max: 20, default: 3 },
  /** Most buckets fillGaps may make for one SENT series (DAY over 270 years). */
  groupBuckets: { max: 100_000 },
  personIdsPerFilter: { max: 1000 },
  requestKey: { min: 1, max: 200 },
  ioReaders: { min: 1, max: 8, maxEntries: 4 },
  ioRepetitions: { min: 1, max: 32, default: 8 },
} as const;
