import type { ChartSpec } from "./charts";
import { kernelHeadlineLines, kernelTable } from "./kernels/kernel-report";
import {
  breakdownTable,
  chunksTable,
  overviewTable,
  pythonTable,
  responsivenessTable,
  scalingTableText,
  workersTable,
} from "./report-tables";
import type { BenchResults, Headline } from "./results.types";
import { ms, ratio, type TableFormat } from "./text-table";

/** Above this share of the machine taken by other processes, the report flags its numbers. */
const NOISY_SHARE = 0.1;

function verdict(value: number | null | undefined, goal: number): string {
  if (value === null || value === undefined) return "not measured";
  return value >= goal ? "met" : "NOT met";
}

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

export function headlineLines(h: Headline, r: BenchResults): string[] {
  const lines: string[] = [];
  const busy = r.machine.interference?.othersShareOfMachine ?? 0;
  if (busy > NOISY_SHARE) {
    lines.push(
      `WARNING: other processes used ${(busy * 100).toFixed(0)}% of the machine during this run, ` +
        "so these medians are inflated and noisy; re-run on a quiet machine.",
    );
  }
  const e = h.e2eBest;
  if (e) {
    const how = `${e.strategy}${e.workers === null ? "" : `(${e.workers})`}${e.chunkSize === null ? "" : `, chunk ${e.chunkSize}`}`;
    lines.push(
      `End to end over HTTP, best strategy (${how}): ${ms(e.medianMs)} ms vs Python sequential ` +
        `${ms(e.pythonSequentialMs)} ms = ${ratio(e.speedup)} (goal >= 15x: ${verdict(e.speedup, 15)}; ` +
        `stretch 30x: ${verdict(e.speedup, 30)})`,
    );
  }
  const t = h.threads2VsSequential10x;
  lines.push(
    t
      ? `THREADS(2) vs SEQUENTIAL, compute-only, 10x corpus: ${ms(t.threadsMs)} ms vs ${ms(t.sequentialMs)} ms = ` +
          `${ratio(t.speedup)} (goal >= 1.7x: ${verdict(t.speedup, 1.7)})`
      : "THREADS(2) vs SEQUENTIAL on the 10x corpus: not measured (no 10x corpus in this run)",
  );
  const o = h.perTaskOverheadUs;
  lines.push(
    `Per-task overhead (chunkSize 1 vs balanced, compute-only, wall time per extra task): ` +
      `THREADS ${o.THREADS?.toFixed(1) ?? "-"} µs, PROCESSES ${o.PROCESSES?.toFixed(1) ?? "-"} µs`,
  );
  const p = h.responsivenessP95;
  if (p) {
    const met = [p.THREADS, p.PROCESSES].every((x) => x !== null && x < p.goalMs);
    lines.push(
      `Small-query p95 while every worker is busy: THREADS ${ms(p.THREADS)} ms, PROCESSES ${ms(p.PROCESSES)} ms ` +
        `(goal < ${p.goalMs} ms: ${met ? "met" : "NOT met"})`,
    );
  }
  if (h.loaderVsSqliteImport !== null) {
    lines.push(
      `Loader vs sqlite3 .import: ${ratio(h.loaderVsSqliteImport)} (goal <= 3x: ${h.loaderVsSqliteImport <= 3 ? "met" : "NOT met"})`,
    );
  }
  lines.push(
    `Exactness: every strategy ${h.allStrategiesAgree ? "agrees" : "does NOT agree"} on the per-email counts; ` +
      (h.pythonAgrees === null
        ? `Python baseline skipped (${r.python.skipped})`
        : `Python's counts ${h.pythonAgrees ? "equal" : "DIFFER from"} Capstats' on every email ` +
          `(Python ${r.python.version}, Unicode ${r.python.unicodeVersion}; Node ${r.machine.node})`),
  );
  if (r.kernels) lines.push(...kernelHeadlineLines(r.kernels));
  return lines;
}

function loadLine(r: BenchResults): string {
  const l = r.load;
  if (!l) return "Loading: not measured.";
  const cli = l.sqliteImport
    ? `sqlite3 .import ${ms(l.sqliteImport.median)} ms (${l.sqliteImportRows} rows): the loader takes ` +
      `${ratio(l.ratio)} as long (issue 2 asks for <= 3x: ${l.ratio !== null && l.ratio <= 3 ? "met" : "NOT met"})`
    : `sqlite3 .import skipped: ${l.sqliteSkipped}`;
  return (
    `Loading the ${l.corpus} CSV (${(l.csvBytes / 1e6).toFixed(0)} MB, ${l.rows} rows): loader ` +
    `${ms(l.loader.median)} ms (min-max ${ms(l.loader.min)}-${ms(l.loader.max)}); ${cli}.`
  );
}

function memoryLines(r: BenchResults): string[] {
  return [
    `Bench process peak RSS: ${r.memory.benchMaxRssMb.toFixed(0)} MB.`,
    ...r.memory.servers.map(
      (s) =>
        `Server on the ${s.corpus} corpus: peak RSS ${s.mainMaxRssMb.toFixed(0)} MB (main process and worker threads)` +
        (s.processWorkersMaxRssMb
          ? `, PROCESSES workers ${s.processWorkersMaxRssMb.map((x) => x.toFixed(0)).join(", ")} MB each`
          : ""),
    ),
  ];
}

function coldStartLines(r: BenchResults): string[] {
  return r.coldStart.map(
    (c) =>
      `${c.corpus}: first query (${c.strategy}) ${ms(c.firstQueryMs)} ms, of which reading the corpus ` +
      `(${c.dataPath === "resident" ? "into the resident buffer" : "index only, above the resident budget"}) ${ms(c.corpusLoadMs)} ms`,
  );
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
    ...headlineLines(r.headline, r).map((l) => `- ${l}`),
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
    "`compute (sum)` adds every worker's kernel time, so it exceeds the wall time when workers run in parallel.",
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
    "## Responsiveness",
    "",
    r.responsiveness
      ? `Latency of \`${r.responsiveness.probe}\` on the ${r.responsiveness.corpus} corpus while a heavy ` +
        `\`capitalLetterStats(fresh: true)\` of each strategy runs back to back (${r.responsiveness.windowMs} ms each):`
      : "Not measured.",
    "",
    responsivenessTable(r, f),
    "",
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
    ...headlineLines(r.headline, r),
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
    "Responsiveness (small query while a heavy one runs):",
    responsivenessTable(r, f),
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
    ...headlineLines(r.headline, r).map((l) => `- ${l}`),
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
