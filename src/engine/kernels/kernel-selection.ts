import { jsBackend, type KernelBackend, type KernelName } from "./kernel-backend";
import { SimdKernel } from "./simd/simd.kernel";
import { CodePointClasses } from "./unicode-tables";

/**
 * Process-wide (per thread) on purpose: the class table is a cache of a pure function of the
 * running engine's Unicode data, and the SIMD instance is scratch memory plus compiled code for
 * the same pure function. Neither can couple callers: every backend gives the same counts. A
 * table per call would rebuild the 64 KB BMP table (3 to 10 ms) each time.
 */
const CLASSES = new CodePointClasses();
const JS = jsBackend(CLASSES);
let simd: SimdKernel | null | undefined;
let simdUnavailable: string | null = null;

export function jsKernel(): KernelBackend {
  return JS;
}

/** The WebAssembly SIMD kernel, built on first use; null when it cannot run here. */
export function simdKernel(): KernelBackend | null {
  if (simd === undefined) {
    try {
      simd = new SimdKernel(CLASSES);
    } catch (err) {
      simd = null;
      simdUnavailable = err instanceof Error ? err.message : String(err);
    }
  }
  return simd;
}

/** SIMD where the engine supports it, the JS kernels otherwise. */
export function defaultKernel(): KernelBackend {
  return simdKernel() ?? JS;
}

export interface KernelStatus {
  kernel: KernelName;
  /** Why the SIMD kernel is not in use, when it is not. */
  simdUnavailable: string | null;
}

export function kernelStatus(): KernelStatus {
  return { kernel: defaultKernel().name, simdUnavailable };
}
