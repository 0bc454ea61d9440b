import { maskOf } from "../metrics/metrics";
import type { CountResult } from "../engine";
import { summaryOf } from "../metrics/aggregates";
import type { MetricSummary } from "./metric-summary.type";
import type { TextMetric } from "./text-metric.type";

/** Metrics in request order, without repeats. */
export function uniqueMetrics(metrics: readonly TextMetric[]): TextMetric[] {
  return [...new Set(metrics)];
}

export function metricsMask(metrics: readonly TextMetric[]): number {
  return maskOf(metrics);
}

export function summarize(result: CountResult, metrics: readonly TextMetric[]): MetricSummary[] {
  return uniqueMetrics(metrics).map((metric) => ({
    metric,
    ...summaryOf(result.counts.column(metric)),
  }));
}
