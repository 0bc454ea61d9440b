import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { roundsFor, type BenchPlan } from "./bench-options";
import { casesFor } from "./cases";
import { chartSpecs } from "./charts";
import { ensureCorpus, type Log } from "./corpora";
import { addRatios, headline, scalingTable } from "./derive";
import { InterferenceMeter } from "./interference";
import { describeMachine } from "./machine";
import { measureKernels } from "./kernels/measure-kernels";
import { measureCompute } from "./measure-compute";
import { measureHttp } from "./measure-http";
import { measureLoad } from "./measure-load";
import { measurePython } from "./measure-python";
import { measureResponsiveness } from "./measure-responsiveness";
import { markdownReport } from "./report";
import type {
  BenchResults,
  CaseResult,
  ColdStart,
  CorpusInfo,
  MemoryResult,
  ResponsivenessResult,
} from "./results.types";
import { startBenchServer } from "./bench-server-control";
import { VegaRenderer } from "./vega-render";

/**
 * Everything one run measures, in an order that keeps measurements apart: per corpus,
 * compute-only in this process (its pools closed afterwards), then HTTP against a
 * server in a child process; then the Python baseline and the loaders, with no
 * Capstats pool alive.
 */
export async function runSuite(plan: BenchPlan, log: Log): Promise<BenchResults> {
  const startedAt = new Date();
  const started = performance.now();
  const machine = describeMachine(plan.tools);
  const interference = new InterferenceMeter();
  const corpora: CorpusInfo[] = [];
  for (const spec of plan.corpora)
    corpora.push(await ensureCorpus(spec, plan.workDir, plan.seed, log));

  const cases: CaseResult[] = [];
  const coldStart: ColdStart[] = [];
  const capitals = new Map<string, Float64Array>();
  const servers: MemoryResult["servers"] = [];
  const responsivenessCorpus =
    corpora.find((c) => c.label === plan.responsiveness.corpus) ?? corpora[corpora.length - 1];
  let responsiveness: ResponsivenessResult | null = null;
  for (const [i, corpus] of corpora.entries()) {
    const rounds = roundsFor(plan, plan.corpora[i]);
    // The chunk sweep runs on the first (default) corpus only; see casesFor.
    const list = casesFor(plan.workerCounts, plan.chunkSizes, i === 0);
    const compute = await measureCompute(corpus, list, rounds, plan.poolSize, log);
    cases.push(...compute.results);
    capitals.set(corpus.label, compute.capitals);
    coldStart.push(compute.coldStart);
    const server = await startBenchServer(corpus.dbFile, plan.poolSize);
    try {
      cases.push(...(await measureHttp(server, corpus, list, rounds, compute.results[0], log)));
      if (corpus === responsivenessCorpus) {
        const { windowMs, probeIntervalMs } = plan.responsiveness;
        responsiveness = await measureResponsiveness(
          server,
          corpus,
          windowMs,
          probeIntervalMs,
          log,
        );
      }
    } finally {
      servers.push({ corpus: corpus.label, ...(await server.stop()) });
    }
  }

  const python = measurePython(corpora, plan.python, capitals, log, plan.tools.python);
  const load = await measureLoad(corpora[0], plan.workDir, plan.load, log, plan.tools.sqlite3);
  // Last, single-threaded, with no pool or server of the run alive.
  const kernels = measureKernels(corpora[0], plan.workDir, plan.kernels, log, plan.tools.cc);
  addRatios(cases, python);
  machine.loadAverageEnd = os.loadavg();
  machine.interference = interference.stop();
  return {
    schema: 1,
    startedAt: startedAt.toISOString(),
    durationMs: performance.now() - started,
    mode: plan.mode,
    command: plan.command,
    rounds: plan.rounds,
    machine,
    corpora,
    cases,
    coldStart,
    python,
    load,
    responsiveness,
    kernels,
    memory: { benchMaxRssMb: process.resourceUsage().maxRSS / 1024, servers },
    scaling: scalingTable(corpora, cases, python, machine.cores),
    headline: headline(corpora, cases, python, responsiveness, load),
  };
}

export interface WrittenOutputs {
  json: string;
  markdown: string;
  charts: string[];
}

/** latest.json, latest.md and one SVG per chart, into `outDir`. */
export async function writeOutputs(r: BenchResults, outDir: string): Promise<WrittenOutputs> {
  fs.mkdirSync(outDir, { recursive: true });
  const specs = chartSpecs(r);
  const renderer = new VegaRenderer();
  const charts: string[] = [];
  for (const chart of specs) {
    const file = path.join(outDir, chart.file);
    fs.writeFileSync(file, await renderer.svg(chart.spec));
    charts.push(file);
  }
  // Paths relative to the working directory (the repository), so the committed JSON is portable.
  const relative = (file: string): string => path.relative(process.cwd(), file);
  const portable: BenchResults = {
    ...r,
    corpora: r.corpora.map((c) => ({
      ...c,
      csvFile: relative(c.csvFile),
      dbFile: relative(c.dbFile),
    })),
  };
  const json = path.join(outDir, "latest.json");
  fs.writeFileSync(json, `${JSON.stringify(portable, null, 2)}\n`);
  const markdown = path.join(outDir, "latest.md");
  fs.writeFileSync(markdown, `${markdownReport(r, specs)}\n`);
  return { json, markdown, charts };
}
