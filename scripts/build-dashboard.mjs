// The dashboard step of scripts/build.mjs: type-checks the web app (src/dashboard/web) and
// bundles it with Vite into dist/dashboard. build.mjs runs it only when its inputs changed,
// so Vite is never even loaded by a build with nothing to do.
//
//   node scripts/build-dashboard.mjs [--src DIR] [--out DIR]
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** What the step reads and writes, for build.mjs's freshness check (paths from the root). */
export const DASHBOARD_STEP = {
  inputs: [
    "src/dashboard/web",
    // Pure modules the bundle shares with the Node tests.
    "src/dashboard/shared",
    "scripts/build-dashboard.mjs",
    // Their code, or what they check and emit, ends up in the bundle.
    ...["vite", "chart.js", "graphql-ws", "typescript"].map(
      (p) => `node_modules/${p}/package.json`,
    ),
  ],
  outputs: ["dist/dashboard/index.html"],
};

function parseArgs(argv) {
  const opts = {
    src: path.join(ROOT, "src/dashboard/web"),
    out: path.join(ROOT, "dist/dashboard"),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg !== "--src" && arg !== "--out")
      throw new Error(`unknown option ${arg} (use --src DIR, --out DIR)`);
    const value = argv[++i];
    if (!value) throw new Error(`${arg} needs a directory`);
    opts[arg.slice(2)] = path.resolve(value);
  }
  return opts;
}

function typecheck(src) {
  const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", path.join(src, "tsconfig.json")], {
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error("dashboard: type errors (see above); nothing was built");
}

export async function buildDashboard({ src, out }) {
  const started = performance.now();
  typecheck(src);
  const { build } = await import("vite");
  await build({
    configFile: false,
    root: src,
    base: "/",
    logLevel: "warn",
    build: {
      outDir: out,
      emptyOutDir: true,
      // Beside /graphql and /playground-assets; hashed names, so they are cached for good.
      assetsDir: "dashboard-assets",
      target: "es2022",
      reportCompressedSize: false,
    },
  });
  const files = fs.readdirSync(out, { recursive: true }).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `dashboard: built into ${path.relative(ROOT, out)} (${files} entries) in ${seconds} s`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildDashboard(parseArgs(process.argv.slice(2))).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
