import { jsBackend, type KernelBackend, type KernelName } from "./kernel-backend";
import { InPlaceSimdKernel } from "./simd/in-place.kernel";
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

/**
 * The in-place kernel of the last corpus memory this thread counted, kept between tasks; a
 * task on another memory (a reload's) replaces it. So a thread pins at most one old corpus,
 * until its first task after a reload.
 */
let inPlace: InPlaceSimdKernel | null = null;

/**
 * The kernel a task asked for ("js", or "wasm-simd" and its default when absent), as this
 * thread can run it: SIMD falls back to JS where it cannot load. With `memory`, the resident
 * corpus's corpus memory, SIMD counts in place on it.
 */
export function kernelFor(name?: KernelName, memory?: WebAssembly.Memory): KernelBackend {
  if (name === "js") return JS;
  const copying = simdKernel();
  if (copying === null || memory === undefined) return copying ?? JS;
  if (inPlace === null || !inPlace.holds(memory.buffer)) {
    inPlace = null;
    inPlace = new InPlaceSimdKernel(memory, CLASSES, copying);
  }
  return inPlace;
}

/** What kernelFor(name) runs on this thread, for reports. */
export function resolvedKernel(name?: KernelName): KernelName {
  return kernelFor(name).name;
}

export interface KernelStatus {
  kernel: KernelName;
  /** Why the SIMD kernel is not in use, when it is not. */
  simdUnavailable: string | null;
}

export function kernelStatus(): KernelStatus {
  return { kernel: defaultKernel().name, simdUnavailable };
}
