import os from "node:os";
import { spread } from "../sampling";
import { ms, table, type TableFormat } from "../text-table";
import type { DashboardBenchResult, RenderTiming } from "./measure-dashboard";

export const DASHBOARD_README_MARKERS = {
  start: "<!-- bench:dashboard:start (written by npm run bench:dashboard -- --update-readme) -->",
  end: "<!-- bench:dashboard:end -->",
};

export const WARM_GOAL_MS = 1000;
export const JS_GOAL_BYTES = 300 * 1024;

export interface DashboardReport extends DashboardBenchResult {
  date: string;
  machine: { cpuModel: string; cores: number; node: string; loadAverage: number[] };
  command: string;
}

export function withContext(result: DashboardBenchResult, command: string): DashboardReport {
  return {
    ...result,
    date: new Date().toISOString(),
    machine: {
      cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
      cores: os.availableParallelism(),
      node: process.version,
      loadAverage: os.loadavg(),
    },
    command,
  };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

function row(what: string, runs: RenderTiming[], pick: (t: RenderTiming) => number): string[] {
  if (runs.length === 0) return [what, "-", "-", "0"];
  const s = spread(runs.map(pick));
  return [what, ms(s.median), `${ms(s.min)}-${ms(s.max)}`, String(s.n)];
}

export function headline(r: DashboardReport): string[] {
  const warm = r.warm.length ? spread(r.warm.map((t) => t.renderedMs)).median : Number.NaN;
  const cold = r.cold.length ? spread(r.cold.map((t) => t.renderedMs)).median : Number.NaN;
  const met = (ok: boolean): string => (ok ? "met" : "NOT met");
  return [
    `Dashboard fully rendered, warm: ${ms(warm)} ms (goal < ${WARM_GOAL_MS} ms: ${met(warm < WARM_GOAL_MS)}); cold: ${ms(cold)} ms`,
    `JavaScript shipped: ${kb(r.js.gzipBytes)} gzip (${kb(r.js.bytes)} as served, ${r.js.files} file${r.js.files === 1 ? "" : "s"}; goal < 300 KB: ${met(r.js.gzipBytes < JS_GOAL_BYTES)}); CSS ${kb(r.css.gzipBytes)} gzip`,
  ];
}

export function dashboardTable(r: DashboardReport, format: TableFormat): string {
  return table(
    ["what", "median ms", "min-max ms", "runs"],
    [
      row("cold: summary tiles shown", r.cold, (t) => t.summaryMs),
      row("cold: fully rendered", r.cold, (t) => t.renderedMs),
      row("warm: summary tiles shown", r.warm, (t) => t.summaryMs),
      row("warm: fully rendered", r.warm, (t) => t.renderedMs),
    ],
    format,
  );
}

/** The README block (between the dashboard markers) and bench/results/dashboard.md. */
export function dashboardMarkdown(r: DashboardReport): string {
  const m = r.machine;
  return [
    `Last run: \`${r.command}\` on ${r.date.slice(0, 10)}, default corpus (${r.emails.toLocaleString("en-US")} emails), headless Chromium at 1280 px. ` +
      `Machine: ${m.cpuModel}, ${m.cores} cores, Node ${m.node}; load average ${m.loadAverage.map((x) => x.toFixed(2)).join(" ")} at the end.`,
    "",
    ...headline(r).map((l) => `- ${l}`),
    "",
    "Fully rendered = from navigation start to the first paint after every panel's data arrived. " +
      "Cold = a new server process (empty result cache, corpus not yet in memory) and a new browser " +
      "profile, so the strategy comparison is measured too (24 fresh counts, one after another); " +
      "warm = the same page reloaded: the server's result cache, the browser's cached script, and " +
      "the comparison the tab kept.",
    "",
    dashboardTable(r, "markdown"),
  ].join("\n");
}
