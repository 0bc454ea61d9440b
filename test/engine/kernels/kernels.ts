import assert from "node:assert/strict";
import type { KernelBackend } from "../../../src/engine/kernels/kernel-backend";
import { jsKernel, kernelStatus, simdKernel } from "../../../src/engine/kernels/kernel-selection";
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

/** Every kernel each test holds to the same oracles. */
export function allKernels(): LabelledKernel[] {
  return [
    { label: "js", kernel: jsKernel() },
    { label: "wasm-simd", kernel: requiredSimdKernel() },
  ];
}

/** allKernels plus SIMD with a 64-byte window, for tests whose texts are cheap to count. */
export function allKernelsAndSmallWindow(): LabelledKernel[] {
  return [
    ...allKernels(),
    { label: "wasm-simd, 64-byte window", kernel: smallWindowSimdKernel(64) },
  ];
}
