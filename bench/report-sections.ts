import type { BenchResults } from "./results.types";
import { ms, ratio, table, type Cell, type TableFormat } from "./text-table";

/** How a load run's query is named in tables and charts. */
export function queryName(query: string): string {
  if (query.includes("perEmail"))
    return "cached capitalLetterStats, dashboard (top, histogram, 100 emails)";
  if (query.includes("capitalLetterStats")) return "cached capitalLetterStats, totals";
  return query;
}

function probeName(query: string): string {
  return query.startsWith("{ email") ? "email(id)" : query;
}

/** Small-query latency and the server's event-loop delay, per strategy running heavy work. */
export function responsivenessTable(r: Pick<BenchResults, "sections">, f: TableFormat): string {
  const resp = r.sections.responsiveness;
  if (!resp) return "Not measured.";
  const probes = resp.runs[0]?.probes.map((p) => probeName(p.query)) ?? [];
  // A strategy that never ran (DISTRIBUTED without Redis) has no probes: dashes, not gaps.
  const latencies = (run: (typeof resp.runs)[number]): string[] =>
    probes.flatMap((_, i) => {
      const l = run.probes[i]?.latency;
      return [ms(l?.p50), ms(l?.p95), ms(l?.p99), ms(l?.max)];
    });
  const rows = resp.runs.map((run): Cell[] => [
    run.strategy === "idle" ? "(none: idle server)" : run.strategy,
    run.error ? `error: ${run.error}` : run.heavyQueries,
    ms(run.heavyMedianMs),
    ...latencies(run),
    ms(run.eventLoop?.p50Ms),
    ms(run.eventLoop?.p99Ms),
    ms(run.eventLoop?.maxMs),
    run.eventLoop ? `${(run.eventLoop.utilization * 100).toFixed(0)}%` : "-",
  ]);
  const headers = [
    "heavy queries running",
    "heavy queries",
    "heavy median ms",
    ...probes.flatMap((p) => [`${p} p50`, `${p} p95`, `${p} p99`, `${p} max`]),
    "event-loop delay p50",
    "event-loop delay p99",
    "event-loop delay max",
    "event loop busy",
  ];
  return table(headers, rows, f);
}

export function workerScalingTable(r: BenchResults, f: TableFormat): string {
  const s = r.sections.workerScaling;
  if (!s) return "Not measured.";
  const rows = s.rows.map((row): Cell[] => [
    row.strategy,
    row.workers,
    row.oversubscribed ? `yes (${row.workers} > ${s.cores} cores)` : "no",
    ms(row.wallMs.median),
    `${ms(row.wallMs.p25)}-${ms(row.wallMs.p75)}`,
    ratio(row.vsSequential),
  ]);
  const table_ = table(
    ["strategy", "workers", "oversubscribed", "median ms", "p25-p75 ms", "x SEQUENTIAL"],
    rows,
    f,
  );
  const skipped = s.skipped.length
    ? `\n\nNot run: ${s.skipped.join(", ")} workers, above the pool's maximum of ${s.poolMaxWorkers} (twice the ${s.cores} cores).`
    : "";
  return table_ + skipped;
}

export function cachedTable(r: Pick<BenchResults, "sections">, f: TableFormat): string {
  const rows = r.sections.cachedAnswers.map((c): Cell[] => [
    c.corpus,
    c.emails,
    c.requests,
    ms(c.latency.p50),
    ms(c.latency.p95),
    ms(c.latency.p99),
    ms(c.latency.max),
  ]);
  return rows.length
    ? table(["corpus", "emails", "requests", "p50 ms", "p95 ms", "p99 ms", "max ms"], rows, f)
    : "Not measured.";
}

export function requestPathTable(r: Pick<BenchResults, "sections">, f: TableFormat): string {
  const rp = r.sections.requestPath;
  if (!rp) return "Not measured.";
  const rows = rp.runs.map((run): Cell[] => [
    run.server,
    queryName(run.query),
    run.requestsPerSecond.toFixed(0),
    ms(run.p50Ms),
    ms(run.p99Ms),
    run.cpuUsPerRequest === null ? "-" : run.cpuUsPerRequest.toFixed(0),
    run.non2xx + run.errors,
  ]);
  return table(
    ["server", "query", "req/s", "p50 ms", "p99 ms", "server CPU µs/req", "non-2xx + errors"],
    rows,
    f,
  );
}

export function ioTable(r: BenchResults, f: TableFormat): string {
  const io = r.sections.io;
  if (!io) return "Not measured.";
  const rows: Cell[][] = io.runs.map((run) => [
    "I/O-bound: read the file",
    run.via === "THREADPOOL" ? "libuv threadpool" : "worker threads",
    run.readers,
    run.reads.join(" + "),
    ms(run.wallMs),
    run.megabytesPerSecond.toFixed(0),
    ratio(run.speedup),
  ]);
  if (io.cpuBound) {
    rows.push([
      "CPU-bound: count capitals",
      "THREADS",
      io.cpuBound.workers,
      "-",
      "-",
      "-",
      ratio(io.cpuBound.speedup),
    ]);
  }
  return table(["work", "where", "readers", "reads", "wall ms", "MB/s", "speed-up"], rows, f);
}

export function endToEndTable(r: BenchResults, f: TableFormat): string {
  const e = r.sections.endToEnd;
  if (!e) return "Not measured.";
  const rows = e.rows.map((row): Cell[] => [
    row.strategy,
    row.workers ?? "-",
    ms(row.clientMs),
    ms(row.floorMs),
    ms(row.phases.queueMs + row.phases.otherMs),
    ms(row.phases.loadMs),
    ms(row.phases.planMs),
    ms(row.phases.executeMs),
    ms(row.phases.mergeMs),
    ms(row.answerMs),
  ]);
  return table(
    [
      "strategy",
      "workers",
      "round trip",
      "floor",
      "queue + other",
      "load",
      "plan",
      "execute",
      "merge",
      "answer",
    ],
    rows,
    f,
  );
}
