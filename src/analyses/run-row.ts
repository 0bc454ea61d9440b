import { METRICS } from "../metrics/metrics";
import type { RunRecord, RunStatus } from "./run-record";

/** AnalysisResult columns, indexed like METRICS ("capitals", ...). */
export const RESULT_COLUMNS = METRICS.map((m) => m.toLowerCase());
/** AnalysisRun total columns, indexed like METRICS ("totalCapitals", ...). */
export const TOTAL_COLUMNS = METRICS.map((m) => `total${m[0]}${m.slice(1).toLowerCase()}`);

export type Row = Record<string, unknown>;

/** The ISO form Prisma's SQLite adapter writes, so Prisma reads these rows back as dates. */
export function iso(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

function date(v: unknown): Date | null {
  return v === null ? null : new Date(v as string);
}

/** One AnalysisRun row as better-sqlite3 returns it (dates as ISO text, JSON as text). */
export function toRecord(r: Row): RunRecord {
  return {
    id: r.id as number,
    status: r.status as RunStatus,
    mask: r.metricsMask as number,
    strategy: r.strategy as RunRecord["strategy"],
    workers: r.workers as number | null,
    chunkSize: r.chunkSize as number | null,
    filter: r.filter as string | null,
    corpusVersion: r.corpusVersion as number | null,
    emailCount: r.emailCount as number | null,
    emailsDone: r.emailsDone as number,
    totals: TOTAL_COLUMNS.map((c) => (r[c] === null ? null : Number(r[c]))),
    summaries: r.summaries === null ? null : JSON.parse(r.summaries as string),
    execution: r.execution === null ? null : executionReport(r.execution as string),
    error: r.error as string | null,
    createdAt: date(r.createdAt) as Date,
    startedAt: date(r.startedAt),
    finishedAt: date(r.finishedAt),
    tokenHash: r.tokenHash as string | null,
  };
}

/** The stored report, its one date revived (reports written before it existed have none). */
function executionReport(json: string): RunRecord["execution"] {
  const report = JSON.parse(json) as Record<string, unknown>;
  return {
    ...report,
    computedAt: new Date((report.computedAt as string | undefined) ?? 0),
  } as RunRecord["execution"];
}
