import type { KernelBackend } from "../kernel-backend";
import { createSegmentCounts, mergeSegment, type SegmentCounts } from "../segment-counts";
import type { CodePointClasses } from "../unicode-tables";
import { capitalsMode, Mode, RECORD_WORDS, type ModeRun } from "./simd-records";
import { loadSimdModule, PRIVATE_SIMD_MODULE_FILE } from "./simd.module";
import {
  callSimd,
  instantiateSimd,
  memoryOf,
  OVERREAD,
  TABLES_END,
  type SimdExports,
} from "./simd-instance";

/** Segments per kernel call: 160 KB of records. */
const RECORDS = 4096;
/**
 * Each piece lands in the window at its source's offset in its buffer modulo this. V8 copies
 * out of a SharedArrayBuffer with word-sized relaxed-atomic moves only when source and target
 * are equally aligned; otherwise byte by byte, measured 8 times slower (5 vs 38 GB/s).
 */
const ALIGN = 16;

/**
 * Small enough to stay in any core's L2 between the copy and the count, large enough that the
 * calls are few. Measured on the default corpus (2 MB L2), windows from 16 KiB to 1 MiB were
 * within noise of each other.
 */
export const DEFAULT_WINDOW_BYTES = 256 * 1024;

export interface SimdKernelOptions {
  /** Bytes of text per kernel call; longer segments are counted in cuts and merged. */
  windowBytes?: number;
  /** The module importing a private memory (PRIVATE_SIMD_MODULE_FILE). */
  module?: WebAssembly.Module;
}

/**
 * The WebAssembly SIMD kernels on bytes outside WebAssembly memory (a Buffer read from SQLite,
 * a PROCESSES task's packed copy, a corpus too large for a corpus memory): WebAssembly memory
 * cannot alias them, so each call copies the segments' bytes into a reusable window of the
 * instance's own memory, contiguous runs of segments in one copy, and runs the kernel over the
 * window while it is still in cache. The resident corpus is counted in place instead
 * (in-place.kernel.ts).
 */
export class SimdKernel implements KernelBackend {
  readonly name = "wasm-simd";
  readonly windowBytes: number;
  private readonly exports: SimdExports;
  private readonly heap: Uint8Array;
  private readonly records: Int32Array;
  private readonly recordsAt = TABLES_END;
  private readonly windowAt: number;

  constructor(classes: CodePointClasses, options: SimdKernelOptions = {}) {
    const windowBytes = options.windowBytes ?? DEFAULT_WINDOW_BYTES;
    if (!Number.isInteger(windowBytes) || windowBytes < 2 * ALIGN || windowBytes > 1 << 30) {
      throw new RangeError(`windowBytes must be an integer from 32 to 2^30, got ${windowBytes}`);
    }
    this.windowBytes = windowBytes;
    this.windowAt = Math.ceil((this.recordsAt + RECORDS * RECORD_WORDS * 4) / 64) * 64;
    const memory = memoryOf(this.windowAt + windowBytes + OVERREAD, false);
    const module = options.module ?? loadSimdModule(PRIVATE_SIMD_MODULE_FILE);
    this.exports = instantiateSimd(memory, classes, module);
    this.heap = new Uint8Array(memory.buffer);
    this.records = new Int32Array(memory.buffer, this.recordsAt, RECORDS * RECORD_WORDS);
  }

  readonly countCapitals: KernelBackend["countCapitals"] = (b, s, e, result, withCharacters) =>
    this.run(b, s, e, result, capitalsMode(withCharacters));

  readonly countAll: KernelBackend["countAll"] = (b, s, e, result) =>
    this.run(b, s, e, result, Mode.ALL);

  /**
   * Packs segments into the window as pieces: a piece is one copied source range, grown while
   * the next segment starts inside or right after it (a task's emails lie end to end), so
   * consecutive segments cost one copy; a gap or a jump back opens a new piece.
   */
  private readonly run: ModeRun<void> = (bytes, starts, ends, result, mode) => {
    const window = this.windowBytes;
    const records = this.records;
    const n = starts.length;
    const base = bytes.byteOffset;
    let first = 0; // first segment of the batch being packed
    let fill = 0; // window bytes taken by the batch's closed pieces
    let open = false; // an open piece: source [lo, hi) goes to window offset at
    let lo = 0;
    let hi = 0;
    let at = 0;
    for (let k = 0; k < n; k++) {
      const start = starts[k];
      const length = ends[k] - start;
      // Longer than fits behind an alignment pad: counted in cuts.
      const long = length + ALIGN - 1 > window;
      if (k - first === RECORDS || long) {
        if (open) this.copy(bytes, lo, hi, at);
        this.call(mode, first, k - first, result);
        open = false;
        first = k;
        fill = 0;
      }
      if (long) {
        this.countLong(bytes, start, start + length, result, k, mode);
        first = k + 1;
        continue;
      }
      if (open && start >= lo && start <= hi && at + Math.max(hi, start + length) - lo <= window) {
        hi = Math.max(hi, start + length);
      } else {
        if (open) {
          this.copy(bytes, lo, hi, at);
          fill = at + hi - lo;
        }
        at = fill + ((base + start - fill) & (ALIGN - 1));
        if (at + length > window) {
          this.call(mode, first, k - first, result);
          first = k;
          fill = 0;
          at = (base + start) & (ALIGN - 1);
        }
        open = true;
        lo = start;
        hi = start + length;
      }
      const r = (k - first) * RECORD_WORDS;
      records[r] = this.windowAt + at + start - lo;
      records[r + 1] = records[r] + length;
    }
    if (open) this.copy(bytes, lo, hi, at);
    this.call(mode, first, n - first, result);
  };

  /** A segment longer than the window: cut at code points, counted cut by cut, merged. */
  private countLong(
    bytes: Uint8Array,
    start: number,
    end: number,
    result: SegmentCounts,
    k: number,
    mode: Mode,
  ): void {
    const cut = createSegmentCounts(1, result.mask);
    for (let from = start; from < end;) {
      const at = (bytes.byteOffset + from) & (ALIGN - 1);
      let to = Math.min(end, from + this.windowBytes - at);
      while (to < end && (bytes[to] & 0xc0) === 0x80) to--;
      this.copy(bytes, from, to, at);
      this.records[0] = this.windowAt + at;
      this.records[1] = this.windowAt + at + to - from;
      this.call(mode, 0, 1, cut);
      mergeSegment(result, k, result, k, cut, 0);
      from = to;
    }
  }

  private copy(bytes: Uint8Array, lo: number, hi: number, at: number): void {
    if (hi > lo) this.heap.set(bytes.subarray(lo, hi), this.windowAt + at);
  }

  /** Runs the kernel on records [0, count) and stores them as segments first.. of result. */
  private call(mode: Mode, first: number, count: number, result: SegmentCounts): void {
    callSimd(this.exports, mode, this.recordsAt, this.records, first, count, result);
  }
}
