/**
 * The text metrics Capstats computes, each defined by the Python rule it must equal
 * (per code point of the UTF-8 text):
 *
 * - CAPITALS:   count of c where c.isupper()     (Unicode property Uppercase)
 * - LOWERCASE:  count of c where c.islower()     (Unicode property Lowercase)
 * - DIGITS:     count of c where c.isdecimal()   (general category Nd)
 * - WHITESPACE: count of c where c.isspace()
 * - WORDS:      len(text.split())
 * - LINES:      len(text.splitlines())
 * - CHARACTERS: len(text)                         (code points, not UTF-16 units)
 *
 * A metric set travels as a bit mask so that one pass computes exactly what was asked.
 */
export const METRICS = [
  "CAPITALS",
  "LOWERCASE",
  "DIGITS",
  "WHITESPACE",
  "WORDS",
  "LINES",
  "CHARACTERS",
] as const;

export type MetricName = (typeof METRICS)[number];

export const METRIC_COUNT = METRICS.length;

export const METRIC_INDEX: Readonly<Record<MetricName, number>> = Object.fromEntries(
  METRICS.map((m, i) => [m, i]),
) as Record<MetricName, number>;

export function maskOf(metrics: readonly MetricName[]): number {
  let mask = 0;
  for (const m of metrics) mask |= 1 << METRIC_INDEX[m];
  return mask;
}

export function metricsOf(mask: number): MetricName[] {
  return METRICS.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** Every metric at once; also the set of bits a valid mask may contain. */
export const ALL_METRICS_MASK = (1 << METRIC_COUNT) - 1;
