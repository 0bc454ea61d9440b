import { METRIC_INDEX, maskOf, type MetricName } from "../engine/kernels/metrics";
import { column, max, median, sum } from "./aggregates";
import type { MetricSummary, TextMetric } from "./text-stats.type";
import type { StatsResult } from "./stats.service";

/** Metrics in request order, without repeats. */
export function uniqueMetrics(metrics: readonly TextMetric[]): TextMetric[] {
  return [...new Set(metrics)];
}

export function metricsMask(metrics: readonly TextMetric[]): number {
  return maskOf(metrics as readonly MetricName[]);
}

export function summarize(result: StatsResult, metrics: readonly TextMetric[]): MetricSummary[] {
  return uniqueMetrics(metrics).map((metric) => {
    const values = column(result.counts.counts, METRIC_INDEX[metric as MetricName]);
    const total = sum(values);
    return {
      metric,
      total,
      mean: values.length === 0 ? 0 : total / values.length,
      median: median(values),
      max: max(values),
    };
  });
}
