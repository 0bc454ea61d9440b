import type { Logger } from "pino";
import type { CountResult } from "../engine";
import { METRICS, metricsOf } from "../metrics/metrics";
import { CorpusChangedError } from "../errors/client-errors";
import { isExpected, MASKED_MESSAGE } from "../graphql/error-masking";
import { oneRunLocks, runLock } from "../locks/app-locks";
import { LockTimeoutClientError } from "../locks/lock-client-errors";
import type { LockManager } from "../locks/lock-manager";
import type { CorpusRead, QueryPipeline } from "../pipeline/query-pipeline";
import { summarize } from "../graphql/metric-summary";
import type { AnalysisStore, Completion } from "./analysis.store";
import { ANALYSIS_PROGRESS, type RunFeed } from "./run-feed";
import { RunStatus, type MetricStats, type RunSpec } from "./run-record";

export const INTERRUPTED_MESSAGE = "server stopped during the run";
export const CANCELLED_MESSAGE = "cancelled by cancelAnalysis";

/** Abort reason when the server shuts down: the run ends FAILED, as after a crash. */
export class ServerStoppingError extends Error {
  override readonly name = "ServerStoppingError";
  constructor() {
    super(INTERRUPTED_MESSAGE);
  }
}

export interface RunnerOptions {
  /** Budget for acquiring a run's locks (waiting for a reload counts). */
  lockTimeoutMs: number;
  /** Tasks a run is cut into when it names no chunkSize: the progress bar's resolution. */
  progressSteps: number;
  /** AnalysisResult rows per write transaction. */
  resultBatch: number;
}

export interface RunnerDeps {
  store: AnalysisStore;
  /** The analysis gate's pipeline: slot, `corpus` plus the run's locks, selection, count. */
  pipeline: QueryPipeline;
  /** For the run's own sections outside the pipeline (recording a run that never started). */
  locks: LockManager;
  feed: RunFeed;
  logger: Logger;
}

/** Persisted progress moves in steps of at least 1% of the run, so a 1-email chunking costs ~100 writes. */
const PROGRESS_WRITES = 100;

/**
 * Executes one run through the query pipeline: slot, then `corpus` shared plus the run's own
 * locks, all declared at once, and the selection; inside, count, write results in batches,
 * and only then flip to COMPLETED.
 * Every failure path deletes partial results in the same transaction that ends the run.
 */
export class AnalysisRunner {
  constructor(
    private readonly deps: RunnerDeps,
    private readonly options: RunnerOptions,
  ) {}

  /** Never rejects: every outcome is recorded on the run. */
  async execute(id: number, spec: RunSpec, signal: AbortSignal): Promise<void> {
    const { pipeline, locks, logger } = this.deps;
    let entered = false;
    try {
      await pipeline.run(
        {
          holder: runLock(id),
          filter: spec.filter,
          locks: oneRunLocks(id),
          lockTimeoutMs: this.options.lockTimeoutMs,
          signal,
        },
        async (read) => {
          entered = true;
          await this.perform(id, spec, signal, read);
        },
      );
    } catch (err) {
      if (entered) {
        logger.error({ err, runId: id }, "analysis run: could not record its outcome");
        return;
      }
      // Never got its locks (cancelled, timed out, shutting down): record that in a section
      // of its own, after the failed one, so nothing is nested.
      await locks
        .withLocks(runLock(id), oneRunLocks(id), async () => this.end(id, err, signal))
        .catch((e: unknown) => logger.error({ err: e, runId: id }, "analysis run: not recorded"));
    }
  }

  private async perform(
    id: number,
    spec: RunSpec,
    signal: AbortSignal,
    read: CorpusRead,
  ): Promise<void> {
    try {
      const completion = await this.count(id, spec, signal, read);
      if (signal.aborted) throw signal.reason;
      this.deps.store.complete(id, completion, new Date());
      this.publish(id);
    } catch (err) {
      this.end(id, err, signal);
    }
  }

  private async count(
    id: number,
    spec: RunSpec,
    signal: AbortSignal,
    read: CorpusRead,
  ): Promise<Completion> {
    const { store } = this.deps;
    const { emailCount, version } = read;
    store.markRunning(id, version, emailCount, new Date());
    this.publish(id);

    let persisted = 0;
    const step = Math.max(1, Math.ceil(emailCount / PROGRESS_WRITES));
    const result = await read.count({
      mask: spec.mask,
      strategy: spec.strategy,
      workers: spec.workers,
      chunkSize: spec.chunkSize ?? Math.max(1, Math.ceil(emailCount / this.options.progressSteps)),
      onProgress: (done, total) => {
        // Tasks finish in any order, so emails done is estimated from tasks done; exact at the end.
        const emailsDone = done >= total ? emailCount : Math.floor((emailCount * done) / total);
        if (emailsDone <= persisted || (emailsDone - persisted < step && emailsDone < emailCount))
          return;
        persisted = emailsDone;
        store.setProgress(id, emailsDone);
        this.publish(id);
      },
    });
    const { report } = result;
    if (report.corpusVersion !== version || result.emailIds.length !== emailCount) {
      // Whole-corpus runs: the count read a newer corpus than the one the run recorded
      // (another process reloaded it; the lock manager cannot order that).
      throw new CorpusChangedError(
        `the corpus was reloaded during run ${id} (started on version ${version}, counted ` +
          `version ${report.corpusVersion}); start it again to count the new corpus`,
      );
    }
    await this.writeResults(id, result, spec.mask, signal);
    return {
      ...totalsOf(result, spec.mask),
      execution: { ...report, queueMs: read.waitedMs, wallMs: report.wallMs + read.waitedMs },
    };
  }

  private async writeResults(
    id: number,
    r: CountResult,
    mask: number,
    signal: AbortSignal,
  ): Promise<void> {
    const n = r.emailIds.length;
    for (let from = 0; from < n; from += this.options.resultBatch) {
      if (signal.aborted) throw signal.reason;
      const to = Math.min(n, from + this.options.resultBatch);
      this.deps.store.insertResults(id, r.emailIds, r.counts, mask, from, to);
      // Each batch is one short synchronous transaction; let requests run between them.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Records a failed, cancelled or interrupted run; its partial results go with it. */
  private end(id: number, err: unknown, signal: AbortSignal): void {
    const { status, error } = this.outcome(id, err, signal);
    if (this.deps.store.finish(id, status, error, new Date())) this.publish(id);
  }

  private outcome(id: number, err: unknown, signal: AbortSignal) {
    const { logger, locks } = this.deps;
    if (signal.aborted) {
      return signal.reason instanceof ServerStoppingError
        ? { status: RunStatus.FAILED, error: INTERRUPTED_MESSAGE }
        : { status: RunStatus.CANCELLED, error: CANCELLED_MESSAGE };
    }
    if (err instanceof LockTimeoutClientError) {
      // The lesson's advice for a hang: print every lock's state.
      logger.warn({ runId: id, locks: locks.describe() }, err.message);
      return { status: RunStatus.FAILED, error: err.message };
    }
    if (isExpected(err)) return { status: RunStatus.FAILED, error: (err as Error).message };
    logger.error({ err, runId: id }, "analysis run failed unexpectedly");
    return { status: RunStatus.FAILED, error: MASKED_MESSAGE };
  }

  private publish(id: number): void {
    const run = this.deps.store.get(id);
    if (run) this.deps.feed.publish(ANALYSIS_PROGRESS, run);
  }
}

function totalsOf(result: CountResult, mask: number): Omit<Completion, "execution"> {
  const summary = summarize(result, metricsOf(mask));
  const summaries: Record<string, MetricStats> = {};
  for (const s of summary) summaries[s.metric] = { mean: s.mean, median: s.median, max: s.max };
  const byName = new Map(summary.map((s) => [s.metric as string, s.total]));
  return {
    totals: METRICS.map((m) => byName.get(m) ?? null),
    summaries,
  };
}
