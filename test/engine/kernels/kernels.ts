import assert from "node:assert/strict";
import type { KernelBackend } from "../../../src/engine/kernels/kernel-backend";
import {
  jsKernel,
  kernelFor,
  kernelStatus,
  simdKernel,
} from "../../../src/engine/kernels/kernel-selection";
import {
  createCorpusMemory,
  type CorpusMemory,
} from "../../../src/engine/kernels/simd/corpus-memory";
import { SimdKernel } from "../../../src/engine/kernels/simd/simd.kernel";
import { CodePointClasses } from "../../../src/engine/kernels/unicode-tables";

export interface LabelledKernel {
  label: string;
  kernel: KernelBackend;
}

/** The SIMD kernel must load wherever the tests run: `npm run build` assembles it. */
export function requiredSimdKernel(): KernelBackend {
  const simd = simdKernel();
  assert.ok(simd, `the SIMD kernel did not load: ${kernelStatus().simdUnavailable}`);
  return simd;
}

/**
 * A SIMD kernel whose window holds only windowBytes, so that ordinary test texts take the
 * paths real ones take rarely: batches split across calls, segments cut and merged.
 */
export function smallWindowSimdKernel(windowBytes: number): KernelBackend {
  return new SimdKernel(new CodePointClasses(), { windowBytes });
}

let placed: CorpusMemory | null = null;

/**
 * The bytes where the engine keeps the resident corpus: at the corpus offset of a corpus
 * memory, as a view whose byteOffset is that offset (so segment ranges stay as they are).
 * One memory serves every call that fits it.
 */
export function inCorpusMemory(bytes: Uint8Array): { view: Uint8Array; memory: CorpusMemory } {
  if (placed === null || placed.buffer.byteLength < placed.base + bytes.length + 64) {
    placed = createCorpusMemory(Math.max(bytes.length, 1 << 20));
  }
  const view = new Uint8Array(placed.buffer, placed.base, bytes.length);
  view.set(bytes);
  return { view, memory: placed };
}

/**
 * The SIMD kernel counting in place, as worker threads run it on the resident corpus: each
 * call's bytes are put in a corpus memory first, then counted where they lie there.
 */
export function inPlaceSimdKernel(): KernelBackend {
  const kernel = (bytes: Uint8Array): [KernelBackend, Uint8Array] => {
    const { view, memory } = inCorpusMemory(bytes);
    const k = kernelFor("wasm-simd", memory.memory);
    assert.notEqual(k, requiredSimdKernel(), "kernelFor did not give the in-place kernel");
    return [k, view];
  };
  return {
    name: "wasm-simd",
    countCapitals(bytes, starts, ends, result, withCharacters) {
      const [k, view] = kernel(bytes);
      k.countCapitals(view, starts, ends, result, withCharacters);
    },
    countAll(bytes, starts, ends, result) {
      const [k, view] = kernel(bytes);
      k.countAll(view, starts, ends, result);
    },
  };
}

/** Every kernel each test holds to the same oracles. */
export function allKernels(): LabelledKernel[] {
  return [
    { label: "js", kernel: jsKernel() },
    { label: "wasm-simd", kernel: requiredSimdKernel() },
    { label: "wasm-simd in place", kernel: inPlaceSimdKernel() },
  ];
}

/** allKernels plus SIMD with a 64-byte window, for tests whose texts are cheap to count. */
export function allKernelsAndSmallWindow(): LabelledKernel[] {
  return [
    ...allKernels(),
    { label: "wasm-simd, 64-byte window", kernel: smallWindowSimdKernel(64) },
  ];
}
