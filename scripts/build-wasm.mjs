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

/**
 * Two modules from the one text: the corpus memory's, importing a shared memory, and the copying
 * kernel's, importing a private one (V8 copies into a private memory faster: ~1.4 vs ~2.3 ms for
 * the default corpus from a plain buffer).
 */
const SHARED_IMPORT = '(import "env" "memory" (memory 1 65536 shared))';
const VARIANTS = [
  { output: OUTPUT, text: (t) => t },
  {
    output: OUTPUT.replace(/\.wasm$/, ".private.wasm"),
    text: (t) => t.replace(SHARED_IMPORT, '(import "env" "memory" (memory 1 65536))'),
  },
];

async function main() {
  const wabt = await createRequire(import.meta.url)("wabt")();
  const source = fs.readFileSync(path.join(ROOT, SOURCE), "utf8");
  if (!source.includes(SHARED_IMPORT)) throw new Error(`${SOURCE} no longer has ${SHARED_IMPORT}`);
  for (const { output, text } of VARIANTS) assemble(wabt, text(source), output);
}

function assemble(wabt, text, output) {
  const module = wabt.parseWat(SOURCE, text, FEATURES);
  try {
    module.resolveNames();
    module.validate(FEATURES);
    const { buffer } = module.toBinary({ log: false, write_debug_names: true });
    const out = path.join(ROOT, output);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    // Written aside and renamed, so a killed build never leaves half a module behind.
    fs.writeFileSync(`${out}.tmp`, buffer);
    fs.renameSync(`${out}.tmp`, out);
    console.log(`wasm-kernel: ${SOURCE} -> ${output} (${buffer.length} bytes)`);
  } finally {
    module.destroy();
  }
}

main().catch((err) => {
  console.error(`wasm-kernel: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
