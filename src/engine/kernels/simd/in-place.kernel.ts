import { threadId } from "node:worker_threads";
import type { KernelBackend } from "../kernel-backend";
import type { CodePointClasses } from "../unicode-tables";
import { checkCodePointBoundaries } from "../utf8";
import {
  claimSlot,
  corpusLayoutOf,
  type CorpusLayout,
  releaseSlot,
  SLOT_RECORDS,
  slotAt,
  slotLocks,
} from "./corpus-memory";
import { capitalsMode, Mode, RECORD_WORDS, type ModeRun } from "./simd-records";
import { callSimd, instantiateSimd, type SimdExports } from "./simd-instance";

/**
 * The SIMD kernels on a corpus memory (corpus-memory.ts): segments of the resident corpus are
 * counted where they lie, with no copy. Each thread has its own instance on the one shared
 * memory; a call takes a scratch slot for its records. Bytes that are not a view of this
 * memory, and calls that find every slot taken (threads killed mid-call keep theirs), go to
 * `copying`, the window-copying kernel: slower, same counts. It checks the segments' code-point
 * boundaries itself, batch by batch after counting (see checkCodePointBoundaries): the kernel
 * is memory-safe on any bytes, and reads each boundary from cache then.
 */
export class InPlaceSimdKernel implements KernelBackend {
  readonly name = "wasm-simd";
  readonly checksCodePointBoundaries = true;
  private readonly layout: CorpusLayout;
  private readonly exports: SimdExports;
  private readonly locks: Int32Array;
  private readonly slots: Int32Array[];
  private readonly preferredSlot = threadId;

  constructor(
    memory: WebAssembly.Memory,
    classes: CodePointClasses,
    private readonly copying: KernelBackend,
    module?: WebAssembly.Module,
  ) {
    const buffer = memory.buffer as unknown as SharedArrayBuffer;
    const layout = corpusLayoutOf(buffer);
    if (layout === null) throw new TypeError("this WebAssembly.Memory is not a corpus memory");
    this.layout = layout;
    this.exports = instantiateSimd(memory, classes, module);
    this.locks = slotLocks(buffer);
    this.slots = Array.from(
      this.locks,
      (_, slot) => new Int32Array(buffer, slotAt(slot), SLOT_RECORDS * RECORD_WORDS),
    );
  }

  /** Whether `buffer` is this kernel's memory, through whichever wrapper it arrived. */
  holds(buffer: ArrayBufferLike): boolean {
    const layout = corpusLayoutOf(buffer);
    return (
      layout !== null &&
      layout.stamp === this.layout.stamp &&
      buffer.byteLength === this.slots[0].buffer.byteLength
    );
  }

  readonly countCapitals: KernelBackend["countCapitals"] = (b, s, e, result, withCharacters) => {
    if (!this.run(b, s, e, result, capitalsMode(withCharacters))) {
      checkCodePointBoundaries(b, s, e, 0, s.length);
      this.copying.countCapitals(b, s, e, result, withCharacters);
    }
  };

  readonly countAll: KernelBackend["countAll"] = (b, s, e, result) => {
    if (!this.run(b, s, e, result, Mode.ALL)) {
      checkCodePointBoundaries(b, s, e, 0, s.length);
      this.copying.countAll(b, s, e, result);
    }
  };

  /** Counts in place; false (nothing counted) when it cannot. */
  private readonly run: ModeRun<boolean> = (bytes, starts, ends, result, mode) => {
    if (!this.holds(bytes.buffer)) return false;
    const slot = claimSlot(this.locks, this.preferredSlot);
    if (slot < 0) return false;
    try {
      const records = this.slots[slot];
      const recordsAt = slotAt(slot);
      const base = bytes.byteOffset;
      const lo = this.layout.corpusAt;
      const hi = lo + this.layout.corpusBytes;
      for (let first = 0; first < starts.length; first += SLOT_RECORDS) {
        const count = Math.min(SLOT_RECORDS, starts.length - first);
        for (let i = 0; i < count; i++) {
          const start = base + starts[first + i];
          const end = base + ends[first + i];
          // Only the corpus has the padding the kernels read around a segment.
          if (start < lo || end > hi) {
            checkCodePointBoundaries(bytes, starts, ends, first, first + i);
            throw new RangeError(
              `segment ${first + i} [${start}, ${end}) lies outside the corpus [${lo}, ${hi})`,
            );
          }
          records[i * RECORD_WORDS] = start;
          records[i * RECORD_WORDS + 1] = end;
        }
        callSimd(this.exports, mode, recordsAt, records, first, count, result);
        checkCodePointBoundaries(bytes, starts, ends, first, first + count);
      }
    } finally {
      releaseSlot(this.locks, slot);
    }
    return true;
  };
}
