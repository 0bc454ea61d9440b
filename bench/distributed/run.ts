import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { commandLine, usageErrorLine, type CommandSpec } from "../../src/cli/command-line";
import { planFor } from "../bench-options";
import { ensureCorpus } from "../corpora";
import { repoRoot } from "../repo-root";
import { VegaRenderer } from "../vega-render";
import { startBenchRedis, Teardown } from "./cluster";
import { crossovers, jobOverheads } from "./derive";
import { measureDistributed } from "./measure";
import { chart, markdown, type DistributedResults } from "./report";

const COMMAND: CommandSpec = {
  command: "npm run bench:distributed --",
  summary:
    "DISTRIBUTED against THREADS and PROCESSES on the 1x and 10x corpora, with 1, 2 and 4\n" +
    "worker processes on a private redis-server: per-job overhead, first query against the\n" +
    "following ones, the crossover; writes bench/results/distributed.{json,md,svg}.",
  options: {
    reps: {
      type: "string",
      value: "N",
      help: "recorded repetitions per case (1 to 50, default 3)",
    },
    workers: {
      type: "string",
      value: "LIST",
      help: "worker process counts, comma-separated (default 1,2,4)",
    },
  },
  examples: ["npm run bench:distributed -- --reps 3"],
};

/** `npm run bench:distributed`: a few minutes on 2 cores (10x corpus generated on first use). */
async function main(): Promise<number> {
  const values = commandLine(COMMAND, process.argv.slice(2));
  const reps = Number(values.reps ?? 3);
  const workerCounts = String(values.workers ?? "1,2,4")
    .split(",")
    .map(Number);
  if (!Number.isInteger(reps) || reps < 1 || reps > 50) {
    console.error(usageErrorLine(COMMAND, `--reps must be a whole number from 1 to 50`));
    return 2;
  }
  if (workerCounts.some((n) => !(Number.isInteger(n) && n >= 1 && n <= 16))) {
    console.error(usageErrorLine(COMMAND, `--workers must list whole numbers from 1 to 16`));
    return 2;
  }
  const root = repoRoot();
  const base = planFor("quick", root);
  const started = performance.now();
  const log = (m: string): void =>
    console.error(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s] ${m}`);
  const loadAverageStart = os.loadavg();
  const corpora = [];
  for (const spec of base.corpora)
    corpora.push(await ensureCorpus(spec, base.workDir, base.seed, log));
  const teardown = new Teardown();
  let results: DistributedResults;
  try {
    const redis = await startBenchRedis(teardown);
    const measured = await measureDistributed(
      redis,
      corpora,
      { workerCounts, reps, chunkSizes: [100, 10] },
      base.workDir,
      log,
    );
    results = {
      startedAt: new Date().toISOString(),
      command: `npm run bench:distributed${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
      machine: {
        cores: os.availableParallelism(),
        loadAverageStart,
        loadAverageEnd: os.loadavg(),
        node: process.version,
      },
      corpora: corpora.map((c) => ({
        label: c.label,
        emails: c.emails,
        rawTextBytes: c.rawTextBytes,
      })),
      ...measured,
      overhead: jobOverheads(measured.timings, corpora[0].label, 10),
      crossovers: crossovers(measured.timings, corpora, workerCounts),
    };
  } finally {
    await teardown.run();
  }
  fs.mkdirSync(base.outDir, { recursive: true });
  const out = (name: string) => path.join(base.outDir, name);
  fs.writeFileSync(out("distributed.json"), `${JSON.stringify(results, null, 2)}\n`);
  const md = markdown(results);
  fs.writeFileSync(out("distributed.md"), `${md}\n`);
  fs.writeFileSync(out("distributed.svg"), await new VegaRenderer().svg(chart(results, corpora)));
  console.log(md);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
