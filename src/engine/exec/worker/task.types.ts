import type { KernelName } from "../../kernels/kernel-backend";

/**
 * The narrow contract between the engine and whatever executes its tasks (the main
 * thread, a worker thread, a child process, later a remote queue): tasks go in,
 * partial results come out. Everything here is structured-clone friendly, so the
 * same shapes cross postMessage and advanced-serialization IPC unchanged.
 */

/** A slice of the resident corpus: segments are byte ranges of one shared buffer. */
export interface ResidentTask {
  kind: "resident";
  /** Corpus version the bytes belong to; a worker never mixes versions. */
  version: number;
  /** UTF-8 text of every email, concatenated; shared, never copied. */
  bytes: SharedArrayBuffer;
  /**
   * The shared WebAssembly memory whose buffer `bytes` is, when it is one: the SIMD kernel
   * then counts the bytes in place. Never sent to a child process (it cannot cross IPC).
   */
  memory?: WebAssembly.Memory;
  /** Byte ranges [starts[i], ends[i]) in `bytes`, one per segment, on code-point boundaries. */
  starts: Float64Array;
  ends: Float64Array;
  mask: number;
  /** Which kernel counts; absent: the fastest this worker runs. */
  kernel?: KernelName;
  /** Set when the engine owns a shared result matrix: the rows are written there, not returned. */
  into?: SharedRows;
}

/**
 * Where a task's per-segment counts go in a result matrix shared by the engine and the
 * workers: segment 0 to row `firstRow`, segment j >= 1 to row `restRow + j - 1`. Tasks write
 * disjoint rows (an email split between tasks gets a spare row for its later part), so no
 * result crosses postMessage and nothing is merged but the split emails.
 */
export interface SharedRows {
  /** rows * METRIC_COUNT, row-major, on a SharedArrayBuffer. */
  counts: Float64Array;
  /** One edge-flag byte per row, on a SharedArrayBuffer. */
  edges: Uint8Array;
  firstRow: number;
  restRow: number;
}

/** A slice read by the worker itself from SQLite (processes share no memory). */
export interface SqliteTask {
  kind: "sqlite";
  version: number;
  /** Absolute path of the SQLite file, opened read-only by the worker. */
  dbFile: string;
  /** Email id of each segment, in segment order (an id may repeat when an email is split). */
  ids: Int32Array;
  /** Byte range of each segment inside its email's RawText ([0, size) for a whole email). */
  starts: Float64Array;
  ends: Float64Array;
  mask: number;
  kernel?: KernelName;
}

export type CountTask = ResidentTask | SqliteTask;

/** What a worker sends back for one task. */
export interface CountTaskResult {
  /** segments * METRIC_COUNT, row-major, as produced by the kernel; fewer columns with `holds`. */
  counts: Float64Array;
  /**
   * Set when `counts` holds only these metrics' columns (MetricMatrix's packed layout), as a
   * DISTRIBUTED result arrives from Redis: it is merged as it is, not unpacked first.
   */
  holds?: number;
  /** One boundary-flag byte per segment, for merging split emails. */
  edges: Uint8Array;
  /** Who ran it: "main", "thread:<threadId>" or "process:<pid>". */
  worker: string;
  /** Time spent fetching text (SQLite reads); 0 for resident tasks. */
  readMs: number;
  /** Time spent in the kernel. */
  computeMs: number;
}

/** What one worker did of a query's claimed tasks (see serve-worker.ts's countClaimed). */
export interface ClaimedRun {
  worker: string;
  readMs: number;
  computeMs: number;
  /** Index of each task this worker ran, in the order it claimed them. */
  tasks: number[];
  /** Kernel time of each of those tasks. */
  taskMs: number[];
}
