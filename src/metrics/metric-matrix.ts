import { ALL_METRICS_MASK, METRIC_COUNT, METRIC_INDEX, type MetricName } from "./metrics";

/**
 * Per-email results: one row per email (in selection order), row-major in one Float64Array.
 * A full matrix has one column per metric (in METRICS order), as the kernels produce it; a
 * packed one holds only the columns of its `holds` mask, in the same order, and reads 0 for
 * the others. The only place outside the kernels that knows either layout.
 */
export class MetricMatrix {
  readonly rows: number;
  /** Values per row: METRIC_COUNT for a full matrix, fewer for a packed one. */
  private readonly stride: number;
  /** Each metric's column in a row, or -1 for a metric this matrix does not hold. */
  private readonly place: Int8Array;
  /** The metric in each column of a row. */
  private readonly held: number[];

  /** `values` holds the columns of `holds` (every metric unless said), row after row. */
  constructor(
    readonly values: Float64Array,
    readonly holds: number = ALL_METRICS_MASK,
  ) {
    this.held = columnsOf(holds);
    this.place = new Int8Array(METRIC_COUNT).fill(-1);
    this.held.forEach((m, c) => (this.place[m] = c));
    this.stride = this.held.length;
    if (this.stride === 0 || values.length % this.stride !== 0) {
      throw new RangeError(
        `a metric matrix holds ${this.stride} values per row, got ${values.length} values`,
      );
    }
    this.rows = values.length / this.stride;
  }

  /** A zeroed full matrix of `rows` emails. */
  static ofRows(rows: number): MetricMatrix {
    return new MetricMatrix(new Float64Array(rows * METRIC_COUNT));
  }

  /** Sets one email's values from a METRICS-ordered list; null (not asked for) becomes 0. */
  setRow(row: number, values: readonly (number | null)[]): void {
    this.requireFull("setRow");
    for (let m = 0; m < METRIC_COUNT; m++) this.values[row * METRIC_COUNT + m] = values[m] ?? 0;
  }

  /** The value of one metric for the email in `row` (0 for a metric it does not hold). */
  get(row: number, metric: MetricName): number {
    const c = this.place[METRIC_INDEX[metric]];
    return c < 0 ? 0 : this.values[row * this.stride + c];
  }

  /** One email's values, indexed like METRICS, null for each metric outside `mask`. */
  maskedRow(row: number, mask: number): (number | null)[] {
    return Array.from(this.place, (c, m) =>
      (mask & (1 << m)) === 0 ? null : c < 0 ? 0 : this.values[row * this.stride + c],
    );
  }

  /** One metric's values, one per email. */
  column(metric: MetricName): Float64Array {
    const c = this.place[METRIC_INDEX[metric]];
    const out = new Float64Array(this.rows);
    if (c >= 0) for (let i = 0; i < this.rows; i++) out[i] = this.values[i * this.stride + c];
    return out;
  }

  /** One metric's sum over the emails, without copying its column out. */
  sum(metric: MetricName): number {
    const c = this.place[METRIC_INDEX[metric]];
    let total = 0;
    if (c >= 0) for (let i = c; i < this.values.length; i += this.stride) total += this.values[i];
    return total;
  }

  /** Whether both have the same rows and, for each metric in `mask`, the same values. */
  sameAs(other: MetricMatrix, mask: number): boolean {
    if (other.rows !== this.rows) return false;
    for (const m of columnsOf(mask)) {
      const a = this.place[m];
      const b = other.place[m];
      for (let i = 0; i < this.rows; i++) {
        const x = a < 0 ? 0 : this.values[i * this.stride + a];
        if (x !== (b < 0 ? 0 : other.values[i * other.stride + b])) return false;
      }
    }
    return true;
  }

  /**
   * Copies rows [from, to) of source to this matrix, starting at row `at`, each in either
   * layout: the metrics this one holds, 0 for those the source does not.
   */
  copyRows(at: number, source: MetricMatrix, from: number, to: number): void {
    if (this.stride === METRIC_COUNT && source.stride === METRIC_COUNT) {
      this.values.set(
        source.values.subarray(from * METRIC_COUNT, to * METRIC_COUNT),
        at * METRIC_COUNT,
      );
      return;
    }
    const { held, stride } = this;
    const places = held.map((m) => source.place[m]);
    for (let i = from, row = at * stride; i < to; i++, row += stride) {
      for (let c = 0; c < stride; c++) {
        const p = places[c];
        this.values[row + c] = p < 0 ? 0 : source.values[i * source.stride + p];
      }
    }
  }

  /** Only the columns of the metrics in `mask`, row-major (what a task computed, for IPC). */
  packColumns(mask: number): Float64Array {
    const places = columnsOf(mask).map((m) => this.place[m]);
    const k = places.length;
    const packed = new Float64Array(this.rows * k);
    for (let i = 0; i < this.rows; i++) {
      const row = i * this.stride;
      for (let c = 0; c < k; c++) {
        const p = places[c];
        packed[i * k + c] = p < 0 ? 0 : this.values[row + p];
      }
    }
    return packed;
  }

  /**
   * A packed copy holding the metrics of `mask` only. It is smaller by the columns left out:
   * a query's answer copied out of a reused buffer as a full matrix cost more in fresh pages
   * (faulted in, and unmapped again by the GC) than the count it held (4.4 MB at 10x).
   */
  packed(mask: number): MetricMatrix {
    return new MetricMatrix(this.packColumns(mask), mask);
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

  private requireFull(what: string): void {
    if (this.stride !== METRIC_COUNT) {
      throw new RangeError(`${what} needs a full metric matrix, this one is packed`);
    }
  }
}

/** The metric indices in `mask`, ascending. */
export function columnsOf(mask: number): number[] {
  const columns: number[] = [];
  for (let m = 0; m < METRIC_COUNT; m++) if ((mask & (1 << m)) !== 0) columns.push(m);
  return columns;
}
