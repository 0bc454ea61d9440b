// Build step "wasm-kernel" of scripts/build.mjs: assembles the SIMD kernel's WebAssembly text
// with wabt (wat2wasm compiled to JS, from npm), so nothing outside the registry is fetched.
// build.mjs runs it only when its inputs changed.
import console from "node:console";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = "src/engine/kernels/simd/text.simd.wat";
/** Next to its loader (simd.module.ts); build.mjs's orphan pruning only touches .js files. */
const OUTPUT = "dist/src/engine/kernels/simd/text.simd.wasm";
/** Post-MVP features the source uses (threads: its memory is shared); Node 20 supports all three. */
const FEATURES = { simd: true, multi_value: true, threads: true };

async function main() {
  const wabt = await createRequire(import.meta.url)("wabt")();
  const text = fs.readFileSync(path.join(ROOT, SOURCE), "utf8");
  const module = wabt.parseWat(SOURCE, text, FEATURES);
  try {
    module.resolveNames();
    module.validate(FEATURES);
    const { buffer } = module.toBinary({ log: false, write_debug_names: true });
    const out = path.join(ROOT, OUTPUT);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    // Written aside and renamed, so a killed build never leaves half a module behind.
    fs.writeFileSync(`${out}.tmp`, buffer);
    fs.renameSync(`${out}.tmp`, out);
    console.log(`wasm-kernel: ${SOURCE} -> ${OUTPUT} (${buffer.length} bytes)`);
  } finally {
    module.destroy();
  }
}

main().catch((err) => {
  console.error(`wasm-kernel: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
