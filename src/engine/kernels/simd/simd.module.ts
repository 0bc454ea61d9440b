import fs from "node:fs";
import path from "node:path";

/** Where `npm run build` (scripts/build-wasm.mjs) puts the assembled text.simd.wat. */
export const SIMD_MODULE_FILE = path.join(__dirname, "text.simd.wasm");

/**
 * The compiled SIMD kernel module. Synchronous on purpose: it is about 3 KB, and a worker
 * must have its kernel before it takes a task. Throws an Error saying why it is unavailable
 * (not built, or an engine without 128-bit SIMD); callers fall back to the JS kernels.
 */
export function loadSimdModule(file: string = SIMD_MODULE_FILE): WebAssembly.Module {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new Error(
      `the SIMD kernel ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? err}); ` +
        "`npm run build` assembles it",
    );
  }
  if (!WebAssembly.validate(bytes)) {
    throw new Error(
      `this JavaScript engine rejects the SIMD kernel ${file} ` +
        "(it needs WebAssembly 128-bit SIMD and multi-value)",
    );
  }
  return new WebAssembly.Module(bytes);
}
