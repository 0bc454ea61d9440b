import { LITTLE_ENDIAN } from "../aligned-words";
import type { SegmentCounts } from "../segment-counts";
import type { CodePointClasses } from "../unicode-tables";
import { Mode, readRecords } from "./simd-records";
import { loadSimdModule } from "./simd.module";

export const PAGE_BYTES = 65536;
/** wasm32's ceiling, which text.simd.wat declares as its memory's maximum: 4 GiB. */
export const MAX_PAGES = 65536;
/** The class table and the constants (text.simd.wat's first two areas) end here. */
export const TABLES_END = 66048;
/** The kernels load whole 16-byte blocks and mask off what lies past a segment's end. */
export const OVERREAD = 64;

export interface SimdExports {
  caps(records: number, n: number): void;
  all(records: number, n: number): void;
}

/**
 * One instance of text.simd.wat on `memory`: shared for the default module, private for the
 * one built from PRIVATE_SIMD_MODULE_FILE. Writes the class table at address 0: instances
 * sharing a memory write the same bytes.
 */
export function instantiateSimd(
  memory: WebAssembly.Memory,
  classes: CodePointClasses,
  module: WebAssembly.Module = loadSimdModule(),
): SimdExports {
  if (!LITTLE_ENDIAN) {
    // WebAssembly memory is little-endian; the records cross through host-order Int32Arrays.
    throw new Error("the SIMD kernel's driver needs a little-endian host");
  }
  const astral = (cp: number): number => classes.classOf(cp);
  const instance = new WebAssembly.Instance(module, { env: { astral, memory } });
  new Uint8Array(memory.buffer).set(classes.bmp, 0);
  return instance.exports as unknown as SimdExports;
}

/** A memory of exactly `bytes` (rounded up to pages), shared or not; it never grows. */
export function memoryOf(bytes: number, shared: boolean): WebAssembly.Memory {
  const pages = Math.ceil(bytes / PAGE_BYTES);
  if (pages > MAX_PAGES) {
    throw new RangeError(
      `WebAssembly memory holds at most ${MAX_PAGES} pages of 64 KiB (4 GiB); ${bytes} bytes need ${pages}`,
    );
  }
  return new WebAssembly.Memory({ initial: pages, maximum: pages, shared });
}

/**
 * Runs the kernel of `mode` on the `count` records at byte address `recordsAt` (viewed by
 * `records`) and stores them as segments first.. of result.
 */
export function callSimd(
  exports: SimdExports,
  mode: Mode,
  recordsAt: number,
  records: Int32Array,
  first: number,
  count: number,
  result: SegmentCounts,
): void {
  if (count === 0) return;
  if (mode === Mode.ALL) exports.all(recordsAt, count);
  else exports.caps(recordsAt, count);
  readRecords(records, mode, first, count, result);
}
