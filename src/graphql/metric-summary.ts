import { maskOf } from "../metrics/metrics";
import type { CountResult } from "../engine";
import { DerivedValues } from "../metrics/derived-values";
import type { MetricSummary } from "./metric-summary.type";
import type { TextMetric } from "./text-metric.type";

/** Metrics in request order, without repeats. */
export function uniqueMetrics(metrics: readonly TextMetric[]): TextMetric[] {
  return [...new Set(metrics)];
}

export function metricsMask(metrics: readonly TextMetric[]): number {
  return maskOf(metrics);
}

/** Per-metric summaries, from the values kept with a (cached) result when it has them. */
export function summarize(
  result: CountResult & { derived?: DerivedValues },
  metrics: readonly TextMetric[],
): MetricSummary[] {
  const derived = result.derived ?? new DerivedValues(result.counts);
  return uniqueMetrics(metrics).map((metric) => ({ metric, ...derived.summary(metric) }));
}
