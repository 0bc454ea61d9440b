import type { OnlySection } from "./bench-options";
import type { BenchPlan } from "./bench-plan";
import { ensureCorpus, type Log } from "./corpora";
import { InterferenceMeter } from "./interference";
import { measureCached } from "./measure-cached";
import { measureRequestPath } from "./measure-request-path";
import { cachedTable, requestPathTable } from "./report-sections";
import type { Sections } from "./sections.types";
import { startBenchServer } from "./bench-server-control";

/**
 * `--only request-path,cached`: those sections alone, against one server on the plan's first
 * (1x) corpus, printed as the report prints them, with how busy the machine was. For checking
 * a change to the request path in a minute rather than the whole run's many.
 */
export async function runOnly(plan: BenchPlan, only: OnlySection[], log: Log): Promise<string> {
  const interference = new InterferenceMeter();
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
  const busy = interference.stop();
  const r = { sections: sections as Sections };
  const out = [`${plan.command} (${corpus.label} corpus)`];
  if (only.includes("cached")) out.push("", "Cached answers:", cachedTable(r, "text"));
  if (only.includes("request-path")) {
    const ratio = sections.requestPath?.ratio;
    out.push("", "Request path:", requestPathTable(r, "text"));
    if (ratio != null)
      out.push(`Capstats / bare Apollo, { __typename } req/s: ${ratio.toFixed(2)}`);
  }
  out.push(
    "",
    busy
      ? `Other processes took ${(busy.othersShareOfMachine * 100).toFixed(0)}% of the machine.`
      : "Interference: not measurable here.",
  );
  return out.join("\n");
}
