import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { roundsFor, type BenchPlan } from "./bench-plan";
import { casesFor } from "./cases";
import { chartSpecs } from "./charts";
import { ensureCorpus, type Log } from "./corpora";
import { addRatios, scalingTable } from "./derive";
import { endToEnd } from "./derive-e2e";
import { cpuBoundSpeedup, headline } from "./headline";
import { InterferenceMeter } from "./interference";
import { describeMachine } from "./machine";
import { measureKernels } from "./kernels/measure-kernels";
import { measureCached } from "./measure-cached";
import { measureCompute } from "./measure-compute";
import { measureHttp } from "./measure-http";
import { measureIo } from "./measure-io";
import { measureLoad } from "./measure-load";
import { measurePython } from "./measure-python";
import { measureRequestPath } from "./measure-request-path";
import { runResponsiveness } from "./measure-responsiveness";
import { measureWorkerScaling } from "./measure-scaling";
import { markdownReport } from "./report";
import type {
  BenchResults,
  CaseResult,
  ColdStart,
  CorpusInfo,
  MemoryResult,
} from "./results.types";
import { quantiles } from "./sampling";
import type { Sections } from "./sections.types";
import { startBenchServer, type BenchServer } from "./bench-server-control";
import { VegaRenderer } from "./vega-render";

const FLOOR_REQUESTS = 300;

/** `{ __typename }` round trips: the floor every GraphQL answer stands on. */
async function measureFloor(server: BenchServer): Promise<ReturnType<typeof quantiles>> {
  for (let i = 0; i < 30; i++) await server.gql("{ __typename }");
  const samples: number[] = [];
  for (let i = 0; i < FLOOR_REQUESTS; i++) {
    const started = performance.now();
    await server.gql("{ __typename }");
    samples.push(performance.now() - started);
  }
  return quantiles(samples);
}

/**
 * Everything one run measures, in an order that keeps measurements apart: per corpus,
 * compute-only in this process (its pools closed afterwards), then HTTP against a server in
 * a child process (with the default corpus's request path, cached answers and I/O); worker
 * scaling; responsiveness on its own corpus (for DISTRIBUTED with its own Redis and worker
 * processes); then the Python baseline and the loaders, with no Capstats pool alive.
 */
export async function runSuite(plan: BenchPlan, log: Log): Promise<BenchResults> {
  const startedAt = new Date();
  const started = performance.now();
  const machine = describeMachine(plan.tools);
  const interference = new InterferenceMeter();
  const corpora: CorpusInfo[] = [];
  for (const spec of plan.corpora)
    corpora.push(await ensureCorpus(spec, plan.workDir, plan.seed, log));
  const sections: Sections = {
    responsiveness: null,
    workerScaling: null,
    cachedAnswers: [],
    requestPath: null,
    io: null,
    endToEnd: null,
  };
  const cases: CaseResult[] = [];
  const coldStart: ColdStart[] = [];
  const capitals = new Map<string, Float64Array>();
  const servers: MemoryResult["servers"] = [];
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
      const http = await measureHttp(server, corpus, list, rounds, compute.results[0], log);
      cases.push(...http);
      if (corpus.scale <= 10) {
        sections.cachedAnswers.push(await measureCached(server, corpus, plan.cachedRequests, log));
      }
      if (i === 0) {
        sections.endToEnd = endToEnd(
          cases,
          corpus.label,
          await measureFloor(server),
          machine.cores,
        );
        sections.requestPath = await measureRequestPath(server, plan.requestPath, log);
        sections.io = await measureIo(server, corpus, plan.io, log);
        sections.io.cpuBound = cpuBoundSpeedup(cases, corpus.label);
      }
    } finally {
      servers.push({ corpus: corpus.label, ...(await server.stop()) });
    }
  }
  const scalingCorpus = corpora.find((c) => c.label === plan.workerScaling.corpus);
  if (scalingCorpus) {
    sections.workerScaling = await measureWorkerScaling(
      scalingCorpus,
      plan.workerScaling,
      plan.poolSize,
      log,
    );
  }
  const respSpec = plan.responsiveness;
  const respCorpus =
    corpora.find((c) => c.emails === respSpec.corpus.emails) ??
    (await ensureCorpus(respSpec.corpus, plan.workDir, plan.seed, log));
  const resp = await runResponsiveness(plan, respCorpus, log);
  sections.responsiveness = resp.section;
  servers.push({ corpus: respCorpus.label, ...resp.memory });

  const python = measurePython(corpora, plan.python, capitals, log, plan.tools.python);
  const load = await measureLoad(corpora[0], plan.workDir, plan.load, log, plan.tools.sqlite3);
  // Last, single-threaded, with no pool or server of the run alive.
  const kernels = measureKernels(corpora[0], plan.workDir, plan.kernels, log, plan.tools.cc);
  addRatios(cases, python);
  machine.loadAverageEnd = os.loadavg();
  machine.interference = interference.stop();
  return {
    schema: 2,
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
    kernels,
    memory: { benchMaxRssMb: process.resourceUsage().maxRSS / 1024, servers },
    scaling: scalingTable(corpora, cases, python, machine.cores),
    sections,
    headline: headline({ corpora, cases, python, load, sections }),
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
