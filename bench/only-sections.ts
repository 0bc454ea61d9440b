import type { OnlySection } from "./bench-options";
import type { BenchPlan } from "./bench-plan";
import { ensureCorpus, type Log } from "./corpora";
import { InterferenceMeter } from "./interference";
import { measureCached } from "./measure-cached";
import { measureRequestPath } from "./measure-request-path";
import { runResponsiveness } from "./measure-responsiveness";
import { measureWorkerScaling } from "./measure-scaling";
import {
  cachedTable,
  requestPathTable,
  responsivenessTable,
  workerScalingTable,
} from "./report-sections";
import type { BenchResults } from "./results.types";
import type { Sections } from "./sections.types";
import { startBenchServer } from "./bench-server-control";

/** cached and request-path against one server on the plan's first (1x) corpus. */
async function requestSections(plan: BenchPlan, only: OnlySection[], log: Log): Promise<string[]> {
  const corpus = await ensureCorpus(plan.corpora[0], plan.workDir, plan.seed, log);
  const sections: Pick<Sections, "cachedAnswers" | "requestPath"> = {
    cachedAnswers: [],
    requestPath: null,
  };
  const server = await startBenchServer(corpus.dbFile, plan.poolSize);
  try {
    if (only.includes("cached")) {
      sections.cachedAnswers.push(await measureCached(server, corpus, plan.cachedRequests, log));
    }
    if (only.includes("request-path")) {
      sections.requestPath = await measureRequestPath(server, plan.requestPath, log);
    }
  } finally {
    await server.stop();
  }
  const r = { sections: sections as Sections };
  const out: string[] = [];
  if (only.includes("cached"))
    out.push("", `Cached answers (${corpus.label} corpus):`, cachedTable(r, "text"));
  if (only.includes("request-path")) {
    const ratio = sections.requestPath?.ratio;
    out.push("", `Request path (${corpus.label} corpus):`, requestPathTable(r, "text"));
    if (ratio != null)
      out.push(`Capstats / bare Apollo, { __typename } req/s: ${ratio.toFixed(2)}`);
  }
  return out;
}

/** The responsiveness section on its own corpus and server, exactly as a whole run has it. */
async function responsivenessSection(plan: BenchPlan, log: Log): Promise<string[]> {
  const spec = plan.responsiveness;
  const corpus = await ensureCorpus(spec.corpus, plan.workDir, plan.seed, log);
  const { section } = await runResponsiveness(plan, corpus, log);
  const r = { sections: { responsiveness: section } as Sections };
  const workers = section.distributedWorkers;
  return [
    "",
    `Responsiveness on the ${corpus.label} corpus (${corpus.emails} emails), ${section.windowMs} ms per ` +
      `strategy, pool workers at nice ${section.workerNice}` +
      (workers === null ? "" : `, DISTRIBUTED on ${workers} worker processes`) +
      " (ms):",
    responsivenessTable(r, "text"),
  ];
}

/** THREADS against SEQUENTIAL at each worker count, on the plan's scaling corpus (10x). */
async function scalingSection(plan: BenchPlan, log: Log): Promise<string[]> {
  const spec = plan.workerScaling;
  const corpusSpec = plan.corpora.find((c) => c.label === spec.corpus);
  if (!corpusSpec) return ["", `Worker scaling: the plan has no ${spec.corpus} corpus.`];
  const corpus = await ensureCorpus(corpusSpec, plan.workDir, plan.seed, log);
  const section = await measureWorkerScaling(corpus, spec, plan.poolSize, log);
  const r = { sections: { workerScaling: section } } as BenchResults;
  return [
    "",
    `Worker scaling on the ${corpus.label} corpus (${corpus.emails} emails), compute-only, ` +
      `median of ${spec.rounds.reps} round-robin rounds, ${section.cores} cores:`,
    workerScalingTable(r, "text"),
  ];
}

/**
 * `--only request-path,cached,responsiveness,scaling`: those sections alone, printed as the report
 * prints them, with how busy the machine was. For checking a change to the request path or
 * to the event loop's freedom in a minute rather than the whole run's many.
 */
export async function runOnly(plan: BenchPlan, only: OnlySection[], log: Log): Promise<string> {
  const interference = new InterferenceMeter();
  const out = [plan.command];
  if (only.includes("cached") || only.includes("request-path"))
    out.push(...(await requestSections(plan, only, log)));
  if (only.includes("responsiveness")) out.push(...(await responsivenessSection(plan, log)));
  if (only.includes("scaling")) out.push(...(await scalingSection(plan, log)));
  const busy = interference.stop();
  out.push(
    "",
    busy
      ? `Other processes took ${(busy.othersShareOfMachine * 100).toFixed(0)}% of the machine.`
      : "Interference: not measurable here.",
  );
  return out.join("\n");
}
