import type { Statement } from "better-sqlite3";
import type { Sqlite } from "../db/sqlite";
import { MetricMatrix } from "../metrics/metric-matrix";
import { filterKey } from "../emails/email-filter";
import type { ExecutionReport } from "../engine";
import { RunStatus, type MetricStats, type RunRecord, type RunSpec } from "./run-record";
import { iso, RESULT_COLUMNS, toRecord, TOTAL_COLUMNS, type Row } from "./run-row";

export interface Completion {
  /** Indexed like METRICS; null for a metric that was not asked for. */
  totals: (number | null)[];
  summaries: Record<string, MetricStats>;
  execution: ExecutionReport;
}

export interface ResultRow {
  emailId: number;
  /** Indexed like METRICS; null where the metric was not asked for. */
  values: (number | null)[];
}

/**
 * All SQL of the analysis tables, on the server's better-sqlite3 connection. Every write is a
 * synchronous statement or transaction, so nothing else on the event loop can interleave with
 * it; callers hold the locks that make the write theirs (see src/locks/app-locks.ts). Status
 * guards in the WHERE clauses keep a terminal status from ever being overwritten.
 */
export class AnalysisStore {
  private readonly insertRun: Statement;
  private readonly running: Statement;
  private readonly progress: Statement;
  private readonly insertResult: Statement;
  private readonly completeRun: Statement;
  private readonly deleteResults: Statement;
  private readonly endRun: Statement;
  private readonly byId: Statement;
  private readonly resultsAfter: Statement;
  private readonly allResultsOf: Statement;
  /** [all runs, runs in @status]. */
  private readonly countRuns: [Statement, Statement];
  private readonly runsBefore: [Statement, Statement];

  constructor(private readonly db: Sqlite) {
    this.insertRun = db.prepare(
      `INSERT INTO AnalysisRun (status, metricsMask, strategy, workers, chunkSize, filter, createdAt, tokenHash)
       VALUES ('PENDING', ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    );
    this.running = db.prepare(
      `UPDATE AnalysisRun SET status = 'RUNNING', corpusVersion = ?, emailCount = ?, startedAt = ?
       WHERE id = ? AND status = 'PENDING'`,
    );
    this.progress = db.prepare(
      `UPDATE AnalysisRun SET emailsDone = ? WHERE id = ? AND status = 'RUNNING'`,
    );
    const cols = RESULT_COLUMNS.map((c) => `"${c}"`).join(", ");
    this.insertResult = db.prepare(
      `INSERT INTO AnalysisResult (runId, emailId, ${cols}) VALUES (?, ?, ${RESULT_COLUMNS.map(() => "?").join(", ")})`,
    );
    this.completeRun = db.prepare(
      `UPDATE AnalysisRun SET status = 'COMPLETED', emailsDone = emailCount,
         ${TOTAL_COLUMNS.map((c) => `"${c}" = ?`).join(", ")},
         summaries = ?, execution = ?, finishedAt = ?
       WHERE id = ? AND status = 'RUNNING'`,
    );
    this.deleteResults = db.prepare(`DELETE FROM AnalysisResult WHERE runId = ?`);
    this.endRun = db.prepare(
      `UPDATE AnalysisRun SET status = ?, error = ?, finishedAt = ?
       WHERE id = ? AND status IN ('PENDING', 'RUNNING')`,
    );
    this.byId = db.prepare(`SELECT * FROM AnalysisRun WHERE id = ?`);
    // Two statements per query, with and without the status, so the filtered one can use
    // the (status, id) index; an "@status IS NULL OR ..." condition would defeat it.
    const count = (where: string) =>
      db.prepare(`SELECT count(*) FROM AnalysisRun WHERE ${where}`).pluck();
    const before = (where: string) =>
      db.prepare(
        `SELECT * FROM AnalysisRun WHERE ${where} AND id < @before ORDER BY id DESC LIMIT @take`,
      );
    this.countRuns = [count("1 = 1"), count("status = @status")];
    this.runsBefore = [before("1 = 1"), before("status = @status")];
    this.resultsAfter = db
      .prepare(
        `SELECT emailId, ${cols} FROM AnalysisResult WHERE runId = ? AND emailId > ?
         ORDER BY emailId LIMIT ?`,
      )
      .raw();
    this.allResultsOf = db
      .prepare(`SELECT emailId, ${cols} FROM AnalysisResult WHERE runId = ? ORDER BY emailId`)
      .raw();
  }

  /** `tokenHash`: the owner (SHA-256 of the API token that started it), or null. */
  createRun(spec: RunSpec, now: Date, tokenHash: string | null = null): RunRecord {
    const filter = spec.filter ? filterKey(spec.filter) : null;
    const row = this.insertRun.get(
      spec.mask,
      spec.strategy,
      spec.workers,
      spec.chunkSize,
      filter,
      iso(now),
      tokenHash,
    ) as Row;
    return toRecord(row);
  }

  markRunning(id: number, corpusVersion: number, emailCount: number, now: Date): void {
    this.expectOne(
      this.running.run(corpusVersion, emailCount, iso(now), id).changes,
      id,
      "PENDING",
    );
  }

  setProgress(id: number, emailsDone: number): void {
    this.progress.run(emailsDone, id);
  }

  /** Rows [from, to) of a count result, in one transaction. */
  insertResults(
    runId: number,
    emailIds: Int32Array,
    counts: MetricMatrix,
    mask: number,
    from: number,
    to: number,
  ): void {
    this.db.transaction(() => {
      for (let i = from; i < to; i++) {
        this.insertResult.run([runId, emailIds[i], ...counts.maskedRow(i, mask)]);
      }
    })();
  }

  /** RUNNING -> COMPLETED with totals, summaries and report, as one statement. */
  complete(id: number, c: Completion, now: Date): void {
    const totals = c.totals.map((t) => (t === null ? null : BigInt(t)));
    const changes = this.completeRun.run(
      ...totals,
      JSON.stringify(c.summaries),
      JSON.stringify(c.execution),
      iso(now),
      id,
    ).changes;
    this.expectOne(changes, id, "RUNNING");
  }

  /**
   * An active run ends FAILED or CANCELLED, and its partial results go in the same
   * transaction. False if it had already ended.
   */
  finish(
    id: number,
    status: typeof RunStatus.FAILED | typeof RunStatus.CANCELLED,
    error: string,
    now: Date,
  ): boolean {
    return this.db
      .transaction((): boolean => {
        this.deleteResults.run(id);
        return this.endRun.run(status, error, iso(now), id).changes === 1;
      })
      .immediate();
  }

  /** Every run left PENDING or RUNNING (by a server that died) becomes FAILED; returns their ids. */
  failInterrupted(error: string, now: Date): number[] {
    return this.db
      .transaction((): number[] => {
        const ids = this.db
          .prepare(`SELECT id FROM AnalysisRun WHERE status IN ('PENDING', 'RUNNING') ORDER BY id`)
          .pluck()
          .all() as number[];
        for (const id of ids) {
          this.deleteResults.run(id);
          this.endRun.run(RunStatus.FAILED, error, iso(now), id);
        }
        return ids;
      })
      .immediate();
  }

  get(id: number): RunRecord | null {
    const row = this.byId.get(id) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  /** Newest first: keyset paging on id, descending; up to `take` runs before `beforeId`. */
  page(
    take: number,
    beforeId: number | null,
    status: RunStatus | null,
  ): { runs: RunRecord[]; totalCount: number } {
    const k = status === null ? 0 : 1;
    const byStatus = status === null ? {} : { status };
    const totalCount = this.countRuns[k].get(byStatus) as number;
    const rows = this.runsBefore[k].all({
      ...byStatus,
      before: beforeId ?? Number.MAX_SAFE_INTEGER,
      take,
    }) as Row[];
    return { runs: rows.map(toRecord), totalCount };
  }

  /** Up to `take` results in email Id order after `afterEmailId`. */
  resultsPage(runId: number, take: number, afterEmailId: number | null): ResultRow[] {
    const after = afterEmailId ?? Number.MIN_SAFE_INTEGER;
    const rows = this.resultsAfter.all(runId, after, take) as (number | null)[][];
    return rows.map((r) => ({ emailId: r[0] as number, values: r.slice(1) }));
  }

  /**
   * Every per-email value of a run in email Id order (0 for a metric not asked for), for
   * grouping a finished run.
   */
  allResults(runId: number): { emailIds: Int32Array; counts: MetricMatrix } {
    const rows = this.allResultsOf.all(runId) as (number | null)[][];
    const emailIds = new Int32Array(rows.length);
    const counts = MetricMatrix.ofRows(rows.length);
    rows.forEach((r, i) => {
      emailIds[i] = r[0] as number;
      counts.setRow(i, r.slice(1));
    });
    return { emailIds, counts };
  }

  private expectOne(changes: number, id: number, from: string): void {
    if (changes !== 1) throw new Error(`analysis run ${id} is no longer ${from}`);
  }
}
