import fs from "node:fs";
import autocannon, { type Request, type Result } from "autocannon";
import { LOAD_COMMAND, LoadOptionError, parseLoadArgs, type LoadOptions } from "./load-options";
import { helpText, usageErrorLine } from "../../src/cli/command-line";
import { startLoadServer, type LoadServer } from "./load-server";
import { formatReport, summarize, type LoadReport } from "./load-report";
import { RssSampler } from "./rss-sampler";
import {
  analysisRequests,
  heavyRequests,
  Outcomes,
  smallRequests,
  splitConnections,
  START_ANALYSIS,
  type LoadClass,
} from "./workload";

/** A request timeout well above any queue wait, so a slow answer is measured, not dropped. */
const REQUEST_TIMEOUT_S = 60;
/** startAnalysis calls per second per analysis connection (autocannon counts whole requests). */
const ANALYSIS_RATE_PER_CONNECTION = 1;

async function post<T>(
  url: string,
  query: string,
): Promise<{ data?: T; errors?: { message: string }[] }> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: T; errors?: { message: string }[] };
}

/** Email ids for the lookups, and whether this build has startAnalysis yet. */
async function probe(url: string): Promise<{ ids: number[]; analyses: boolean }> {
  const page = await post<{ emails: { edges: { node: { id: number } }[] } }>(
    url,
    "{ emails(first: 50) { edges { node { id } } } }",
  );
  const ids = page.data?.emails.edges.map((e) => e.node.id) ?? [];
  if (ids.length === 0) throw new Error(`the server has no emails: ${JSON.stringify(page)}`);
  const start = await post(url, START_ANALYSIS);
  const analyses = !start.errors?.some((e) => /Cannot query field "startAnalysis"/.test(e.message));
  return { ids, analyses };
}

/** `capstats_gate_*` series from /metrics, e.g. { 'capstats_gate_queued{gate="analysis"}': 3 }. */
async function gateGauges(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const gauges: Record<string, number> = {};
  for (const line of text.split("\n")) {
    const m = /^(capstats_gate_\w+\{[^}]*\}) (\S+)$/.exec(line);
    if (m) gauges[m[1]] = Number(m[2]);
  }
  return gauges;
}

function fire(
  url: string,
  title: LoadClass,
  connections: number,
  durationS: number,
  requests: Request[],
  connectionRate?: number,
): PromiseLike<Result> | null {
  if (connections === 0) return null;
  return autocannon({
    url,
    title,
    connections,
    duration: durationS,
    timeout: REQUEST_TIMEOUT_S,
    connectionRate,
    requests,
  });
}

async function runLoad(opts: LoadOptions, server: LoadServer): Promise<LoadReport> {
  const { ids, analyses } = await probe(server.url);
  const split = splitConnections(opts.connections, analyses);
  const outcomes: Record<LoadClass, Outcomes> = {
    small: new Outcomes(),
    heavy: new Outcomes(),
    analysis: new Outcomes(),
  };
  // Warm-up: every query once, so JIT and pool growth are not in the figures.
  for (const r of [...smallRequests(new Outcomes(), ids), ...heavyRequests(new Outcomes())]) {
    await post(server.url, (JSON.parse(r.body!) as { query: string }).query);
  }
  console.error(
    `load: ${opts.connections} connections (${split.small} small, ${split.heavy} heavy, ` +
      `${split.analysis} startAnalysis) for ${opts.durationS} s against ${server.url}`,
  );
  const sampler = new RssSampler(server.pid);
  const [small, heavy, analysis] = await Promise.all([
    fire(server.url, "small", split.small, opts.durationS, smallRequests(outcomes.small, ids)),
    fire(server.url, "heavy", split.heavy, opts.durationS, heavyRequests(outcomes.heavy)),
    fire(
      server.url,
      "analysis",
      split.analysis,
      opts.durationS,
      analysisRequests(outcomes.analysis),
      ANALYSIS_RATE_PER_CONNECTION,
    ),
  ]);
  const rss = sampler.stop();
  return summarize({
    opts,
    url: server.url,
    split,
    results: { small: small!, heavy: heavy!, analysis: analysis ?? null },
    outcomes,
    rss,
    serverErrorLogLines: server.errorLogLines().length,
    gatesAtEnd: await gateGauges(server.url),
    analysesAvailable: analyses,
  });
}

async function main(): Promise<number> {
  const opts = parseLoadArgs(process.argv.slice(2));
  if (opts === "help") {
    console.log(helpText(LOAD_COMMAND));
    return 0;
  }
  const server = await startLoadServer(opts.database);
  let report: LoadReport;
  try {
    report = await runLoad(opts, server);
  } finally {
    await server.stop();
  }
  console.log(formatReport(report));
  if (opts.jsonOut) fs.writeFileSync(opts.jsonOut, JSON.stringify(report, null, 2) + "\n");
  return report.verdict.pass ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof LoadOptionError ? usageErrorLine(LOAD_COMMAND, err.message) : err);
    process.exit(2);
  },
);
