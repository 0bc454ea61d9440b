import fs from "node:fs";
import path from "node:path";

/** Where `npm run build` (scripts/build-wasm.mjs) puts the assembled text.simd.wat. */
export const SIMD_MODULE_FILE = path.join(__dirname, "text.simd.wasm");
/** The same kernels importing a private (unshared) memory, for the copying kernel. */
export const PRIVATE_SIMD_MODULE_FILE = path.join(__dirname, "text.simd.private.wasm");

const compiled = new Map<string, WebAssembly.Module>();

/**
 * The compiled SIMD kernel module, compiled once per file and thread. Synchronous on purpose: it is about 3 KB, and a worker
 * must have its kernel before it takes a task. Throws an Error saying why it is unavailable
 * (not built, or an engine without 128-bit SIMD); callers fall back to the JS kernels.
 */
export function loadSimdModule(file: string = SIMD_MODULE_FILE): WebAssembly.Module {
  let module = compiled.get(file);
  if (module === undefined) {
    module = compile(file);
    compiled.set(file, module);
  }
  return module;
}

function compile(file: string): WebAssembly.Module {
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
