import { MetricMatrix } from "../../metrics/metric-matrix";
import { METRIC_COUNT } from "../../metrics/metrics";
import { mergeSegment, type SegmentCounts } from "../kernels/segment-counts";
import type { SharedRows } from "../exec/worker/task.types";
import type { TaskPlan } from "./chunking";

/** Where an executor's tasks write their rows: memory only the main thread sees, or shared. */
export type InPlaceMemory = "private" | "shared";

const MAX_FREE = 3;

/** A query's result matrix, filled in place by its tasks, and where each of them writes. */
export interface InPlaceResult {
  /** Where each plan's task writes, in plan order. */
  rows: SharedRows[];
  /**
   * Once every task has written: folds split emails' later parts in and returns the emails'
   * rows, packed to the query's mask, and keeps the matrix for the next query. Call it only
   * after a run that succeeded (a cancelled worker may still be writing).
   */
  finish(): MetricMatrix;
}

/**
 * Result matrices, of either kind, kept for the next query once their rows are copied out.
 * Fresh memory costs a page fault per 4 KiB first written (and the GC's unmapping of it later,
 * a TLB flush on every core our threads run on). What is copied out is packed to the query's
 * mask, 2 of 7 columns for the flagship query. At 10x that took SEQUENTIAL from about 480 page
 * faults per query to 110, and THREADS from about 210-310 on the main thread plus 155-185 in
 * the workers to 85-125 plus 10; it also makes a cached result 3.5 times smaller.
 */
export class SharedOutputs {
  /** Most recently freed last; a few, whatever their sizes, so memory stays bounded. */
  private readonly free: (SharedArrayBuffer | ArrayBuffer)[] = [];
  /** Whole-corpus plans are cached (see PlanCache): so is what a walk over their emails found. */
  private readonly spares = new WeakMap<readonly TaskPlan[], number | null>();

  /**
   * The matrix the tasks of `plans` fill in place: one row per email, plus a spare row for
   * each task that begins inside an email (its first part is in the previous task's last row).
   * So tasks write disjoint rows, and all that is left for the main thread is to merge the
   * spare rows, one per split, where copying every task's rows back cost milliseconds at 10x.
   * Null when a plan's emails are not consecutive in the selection (no such plan exists today).
   */
  result(
    emails: number,
    mask: number,
    plans: readonly TaskPlan[],
    memory: InPlaceMemory,
  ): InPlaceResult | null {
    const spare = this.spareRows(plans);
    if (spare === null) return null;
    const total = emails + spare;
    const bytes = total * (METRIC_COUNT * 8 + 1);
    const buffer = this.take(bytes, memory);
    const counts = new Float64Array(buffer, 0, total * METRIC_COUNT);
    const edges = new Uint8Array(buffer, total * METRIC_COUNT * 8, total);
    const out: SegmentCounts = { n: total, mask, counts, edges };
    const splits: [row: number, part: number][] = [];
    let next = emails;
    const rows = plans.map((plan): SharedRows => {
      const first = plan.members[0];
      if (plan.starts[0] === 0) return { counts, edges, firstRow: first, restRow: first + 1 };
      splits.push([first, next]);
      return { counts, edges, firstRow: next++, restRow: first + 1 };
    });
    return {
      rows,
      finish: () => {
        // In plan order, so an email cut in three gets its parts in order.
        for (const [row, part] of splits) mergeSegment(out, row, out, row, out, part);
        const rowsOfEmails = new MetricMatrix(counts.subarray(0, emails * METRIC_COUNT));
        const own = rowsOfEmails.packed(mask);
        this.give(buffer);
        return own;
      },
    };
  }

  /** Spare rows the plans need, or null if one's emails are not consecutive; cached per plan list. */
  private spareRows(plans: readonly TaskPlan[]): number | null {
    let spare = this.spares.get(plans);
    if (spare === undefined) {
      spare = 0;
      for (const plan of plans) {
        const m = plan.members;
        for (let j = 1; j < m.length; j++) if (m[j] !== m[0] + j) spare = null;
        if (spare !== null && plan.starts[0] > 0) spare++;
      }
      this.spares.set(plans, spare);
    }
    return spare;
  }

  /**
   * The smallest free buffer that holds `bytes` (the views are cut to size): queries whose
   * plans differ (another worker count, another chunking) need a few rows more or less, and
   * an exact-size match made a round robin of worker counts fault in a fresh buffer each time.
   * At most twice the size, so a small query does not pin a large buffer.
   */
  private take(bytes: number, memory: InPlaceMemory): SharedArrayBuffer | ArrayBuffer {
    const shared = memory === "shared";
    let best = -1;
    this.free.forEach((b, i) => {
      const fits =
        b instanceof SharedArrayBuffer === shared &&
        b.byteLength >= bytes &&
        b.byteLength <= 2 * bytes;
      if (fits && (best < 0 || b.byteLength < this.free[best].byteLength)) best = i;
    });
    if (best >= 0) return this.free.splice(best, 1)[0];
    return shared ? new SharedArrayBuffer(bytes) : uninitialized(bytes);
  }

  private give(buffer: SharedArrayBuffer | ArrayBuffer): void {
    this.free.push(buffer);
    // Back-to-back queries need one; the others cover a few queries in flight at once.
    if (this.free.length > MAX_FREE) this.free.shift();
  }
}

/**
 * Memory that every task overwrites whole (each email's row, each spare row) or that is copied
 * over whole, so zeroing it first is wasted: a zeroed 4.4 MB buffer took 0.6 ms more to get,
 * at 10x, than the copy into it.
 */
function uninitialized(bytes: number): ArrayBuffer {
  return Buffer.allocUnsafeSlow(bytes).buffer as ArrayBuffer;
}
