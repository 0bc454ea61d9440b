import type { Statement } from "better-sqlite3";
import type { Logger } from "pino";
import { Counter, Gauge, type Registry } from "prom-client";
import type { Sqlite } from "../db/sqlite";
import { oneRunLocks, runLock } from "../locks/app-locks";
import { lockErrorToClient } from "../locks/lock-client-errors";
import type { LockManager } from "../locks/lock-manager";

export interface RetentionPolicy {
  /** Ended runs kept, newest first; older ones are deleted. 0: no limit. */
  maxRuns: number;
  /** Ended runs are deleted this many days after they ended. 0: no limit. */
  maxDays: number;
  lockTimeoutMs: number;
}

const ENDED = `status IN ('COMPLETED', 'FAILED', 'CANCELLED')`;
const DAY_MS = 24 * 60 * 60 * 1000;
/** How often the age limit is applied while nothing ends (runs ending apply both limits). */
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Deletes runs: on request (deleteAnalysis) and by retention (ANALYSIS_RETENTION_RUNS,
 * ANALYSIS_RETENTION_DAYS), so the database does not grow with every run ever made. Each
 * deletion is one transaction in a section holding what writing that run holds (the runs
 * table shared, the run exclusive), and the run's results go with its row (ON DELETE CASCADE).
 * Only ended runs are deleted here; an active run is cancelled first (AnalysisService).
 */
export class RetentionService {
  private readonly deleteRun: Statement;
  private readonly resultRows: Statement;
  private readonly beyondNewest: Statement;
  private readonly endedBefore: Statement;
  private readonly deleted: Counter<"reason">;
  private sweeping: Promise<void> | null = null;
  private again = false;
  private readonly timer: NodeJS.Timeout | null;

  constructor(
    private readonly db: Sqlite,
    private readonly locks: LockManager,
    private readonly policy: RetentionPolicy,
    private readonly logger: Logger,
    registry: Registry,
  ) {
    this.deleteRun = db.prepare(`DELETE FROM AnalysisRun WHERE id = ? AND ${ENDED}`);
    this.resultRows = db.prepare(`SELECT count(*) FROM AnalysisResult WHERE runId = ?`).pluck();
    this.beyondNewest = db
      .prepare(`SELECT id FROM AnalysisRun WHERE ${ENDED} ORDER BY id DESC LIMIT -1 OFFSET ?`)
      .pluck();
    this.endedBefore = db
      .prepare(`SELECT id FROM AnalysisRun WHERE ${ENDED} AND finishedAt < ? ORDER BY id`)
      .pluck();
    this.deleted = new Counter({
      name: "capstats_analysis_runs_deleted_total",
      help: "Analysis runs deleted, by reason (request: deleteAnalysis; retention)",
      labelNames: ["reason"],
      registers: [registry],
    });
    this.registerGauges(registry);
    this.timer = policy.maxDays > 0 ? setInterval(() => this.schedule(), SWEEP_EVERY_MS) : null;
    this.timer?.unref();
  }

  /** Deletes one ended run and its results; false if there was no such ended run. */
  async delete(id: number, reason: "request" | "retention"): Promise<{ results: number } | null> {
    return this.locks
      .withLocks(
        `delete:${runLock(id)}`,
        oneRunLocks(id),
        async () =>
          this.db.transaction(() => {
            const results = this.resultRows.get(id) as number;
            if (this.deleteRun.run(id).changes !== 1) return null;
            this.deleted.inc({ reason });
            return { results };
          })(),
        { timeoutMs: this.policy.lockTimeoutMs },
      )
      .catch((err: unknown) => {
        throw lockErrorToClient(err);
      });
  }

  /** Applies the limits soon (after a run ended); sweeps never overlap. */
  schedule(): void {
    if (this.sweeping) {
      this.again = true;
      return;
    }
    this.sweeping = this.sweep()
      .then(() => undefined)
      .catch((err: unknown) => this.logger.error({ err }, "analysis retention sweep failed"))
      .finally(() => {
        this.sweeping = null;
        if (this.again) {
          this.again = false;
          this.schedule();
        }
      });
  }

  /** Deletes every ended run past the limits, one run per section; returns how many. */
  async sweep(now = new Date()): Promise<number> {
    const ids = new Set<number>();
    if (this.policy.maxRuns > 0) {
      for (const id of this.beyondNewest.all(this.policy.maxRuns) as number[]) ids.add(id);
    }
    if (this.policy.maxDays > 0) {
      const cutoff = new Date(now.getTime() - this.policy.maxDays * DAY_MS);
      const iso = cutoff.toISOString().replace("Z", "+00:00");
      for (const id of this.endedBefore.all(iso) as number[]) ids.add(id);
    }
    let n = 0;
    for (const id of [...ids].sort((a, b) => a - b)) {
      if (await this.delete(id, "retention")) n++;
    }
    return n;
  }

  /** Waits for a sweep under way and stops the age timer. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.again = false;
    await this.sweeping;
  }

  private registerGauges(registry: Registry): void {
    const byStatus = this.db.prepare(
      `SELECT status, count(*) AS n FROM AnalysisRun GROUP BY status`,
    );
    // Results exist only for COMPLETED runs (others delete theirs), one row per email counted.
    const rows = this.db
      .prepare(`SELECT coalesce(sum(emailCount), 0) FROM AnalysisRun WHERE status = 'COMPLETED'`)
      .pluck();
    new Gauge({
      name: "capstats_analysis_runs",
      help: "Analysis runs in the database, by status",
      labelNames: ["status"],
      registers: [registry],
      collect() {
        this.reset();
        for (const r of byStatus.all() as { status: string; n: number }[]) {
          this.set({ status: r.status }, r.n);
        }
      },
    });
    new Gauge({
      name: "capstats_analysis_result_rows",
      help: "Per-email result rows in the database (those of COMPLETED runs)",
      registers: [registry],
      collect() {
        this.set(rows.get() as number);
      },
    });
  }
}
