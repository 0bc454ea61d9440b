#!/usr/bin/env node
// `npm run build`: every build step in order. Each one skips itself when nothing it reads has
// changed, so a build with nothing to do costs a fraction of a second.
//
//   node scripts/build.mjs            all steps
//   node scripts/build.mjs STEP...    only these (e.g. prisma-client)
//   --force                           run the named steps even when up to date
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DASHBOARD_STEP } from "./build-dashboard.mjs";
import { pruneOrphans, stampCheck } from "./build-steps.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

function run(command, args, env = {}) {
  const r = spawnSync(command, args, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

/**
 * A step either checks freshness itself (tsc -b), or names its `inputs` and `outputs`: it then
 * runs only when an output is missing or the inputs' content changed since it last succeeded.
 *
 * New steps go here, in dependency order. The dashboard (Vite) will be one entry with `inputs`
 * (its sources and config), `outputs` (what it writes, outside the TypeScript roots of dist/,
 * or files other than .js there, which pruning leaves alone) and `run`, like wasm-kernel.
 */
const STEPS = [
  {
    name: "prisma-client",
    inputs: ["prisma/schema.prisma"],
    outputs: ["src/generated/prisma/client.ts"],
    // The CLI looks for native engines it never runs here; stand-ins keep it offline.
    run: () =>
      run(process.execPath, [require.resolve("prisma/build/index.js"), "generate"], {
        PRISMA_QUERY_ENGINE_LIBRARY: "/bin/true",
        PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true",
      }),
  },
  {
    name: "wasm-kernel",
    // wabt's version is an input: a new assembler reassembles.
    inputs: [
      "src/engine/kernels/simd/text.simd.wat",
      "scripts/build-wasm.mjs",
      "node_modules/wabt/package.json",
    ],
    outputs: [
      "dist/src/engine/kernels/simd/text.simd.wasm",
      "dist/src/engine/kernels/simd/text.simd.private.wasm",
    ],
    run: () => run(process.execPath, [path.join(ROOT, "scripts", "build-wasm.mjs")]),
  },
  {
    name: "typescript",
    // tsc -b compares sources with dist/.tsbuildinfo and rebuilds only what changed.
    run: () => {
      const status = run(process.execPath, [require.resolve("typescript/bin/tsc"), "-b"]);
      // A moved or deleted source must not leave its old .js behind (node --test would run it).
      if (status === 0)
        pruneOrphans(ROOT, path.join(ROOT, "dist"), ["src", "seed", "test", "bench"]);
      return status;
    },
  },
  {
    // The web app (src/dashboard/web): type-checked, then bundled by Vite into dist/dashboard.
    // Its own process, so Vite is loaded only when the step runs.
    name: "dashboard",
    ...DASHBOARD_STEP,
    run: () => run(process.execPath, [path.join(ROOT, "scripts/build-dashboard.mjs")]),
  },
];

function main(argv) {
  const force = argv.includes("--force");
  const names = argv.filter((a) => a !== "--force");
  const unknown = names.filter((n) => !STEPS.some((s) => s.name === n));
  if (unknown.length > 0) {
    console.error(
      `build: unknown step ${unknown.join(", ")} (steps: ${STEPS.map((s) => s.name).join(", ")})`,
    );
    return 2;
  }
  for (const step of STEPS) {
    if (names.length > 0 && !names.includes(step.name)) continue;
    const stamp = step.inputs ? stampCheck(ROOT, step) : null;
    if (stamp && stamp.fresh && !force) continue;
    const status = step.run();
    if (status !== 0) {
      console.error(`build: step ${step.name} failed (exit ${status})`);
      return status;
    }
    stamp?.record();
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
