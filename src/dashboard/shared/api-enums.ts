/**
 * The values of the public API's enums, keyed by their schema names, in the schema's order.
 * The server registers its group enums from these lists (src/stats/grouping/group-enums.ts)
 * and the web app offers them as choices without importing anything else from the server;
 * test/dashboard/api-contract.test.ts checks every list against schema/schema.graphql, which
 * covers the enums the server defines elsewhere (ExecutionStrategy, TextMetric).
 */
export const API_ENUMS = {
  ExecutionStrategy: ["AUTO", "SEQUENTIAL", "THREADS", "PROCESSES", "DISTRIBUTED"],
  TimeGranularity: ["DAY", "WEEK", "MONTH", "QUARTER", "YEAR"],
  TextMetric: ["CAPITALS", "LOWERCASE", "DIGITS", "WHITESPACE", "WORDS", "LINES", "CHARACTERS"],
  GroupDimension: [
    "SENDER",
    "SENDER_PERSON",
    "RECIPIENT",
    "SENT",
    "RELEASE",
    "DOCUMENT_CLASS",
    "CASE_NUMBER",
  ],
  GroupOrder: ["TOTAL_DESC", "TOTAL_ASC", "COUNT_DESC", "RATIO_DESC", "KEY_ASC", "KEY_DESC"],
} as const;

/** A value of the API enum `N`. */
export type ApiEnum<N extends keyof typeof API_ENUMS> = (typeof API_ENUMS)[N][number];

export type Strategy = ApiEnum<"ExecutionStrategy">;
export type Granularity = ApiEnum<"TimeGranularity">;
export type GroupDimension = ApiEnum<"GroupDimension">;
export type GroupOrder = ApiEnum<"GroupOrder">;
