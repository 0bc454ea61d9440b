import { stringEnum, type EnumValue } from "../string-enum";

/**
 * THE list of text metrics Capstats computes, each with the Python rule it must equal per
 * code point of the UTF-8 text (the oracle tests check it against that rule). Kernels,
 * results, the database columns and the GraphQL `TextMetric` enum are all derived from it.
 * A metric set travels as a bit mask (bit i = METRICS[i]) so that one pass computes
 * exactly what was asked.
 */
export const METRIC_RULES = {
  /** c.isupper(): the Unicode property Uppercase. */
  CAPITALS: "sum(c.isupper() for c in text)",
  /** c.islower(): the Unicode property Lowercase. */
  LOWERCASE: "sum(c.islower() for c in text)",
  /** c.isdecimal(): general category Nd. */
  DIGITS: "sum(c.isdecimal() for c in text): decimal digits (Nd) of any script",
  /** c.isspace(): CPython's fixed set, not a Unicode property. */
  WHITESPACE: "sum(c.isspace() for c in text)",
  WORDS: "len(text.split())",
  LINES: "len(text.splitlines())",
  /** Code points, not UTF-16 units. */
  CHARACTERS: "len(text): code points",
} as const;

/** The metrics by name, as an enum: `TextMetric.CAPITALS === "CAPITALS"`. */
export const TextMetric = stringEnum(METRIC_RULES);
export type TextMetric = EnumValue<typeof TextMetric>;

/** A metric by name; TextMetric values are MetricNames, so either may be passed. */
export type MetricName = `${TextMetric}`;

/** In declaration order: the order of every per-metric array and of the mask bits. */
export const METRICS: readonly TextMetric[] = Object.values(TextMetric);

export const METRIC_COUNT = METRICS.length;

/** Position of each metric in METRICS: its column in a result row, its bit in a mask. */
export const METRIC_INDEX: Readonly<Record<MetricName, number>> = Object.fromEntries(
  METRICS.map((m, i) => [m, i]),
) as Record<MetricName, number>;

export function maskOf(metrics: readonly MetricName[]): number {
  let mask = 0;
  for (const m of metrics) mask |= 1 << METRIC_INDEX[m];
  return mask;
}

export function metricsOf(mask: number): TextMetric[] {
  return METRICS.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** Every metric at once; also the set of bits a valid mask may contain. */
export const ALL_METRICS_MASK = (1 << METRIC_COUNT) - 1;
