import { LITTLE_ENDIAN } from "../aligned-words";
import type { KernelBackend } from "../kernel-backend";
import { createSegmentCounts, mergeSegment, type SegmentCounts } from "../segment-counts";
import type { CodePointClasses } from "../unicode-tables";
import { Mode, readRecords, RECORD_WORDS } from "./simd-records";
import { loadSimdModule } from "./simd.module";

/** Segments per kernel call: 160 KB of records. */
const RECORDS = 4096;
/** The kernels load whole 16-byte blocks and mask off what lies past a segment's end. */
const OVERREAD = 64;
const PAGE_BYTES = 65536;
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

interface Exports {
  memory: WebAssembly.Memory;
  recordsAt: WebAssembly.Global;
  caps(records: number, n: number): void;
  all(records: number, n: number): void;
}

export interface SimdKernelOptions {
  /** Bytes of text per kernel call; longer segments are counted in cuts and merged. */
  windowBytes?: number;
  module?: WebAssembly.Module;
  /**
   * Bytes of text to hold inside the instance's own memory (see text()). Segments of those
   * bytes are counted in place, with no copy: what a resident corpus kept in WebAssembly
   * memory would cost.
   */
  textBytes?: number;
}

/**
 * The WebAssembly SIMD kernels behind the KernelBackend interface. WebAssembly memory cannot
 * alias the caller's buffer (a resident SharedArrayBuffer, a Buffer), so each call copies the
 * segments' bytes into a reusable window of the instance's memory, contiguous runs of segments
 * in one copy, and runs the kernel over the window while it is still in cache.
 */
export class SimdKernel implements KernelBackend {
  readonly name = "wasm-simd";
  readonly windowBytes: number;
  private readonly exports: Exports;
  private readonly heap: Uint8Array;
  private readonly records: Int32Array;
  private readonly recordsAt: number;
  private readonly windowAt: number;
  private readonly textAt: number;
  private readonly textBytes: number;

  constructor(classes: CodePointClasses, options: SimdKernelOptions = {}) {
    if (!LITTLE_ENDIAN) {
      // WebAssembly memory is little-endian; the records cross through host-order Int32Arrays.
      throw new Error("the SIMD kernel's driver needs a little-endian host");
    }
    const windowBytes = options.windowBytes ?? DEFAULT_WINDOW_BYTES;
    if (!Number.isInteger(windowBytes) || windowBytes < 2 * ALIGN || windowBytes > 1 << 30) {
      throw new RangeError(`windowBytes must be an integer from 32 to 2^30, got ${windowBytes}`);
    }
    this.windowBytes = windowBytes;
    const astral = (cp: number): number => classes.classOf(cp);
    const instance = new WebAssembly.Instance(options.module ?? loadSimdModule(), {
      env: { astral },
    });
    this.exports = instance.exports as unknown as Exports;
    const memory = this.exports.memory;
    this.recordsAt = this.exports.recordsAt.value;
    this.windowAt = Math.ceil((this.recordsAt + RECORDS * RECORD_WORDS * 4) / 64) * 64;
    this.textAt = this.windowAt + Math.ceil((windowBytes + OVERREAD) / 64) * 64;
    this.textBytes = options.textBytes ?? 0;
    if (!Number.isInteger(this.textBytes) || this.textBytes < 0) {
      throw new RangeError(`textBytes must be a natural number, got ${this.textBytes}`);
    }
    const pages = Math.ceil((this.textAt + this.textBytes + OVERREAD) / PAGE_BYTES);
    const have = memory.buffer.byteLength / PAGE_BYTES;
    if (pages > have) memory.grow(pages - have);
    this.heap = new Uint8Array(memory.buffer);
    this.records = new Int32Array(memory.buffer, this.recordsAt, RECORDS * RECORD_WORDS);
    this.heap.set(classes.bmp, 0);
  }

  /** The textBytes-long area of the instance's memory whose segments are counted in place. */
  text(): Uint8Array {
    return this.heap.subarray(this.textAt, this.textAt + this.textBytes);
  }

  readonly countCapitals: KernelBackend["countCapitals"] = (b, s, e, result, withCharacters) =>
    this.run(b, s, e, result, withCharacters ? Mode.CAPITALS_AND_CHARACTERS : Mode.CAPITALS);

  readonly countAll: KernelBackend["countAll"] = (b, s, e, result) =>
    this.run(b, s, e, result, Mode.ALL);

  /**
   * Packs segments into the window as pieces: a piece is one copied source range, grown while
   * the next segment starts inside or right after it (a task's emails lie end to end), so
   * consecutive segments cost one copy; a gap or a jump back opens a new piece.
   */
  private run(
    bytes: Uint8Array,
    starts: ArrayLike<number>,
    ends: ArrayLike<number>,
    result: SegmentCounts,
    mode: Mode,
  ): void {
    if (bytes.buffer === this.heap.buffer) {
      this.runInPlace(bytes.byteOffset, starts, ends, result, mode);
      return;
    }
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
  }

  /** Segments of bytes inside the instance's memory (text()): no window, no copy. */
  private runInPlace(
    base: number,
    starts: ArrayLike<number>,
    ends: ArrayLike<number>,
    result: SegmentCounts,
    mode: Mode,
  ): void {
    for (let first = 0; first < starts.length; first += RECORDS) {
      const count = Math.min(RECORDS, starts.length - first);
      for (let i = 0; i < count; i++) {
        this.records[i * RECORD_WORDS] = base + starts[first + i];
        this.records[i * RECORD_WORDS + 1] = base + ends[first + i];
      }
      this.call(mode, first, count, result);
    }
  }

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
    if (count === 0) return;
    if (mode === Mode.ALL) this.exports.all(this.recordsAt, count);
    else this.exports.caps(this.recordsAt, count);
    readRecords(this.records, mode, first, count, result);
  }
}
