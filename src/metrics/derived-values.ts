import {
  histogram,
  max,
  ratioOrZero,
  medianInPlace,
  sum,
  topPositions,
  type Bucket,
  type ValueSummary,
} from "./aggregates";
import type { MetricMatrix } from "./metric-matrix";
import type { MetricName } from "./metrics";

/** Histograms remembered per result; a dashboard asks for one or two bucket counts. */
const HISTOGRAMS_KEPT = 16;

/**
 * What answers derive from one count result (a metric's column, its total, median and
 * maximum, the top order, histograms), computed on first use and kept with the result.
 * A cached result is asked the same questions again and again, and at 80,000 emails
 * recomputing them (a copy, a selection, a sort) cost far more than the rest of the answer.
 * The counts never change after a count, so nothing here goes stale.
 */
export class DerivedValues {
  private readonly columns = new Map<MetricName, Float64Array>();
  private readonly summaries = new Map<MetricName, ValueSummary>();
  private readonly totals = new Map<MetricName, number>();
  /** The longest top order computed per metric; a smaller n is its prefix. */
  private readonly tops = new Map<MetricName, number[]>();
  private readonly histograms = new Map<string, Bucket[]>();

  constructor(private readonly counts: MetricMatrix) {}

  column(metric: MetricName): Float64Array {
    let values = this.columns.get(metric);
    if (!values) {
      values = this.counts.column(metric);
      this.columns.set(metric, values);
    }
    return values;
  }

  summary(metric: MetricName): ValueSummary {
    let s = this.summaries.get(metric);
    if (!s) {
      // The median needs a scratch copy; the column is only kept once a query asks for it.
      const known = this.columns.get(metric);
      const work = known ? Float64Array.from(known) : this.counts.column(metric);
      const total = sum(work);
      s = {
        total,
        mean: ratioOrZero(total, work.length),
        max: max(work),
        median: medianInPlace(work),
      };
      this.summaries.set(metric, s);
    }
    return s;
  }

  /** The metric's sum alone: no copy, no median (a ratio's denominator needs no more). */
  total(metric: MetricName): number {
    let total = this.summaries.get(metric)?.total ?? this.totals.get(metric);
    if (total === undefined) {
      total = this.counts.sum(metric);
      this.totals.set(metric, total);
    }
    return total;
  }

  /** Positions of the n largest values, ties by lower position. */
  top(metric: MetricName, n: number): number[] {
    const known = this.tops.get(metric);
    if (known && (known.length >= n || known.length === this.counts.rows)) {
      return known.slice(0, n);
    }
    const order = topPositions(this.column(metric), n);
    this.tops.set(metric, order);
    return order.slice();
  }

  histogram(metric: MetricName, buckets: number): Bucket[] {
    const key = `${metric}:${buckets}`;
    let h = this.histograms.get(key);
    if (!h) {
      h = histogram(this.column(metric), buckets);
      if (this.histograms.size >= HISTOGRAMS_KEPT) {
        this.histograms.delete(this.histograms.keys().next().value as string);
      }
      this.histograms.set(key, h);
    }
    return h;
  }
}
