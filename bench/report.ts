import type { ChartSpec } from "./charts";
import { kernelHeadlineLines, kernelTable } from "./kernels/kernel-report";
import {
  chunksTable,
  overviewTable,
  pythonTable,
  scalingTableText,
  workersTable,
} from "./report-tables";
import type { BenchResults } from "./results.types";
import { noiseWarning } from "./noise";
import { breakdownTable } from "./report-breakdown";
import { coldStartLines, loadLine, memoryLines } from "./report-lines";
import {
  endToEndTable,
  requestPathTable,
  responsivenessTable,
  workerScalingTable,
} from "./report-sections";
import { sectionsMarkdown } from "./report-sections-md";
import type { TableFormat } from "./text-table";

export function machineLine(r: BenchResults): string {
  const m = r.machine;
  return (
    `${m.cpuModel}, ${m.cores} cores, ${m.totalMemGb.toFixed(0)} GB RAM, Node ${m.node}, ` +
    `${m.platform}; Python ${m.python ?? "absent"}, sqlite3 ${m.sqlite3 ?? "absent"}; ` +
    `load average ${m.loadAverageStart.map((x) => x.toFixed(2)).join(" ")} at start, ` +
    `${m.loadAverageEnd.map((x) => x.toFixed(2)).join(" ")} at end` +
    (m.interference
      ? `; other processes used ${m.interference.othersCpuSeconds.toFixed(0)} CPU s during the run ` +
        `(${(m.interference.othersShareOfMachine * 100).toFixed(0)}% of the machine)`
      : "")
  );
}

export function headlineLines(r: BenchResults): string[] {
  const warning = noiseWarning(r);
  const h = r.headline;
  return [
    ...(warning
      ? [`WARNING: ${warning}; compare ratios within the run, or re-run on a quiet machine.`]
      : []),
    ...h.items.map((i) => i.text),
    `Exactness: every strategy ${h.allStrategiesAgree ? "agrees" : "does NOT agree"} on the per-email counts; ` +
      (h.pythonAgrees === null
        ? `Python baseline skipped (${r.python.skipped})`
        : `Python's counts ${h.pythonAgrees ? "equal" : "DIFFER from"} Capstats' on every email ` +
          `(Python ${r.python.version}, Unicode ${r.python.unicodeVersion}; Node ${r.machine.node})`),
    ...(r.kernels ? kernelHeadlineLines(r.kernels) : []),
  ];
}

function kernelSection(r: BenchResults, f: TableFormat): string[] {
  const k = r.kernels;
  if (!k) return ["Not measured."];
  return [
    `The resident corpus's bytes (${k.emails} emails, ${(k.bytes / 1e6).toFixed(1)} MB, in a ` +
      "SharedArrayBuffer as worker threads see them), counted by each kernel on this thread; " +
      `${k.rounds} rounds, each a batch of ${k.repsPerRound} C repetitions (a fresh process) then ` +
      `${k.repsPerRound} of every kernel case. GB/s from wall-time medians; CPU time, which other ` +
      "processes inflate much less, beside it.",
    "",
    kernelTable(k, f),
  ];
}

function baseCorpus(r: BenchResults): string {
  return (r.corpora.find((c) => c.scale === 1) ?? r.corpora[0]).label;
}

/** The whole report as Markdown (bench/results/latest.md). */
export function markdownReport(r: BenchResults, charts: readonly ChartSpec[]): string {
  const f: TableFormat = "markdown";
  const base = baseCorpus(r);
  const corpora = r.corpora
    .map(
      (c) => `${c.label}: ${c.emails} emails, ${(c.rawTextBytes / 1e6).toFixed(0)} MB of RawText`,
    )
    .join("; ");
  const mismatches = r.python.corpora.filter((p) => p.mismatch);
  return [
    `# Capstats benchmark (${r.mode})`,
    "",
    `Run ${r.startedAt} with \`${r.command}\` in ${(r.durationMs / 1000).toFixed(0)} s. ` +
      `Medians of ${r.rounds.reps} repetitions after ${r.rounds.warmup} unrecorded warm-up ` +
      `round${r.rounds.warmup === 1 ? "" : "s"} (fewer on 100x), ` +
      `run round-robin. Every query is \`fresh\` (never cached).`,
    "",
    `Machine: ${machineLine(r)}.`,
    "",
    `Corpora: ${corpora}.`,
    "",
    "## Headline",
    "",
    ...headlineLines(r).map((l) => `- ${l}`),
    "",
    `## Every strategy and the Python baseline (${base} corpus, one worker per core)`,
    "",
    overviewTable(r, base, f),
    "",
    "Compute-only calls the engine in-process (`app.stats.compute`); end to end is a `capitalLetterStats` " +
      "POST to a server in another process, timed by the client. Python times count only (the text is " +
      "already in memory), process start-up included for the two process variants.",
    "",
    "## Worker counts (balanced chunks)",
    "",
    workersTable(r, f),
    "",
    "## Chunk sizes (default workers)",
    "",
    chunksTable(r, f),
    "",
    "## Time against corpus size (one worker per core, balanced chunks; median ms)",
    "",
    scalingTableText(r, f),
    "",
    "## Where the time goes (compute-only; medians of the execution report, ms)",
    "",
    "The report's phases (queue and other, load, plan, execute, merge) add up to its wall time; " +
      "`dispatch`, `read` and `compute` are work inside `execute`, summed over workers, so they may " +
      "exceed it when workers run in parallel.",
    "",
    breakdownTable(r, f),
    "",
    "## Cold start (excluded from the medians above)",
    "",
    ...coldStartLines(r).map((l) => `- ${l}`),
    "",
    "## Python baseline (the seed lesson's code)",
    "",
    r.python.available ? pythonTable(r, f) : `Skipped: ${r.python.skipped}.`,
    ...mismatches.flatMap((p) => [
      "",
      `${p.corpus}: ${p.mismatch?.emails} emails differ (Python ${p.mismatch?.pythonTotal}, Capstats ${p.mismatch?.capstatsTotal}); ` +
        `characters whose uppercase property differs between Python's Unicode ${r.python.unicodeVersion} and Node's: ` +
        (p.mismatch?.characters.map((c) => `${c.codePoint} ${c.char}`).join(", ") || "none found"),
    ]),
    "",
    "## Loading",
    "",
    loadLine(r),
    "",
    "## Kernels, one thread, beside a C loop",
    "",
    ...kernelSection(r, f),
    "",
    ...sectionsMarkdown(r),
    "## Memory",
    "",
    ...memoryLines(r).map((l) => `- ${l}`),
    "",
    "## Charts",
    "",
    ...charts.flatMap((c) => [`![${c.title}](${c.file})`, ""]),
  ].join("\n");
}

/** What `npm run bench` prints. */
export function consoleReport(r: BenchResults): string {
  const f: TableFormat = "text";
  const base = baseCorpus(r);
  return [
    "",
    `Capstats benchmark (${r.mode}) on ${machineLine(r)}`,
    "",
    ...headlineLines(r),
    "",
    `Every strategy and the Python baseline, ${base} corpus, one worker per core:`,
    overviewTable(r, base, f),
    "",
    "Time against corpus size (median ms):",
    scalingTableText(r, f),
    "",
    loadLine(r),
    "",
    ...(r.kernels ? ["Kernels, one thread, beside a C loop:", kernelTable(r.kernels, f), ""] : []),
    `Responsiveness on the ${r.sections.responsiveness?.corpus ?? "-"} corpus (ms):`,
    responsivenessTable(r, f),
    "",
    "Worker scaling (compute-only):",
    workerScalingTable(r, f),
    "",
    "Request path (autocannon):",
    requestPathTable(r, f),
    "",
    "Where the time goes end to end (median ms):",
    endToEndTable(r, f),
    "",
    ...memoryLines(r),
    "",
  ].join("\n");
}

/** The README's Performance block: headline, main table, charts, machine and command. */
export function readmeBlock(r: BenchResults, chartDir: string): string {
  const base = baseCorpus(r);
  return [
    `Last run: \`${r.command}\` on ${r.startedAt.slice(0, 10)}. Machine: ${machineLine(r)}. ` +
      `Full report: [${chartDir}/latest.md](${chartDir}/latest.md); raw numbers: ` +
      `[${chartDir}/latest.json](${chartDir}/latest.json).`,
    "",
    ...headlineLines(r).map((l) => `- ${l}`),
    "",
    `Every strategy and the Python baseline on the ${base} corpus (median of ${r.rounds.reps} runs):`,
    "",
    overviewTable(r, base, "markdown"),
    "",
    `![Every strategy and the Python baseline](${chartDir}/overview.svg)`,
    "",
    "Time against corpus size (median ms; one worker per core, balanced chunks):",
    "",
    scalingTableText(r, "markdown"),
    "",
    `![Time against corpus size](${chartDir}/time-vs-corpus-size.svg)`,
    "",
    `![Speed-up against worker count](${chartDir}/speedup-by-workers.svg)`,
    "",
    `![Where an end-to-end query's time goes](${chartDir}/end-to-end.svg)`,
    "",
    `![Small-query p99 while heavy queries run](${chartDir}/responsiveness.svg)`,
    "",
    `![THREADS speed-up by worker count](${chartDir}/worker-scaling.svg)`,
    "",
    `![Requests per second: bare Apollo and Capstats](${chartDir}/request-path.svg)`,
    "",
    `![Threads help both halves of the lesson](${chartDir}/io-vs-cpu.svg)`,
    ...(r.kernels
      ? [
          "",
          `The kernels alone on the ${r.kernels.corpus} corpus, one thread, beside the C reference:`,
          "",
          kernelTable(r.kernels, "markdown"),
          "",
          `![Kernel throughput against the C reference](${chartDir}/kernels.svg)`,
        ]
      : []),
  ].join("\n");
}
