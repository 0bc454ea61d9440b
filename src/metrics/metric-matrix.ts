import { METRIC_COUNT, METRIC_INDEX, type MetricName } from "./metrics";

/**
 * Per-email results: one row per email (in selection order), one column per metric (in
 * METRICS order), row-major in one Float64Array as the kernels produce it. The only place
 * outside the kernels that knows that layout.
 */
export class MetricMatrix {
  readonly rows: number;

  constructor(readonly values: Float64Array) {
    if (values.length % METRIC_COUNT !== 0) {
      throw new RangeError(
        `a metric matrix holds ${METRIC_COUNT} values per row, got ${values.length} values`,
      );
    }
    this.rows = values.length / METRIC_COUNT;
  }

  /** A zeroed matrix of `rows` emails. */
  static ofRows(rows: number): MetricMatrix {
    return new MetricMatrix(new Float64Array(rows * METRIC_COUNT));
  }

  /** Sets one email's values from a METRICS-ordered list; null (not asked for) becomes 0. */
  setRow(row: number, values: readonly (number | null)[]): void {
    for (let m = 0; m < METRIC_COUNT; m++) this.values[row * METRIC_COUNT + m] = values[m] ?? 0;
  }

  /** The value of one metric for the email in `row`. */
  get(row: number, metric: MetricName): number {
    return this.values[row * METRIC_COUNT + METRIC_INDEX[metric]];
  }

  /** One email's values, indexed by METRIC_INDEX; a view, not a copy. */
  row(row: number): Float64Array {
    return this.values.subarray(row * METRIC_COUNT, (row + 1) * METRIC_COUNT);
  }

  /** One email's values, indexed like METRICS, null for each metric outside `mask`. */
  maskedRow(row: number, mask: number): (number | null)[] {
    const values = this.row(row);
    return Array.from(values, (v, m) => ((mask & (1 << m)) === 0 ? null : v));
  }

  /** One metric's values, one per email. */
  column(metric: MetricName): Float64Array {
    const m = METRIC_INDEX[metric];
    const out = new Float64Array(this.rows);
    for (let i = 0; i < this.rows; i++) out[i] = this.values[i * METRIC_COUNT + m];
    return out;
  }

  /** Copies rows [from, to) of source to this matrix, starting at row `at`. */
  copyRows(at: number, source: MetricMatrix, from: number, to: number): void {
    this.values.set(
      source.values.subarray(from * METRIC_COUNT, to * METRIC_COUNT),
      at * METRIC_COUNT,
    );
  }

  /** Only the columns of the metrics in `mask`, row-major (what a task computed, for IPC). */
  packColumns(mask: number): Float64Array {
    const columns = columnsOf(mask);
    const k = columns.length;
    const packed = new Float64Array(this.rows * k);
    for (let i = 0; i < this.rows; i++) {
      for (let c = 0; c < k; c++) packed[i * k + c] = this.values[i * METRIC_COUNT + columns[c]];
    }
    return packed;
  }

  /** The inverse of packColumns: `rows` rows, the metrics outside `mask` 0. */
  static unpackColumns(packed: Float64Array, mask: number, rows: number): MetricMatrix {
    const columns = columnsOf(mask);
    const k = columns.length;
    const out = MetricMatrix.ofRows(rows);
    for (let i = 0; i < rows; i++) {
      for (let c = 0; c < k; c++) out.values[i * METRIC_COUNT + columns[c]] = packed[i * k + c];
    }
    return out;
  }
}

/** The metric indices in `mask`, ascending. */
export function columnsOf(mask: number): number[] {
  const columns: number[] = [];
  for (let m = 0; m < METRIC_COUNT; m++) if ((mask & (1 << m)) !== 0) columns.push(m);
  return columns;
}
