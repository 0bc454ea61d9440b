import os from "node:os";
import type { Result } from "autocannon";
import type { LoadOptions } from "./load-options";
import { trend, type RssSample, type Trend } from "./rss-sampler";
import type { LoadClass, Outcomes } from "./workload";

export interface ClassSummary {
  connections: number;
  responses: number;
  ok: number;
  okPerSecond: number;
  overloaded: number;
  other5xx: number;
  /** Connection errors and timeouts (no HTTP answer at all). */
  transportErrors: number;
  errorCodes: Record<string, number>;
  latencyMs: { p50: number; p99: number; max: number };
}

export interface LoadReport {
  when: string;
  machine: string;
  durationS: number;
  connections: number;
  url: string;
  classes: Partial<Record<LoadClass, ClassSummary>>;
  rss: {
    main: Trend;
    withWorkers: Trend;
    /** The same trends over the second half of the run, after warm-up effects. */
    mainSecondHalf: Trend;
    withWorkersSecondHalf: Trend;
    samples: RssSample[];
  };
  serverErrorLogLines: number;
  /** The server's gate gauges from /metrics as the load stopped: is the work keeping up? */
  gatesAtEnd: Record<string, number>;
  analysesAvailable: boolean;
  verdict: { pass: boolean; problems: string[] };
}

interface Inputs {
  opts: LoadOptions;
  url: string;
  split: Record<LoadClass, number>;
  results: Record<"small" | "heavy", Result> & { analysis: Result | null };
  outcomes: Record<LoadClass, Outcomes>;
  rss: RssSample[];
  serverErrorLogLines: number;
  gatesAtEnd: Record<string, number>;
  analysesAvailable: boolean;
}

function classSummary(connections: number, r: Result, o: Outcomes): ClassSummary {
  const responses = Object.values(r.statusCodeStats).reduce((n, s) => n + Number(s.count), 0);
  return {
    connections,
    responses,
    ok: o.ok,
    okPerSecond: o.ok / r.duration,
    overloaded: o.overloaded,
    other5xx: o.other5xx,
    transportErrors: r.errors,
    errorCodes: Object.fromEntries(o.errorCodes),
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
  };
}

export function summarize(x: Inputs): LoadReport {
  const classes: LoadReport["classes"] = {
    small: classSummary(x.split.small, x.results.small, x.outcomes.small),
    heavy: classSummary(x.split.heavy, x.results.heavy, x.outcomes.heavy),
  };
  if (x.results.analysis) {
    classes.analysis = classSummary(x.split.analysis, x.results.analysis, x.outcomes.analysis);
  }
  const problems: string[] = [];
  for (const [name, c] of Object.entries(classes)) {
    if (c.other5xx > 0)
      problems.push(`${name}: ${c.other5xx} 5xx answers that were not OVERLOADED`);
    const unexpected = Object.entries(c.errorCodes).filter(([, n]) => n > 0);
    if (unexpected.length > 0) problems.push(`${name}: errors ${JSON.stringify(c.errorCodes)}`);
    if (c.transportErrors > 0)
      problems.push(`${name}: ${c.transportErrors} connection errors or timeouts`);
  }
  if (x.serverErrorLogLines > 0) problems.push(`server logged ${x.serverErrorLogLines} errors`);
  const secondHalf = x.rss.slice(Math.floor(x.rss.length / 2));
  if (!x.analysesAvailable)
    problems.push("startAnalysis is not in this build; analyses were not loaded");
  return {
    when: new Date().toISOString(),
    machine: `${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}`,
    durationS: x.opts.durationS,
    connections: x.opts.connections,
    url: x.url,
    classes,
    rss: {
      main: trend(x.rss, (s) => s.mainMb),
      withWorkers: trend(x.rss, (s) => s.totalMb),
      mainSecondHalf: trend(secondHalf, (s) => s.mainMb),
      withWorkersSecondHalf: trend(secondHalf, (s) => s.totalMb),
      samples: x.rss,
    },
    serverErrorLogLines: x.serverErrorLogLines,
    gatesAtEnd: x.gatesAtEnd,
    analysesAvailable: x.analysesAvailable,
    // Missing analyses is reported, not failed: the figures for the rest still stand.
    verdict: { pass: problems.every((p) => p.startsWith("startAnalysis")), problems },
  };
}

const f0 = (n: number): string => n.toFixed(0);
const f1 = (n: number): string => n.toFixed(1);

export function formatReport(r: LoadReport): string {
  const rows = Object.entries(r.classes).map(
    ([name, c]) =>
      `| ${name} | ${c.connections} | ${c.responses} | ${c.ok} | ${f1(c.okPerSecond)} | ${c.overloaded} | ` +
      `${c.other5xx} | ${f0(c.latencyMs.p50)} | ${f0(c.latencyMs.p99)} | ${f0(c.latencyMs.max)} |`,
  );
  const t = (x: Trend): string =>
    `min ${f0(x.minMb)} MB, max ${f0(x.maxMb)} MB, slope ${x.slopeMbPerMin >= 0 ? "+" : ""}${f1(x.slopeMbPerMin)} MB/min`;
  return [
    `Load: ${r.connections} connections for ${r.durationS} s over loopback (${r.machine})`,
    "",
    "| class | connections | answers | ok | ok/s | OVERLOADED (503) | other 5xx | p50 ms | p99 ms | max ms |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    `Server RSS (${r.rss.samples.length} samples, 1/s): ${t(r.rss.main)}`,
    `  second half: ${t(r.rss.mainSecondHalf)}`,
    `Server + worker processes RSS: ${t(r.rss.withWorkers)}`,
    `  second half: ${t(r.rss.withWorkersSecondHalf)}`,
    `Server error log lines: ${r.serverErrorLogLines}`,
    `Gates as the load stopped: ${JSON.stringify(r.gatesAtEnd)}`,
    r.verdict.problems.length ? `Problems:\n- ${r.verdict.problems.join("\n- ")}` : "No problems.",
    r.verdict.pass ? "PASS" : "FAIL",
  ].join("\n");
}
