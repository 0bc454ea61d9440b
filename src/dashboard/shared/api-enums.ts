/**
 * The enums of the public API that the page offers as choices. The web app is a client of
 * the schema and imports nothing from the server; test/dashboard/api-contract.test.ts checks
 * these lists against schema/schema.graphql, so they cannot drift from it.
 */
export const STRATEGIES = ["AUTO", "SEQUENTIAL", "THREADS", "PROCESSES", "DISTRIBUTED"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const GRANULARITIES = ["DAY", "WEEK", "MONTH", "QUARTER", "YEAR"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const TEXT_METRICS = [
  "CAPITALS",
  "LOWERCASE",
  "DIGITS",
  "WHITESPACE",
  "WORDS",
  "LINES",
  "CHARACTERS",
] as const;

export const GROUP_DIMENSIONS = [
  "SENDER",
  "SENDER_PERSON",
  "RECIPIENT",
  "SENT",
  "RELEASE",
  "DOCUMENT_CLASS",
  "CASE_NUMBER",
] as const;
export type GroupDimension = (typeof GROUP_DIMENSIONS)[number];

export const GROUP_ORDERS = [
  "TOTAL_DESC",
  "TOTAL_ASC",
  "COUNT_DESC",
  "RATIO_DESC",
  "KEY_ASC",
  "KEY_DESC",
] as const;
export type GroupOrder = (typeof GROUP_ORDERS)[number];
