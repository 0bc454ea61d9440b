import { findCase, sequentialOf } from "./cases";
import { perTaskOverheadUs, pythonSequentialMs } from "./derive";
import type { CaseResult, CorpusInfo, LoadResult, PythonBaseline } from "./results.types";
import type { Sections } from "./sections.types";
import { ms, ratio } from "./text-table";

/** One figure of the run against its target: what the closing note of a run reports. */
export interface HeadlineItem {
  key: string;
  text: string;
  /** null when the figure has no target or was not measured. */
  met: boolean | null;
}

export interface Headline {
  items: HeadlineItem[];
  allStrategiesAgree: boolean;
  pythonAgrees: boolean | null;
}

function against(met: boolean | null, target: string): string {
  return met === null ? `target ${target}` : `target ${target}: ${met ? "met" : "NOT met"}`;
}

function label(c: Pick<CaseResult, "strategy" | "workers" | "chunkSize">): string {
  const workers = c.workers === null ? "" : `(${c.workers})`;
  return `${c.strategy}${workers}${c.chunkSize === null ? "" : `, chunk ${c.chunkSize}`}`;
}

export interface HeadlineInputs {
  corpora: readonly CorpusInfo[];
  cases: readonly CaseResult[];
  python: PythonBaseline;
  load: LoadResult | null;
  sections: Sections;
}

/** Every headline figure of one run, each with its target when it has one. */
export function headline({ corpora, cases, python, load, sections }: HeadlineInputs): Headline {
  const items: HeadlineItem[] = [];
  const base = corpora.find((c) => c.scale === 1) ?? corpora[0];
  const http = cases.filter((c) => c.corpus === base.label && c.mode === "http");
  const best = http.reduce<CaseResult | null>(
    (b, c) => (b === null || c.wallMs.median < b.wallMs.median ? c : b),
    null,
  );
  const py = pythonSequentialMs(python, base.label);
  if (best) {
    const x = py === null ? null : py / best.wallMs.median;
    const met = x === null ? null : x >= 40;
    items.push({
      key: "e2e",
      met,
      text:
        `End to end over HTTP, fresh, best strategy (${label(best)}): ${ms(best.wallMs.median)} ms ` +
        `vs Python sequential ${ms(py)} ms = ${ratio(x)} (${against(met, ">= 40x")}; aim 80x: ` +
        `${x === null ? "not measured" : x >= 80 ? "reached" : "not reached"})`,
    });
  }
  const scaling = sections.workerScaling;
  const t2 = scaling?.rows.find((r) => r.strategy === "THREADS" && r.workers === 2);
  const seq = scaling?.rows.find((r) => r.strategy === "SEQUENTIAL");
  if (scaling && t2 && seq) {
    const met = t2.vsSequential >= 1.9;
    items.push({
      key: "scaling",
      met,
      text:
        `THREADS(2) vs SEQUENTIAL, compute-only, ${scaling.corpus} corpus, median of ${t2.wallMs.n}: ` +
        `${ms(t2.wallMs.median)} ms vs ${ms(seq.wallMs.median)} ms = ${ratio(t2.vsSequential)} ` +
        `(${against(met, ">= 1.9x")}; ${scaling.cores} cores)`,
    });
  }
  const resp = sections.responsiveness;
  for (const run of resp?.runs ?? []) {
    if (run.strategy === "idle" || run.strategy === "SEQUENTIAL") continue;
    const worst = Math.max(...run.probes.map((p) => p.latency.p99));
    const met = run.error ? null : worst <= 20;
    const each = run.probes.map(
      (p) => `${p.query.startsWith("{ email") ? "email(id)" : p.query} ${ms(p.latency.p99)} ms`,
    );
    items.push({
      key: `responsiveness-${run.strategy}`,
      met,
      text:
        `Small queries while ${run.strategy} heavy queries run back to back on the ${resp?.corpus} corpus, p99: ` +
        `${run.error ? `not measured (${run.error})` : each.join(", ")}` +
        `${run.eventLoop ? `; server event-loop delay p99 ${ms(run.eventLoop.p99Ms)} ms, max ${ms(run.eventLoop.maxMs)} ms` : ""}` +
        ` (${against(met, "p99 <= 20 ms")})`,
    });
  }
  for (const c of sections.cachedAnswers) {
    const met = c.corpus === base.label ? c.latency.p99 < 5 : null;
    items.push({
      key: `cached-${c.corpus}`,
      met,
      text:
        `Cached capitalLetterStats with top, histogram and perEmail, ${c.corpus} corpus: p50 ${ms(c.latency.p50)} ms, ` +
        `p99 ${ms(c.latency.p99)} ms${met === null ? "" : ` (${against(met, "p99 < 5 ms")})`}`,
    });
  }
  const rp = sections.requestPath;
  if (rp) {
    const rate = (server: string, q = "{ __typename }") =>
      rp.runs.find((r) => r.server === server && r.query === q)?.requestsPerSecond;
    const met = rp.ratio === null ? null : rp.ratio >= 0.85;
    items.push({
      key: "request-path",
      met,
      text:
        `{ __typename } with autocannon, ${rp.connections} connections: Capstats ${rate("Capstats")?.toFixed(0)} req/s, ` +
        `bare Apollo ${rate("bare Apollo")?.toFixed(0)} req/s = ${rp.ratio === null ? "-" : `${(rp.ratio * 100).toFixed(0)}%`} (${against(met, ">= 85%")})`,
    });
  }
  const io = sections.io;
  if (io) {
    const sp = io.runs
      .filter((r) => r.readers > 1)
      .map(
        (r) =>
          `${r.via === "THREADPOOL" ? "threadpool" : "worker threads"} x${r.readers} ${ratio(r.speedup)}`,
      );
    items.push({
      key: "io",
      met: null,
      text:
        `Reading the ${io.corpus} corpus file ${io.repetitions} times, speed-up over one reader: ${sp.join(", ")}` +
        (io.cpuBound
          ? `; CPU-bound THREADS(${io.cpuBound.workers}) ${ratio(io.cpuBound.speedup)}`
          : ""),
    });
  }
  const overhead = (["THREADS", "PROCESSES"] as const).map(
    (s) => `${s} ${perTaskOverheadUs(cases, base.label, s)?.toFixed(1) ?? "-"} µs`,
  );
  items.push({
    key: "per-task",
    met: null,
    text: `Per-task overhead (chunkSize 1 vs balanced, compute-only): ${overhead.join(", ")}`,
  });
  if (load?.ratio != null) {
    const met = load.ratio <= 3;
    items.push({
      key: "loader",
      met,
      text: `Loader vs sqlite3 .import: ${ratio(load.ratio)} (${against(met, "<= 3x")})`,
    });
  }
  return {
    items,
    allStrategiesAgree: cases.every((c) => c.agrees),
    pythonAgrees: python.available ? python.corpora.every((c) => c.agrees) : null,
  };
}

/** SEQUENTIAL and THREADS(2) compute-only on one corpus: the CPU-bound speed-up beside I/O's. */
export function cpuBoundSpeedup(
  cases: readonly CaseResult[],
  corpus: string,
): { workers: number; speedup: number } | null {
  const seq = sequentialOf(cases, corpus, "compute");
  const t2 = findCase(cases, {
    corpus,
    mode: "compute",
    sweep: "workers",
    strategy: "THREADS",
    workers: 2,
  });
  return seq && t2 ? { workers: 2, speedup: seq.wallMs.median / t2.wallMs.median } : null;
}
