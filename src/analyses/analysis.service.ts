import type { ApiTokens, Caller } from "../auth/api-tokens";
import { checkWorkers, type Executors } from "../engine";
import { CancelledError, NotFoundError, OverloadedError } from "../errors/client-errors";
import { engineErrorToClient } from "../errors/engine-error.mapping";
import { RUNS_TABLE_LOCK } from "../locks/app-locks";
import { lockErrorToClient } from "../locks/lock-client-errors";
import type { LockManager } from "../locks/lock-manager";
import type { AnalysisStore } from "./analysis.store";
import type { RequestKeys } from "./request-keys";
import type { RetentionService } from "./retention.service";
import { INTERRUPTED_MESSAGE, ServerStoppingError, type AnalysisRunner } from "./analysis-runner";
import type { RunRecord, RunSpec } from "./run-record";

export interface AnalysisLimits {
  /** Runs admitted at once, counting queued ones; past this startAnalysis says OVERLOADED. */
  maxActive: number;
  /** Budget for the short sections of start and recovery. */
  lockTimeoutMs: number;
}

interface ActiveRun {
  controller: AbortController;
  /** Settles once the run's outcome is recorded. */
  done: Promise<void>;
}

/**
 * Starts, cancels and recovers analysis runs. A run executes in the background
 * (AnalysisRunner); this service only admits it, keeps its AbortController, and writes the
 * two things that are not one run's own: a new row, and start-up recovery.
 */
export class AnalysisService {
  private readonly active = new Map<number, ActiveRun>();
  private starting = 0;
  private stopping = false;

  constructor(
    private readonly store: AnalysisStore,
    private readonly locks: LockManager,
    private readonly runner: AnalysisRunner,
    private readonly executors: Executors,
    private readonly limits: AnalysisLimits,
    private readonly tokens: ApiTokens,
    private readonly keys: RequestKeys,
    private readonly retention: RetentionService,
  ) {}

  /** Runs a killed server left PENDING or RUNNING become FAILED; returns their ids. */
  async recover(): Promise<number[]> {
    return this.locks.withLocks(
      "startup-recovery",
      [{ name: RUNS_TABLE_LOCK, mode: "exclusive" }],
      async () => this.store.failInterrupted(INTERRUPTED_MESSAGE, new Date()),
      { timeoutMs: this.limits.lockTimeoutMs },
    );
  }

  /**
   * Creates the run (PENDING) and returns it at once; the work continues in the background.
   * The caller's token hash is recorded as the run's owner.
   */
  async start(spec: RunSpec, requestId: string, caller: Caller): Promise<RunRecord> {
    if (this.stopping)
      throw new OverloadedError("the server is shutting down; start the analysis later");
    this.checkWorkers(spec);
    // A retry of a run already started: its run, with no admission (no new work).
    const earlier = this.keys.existing(spec, caller);
    if (earlier) return earlier;
    const admitted = this.active.size + this.starting;
    if (admitted >= this.limits.maxActive) {
      throw new OverloadedError(
        `too many analyses: ${admitted} running or queued (limit ${this.limits.maxActive}); retry later`,
      );
    }
    this.starting++;
    let created: { run: RunRecord; created: boolean };
    try {
      // A new row belongs to no run yet, so the table lock in shared mode is all it needs.
      created = await this.locks
        .withLocks(
          `request:${requestId}`,
          [{ name: RUNS_TABLE_LOCK, mode: "shared" }],
          async () => this.keys.create(spec, new Date(), caller),
          { timeoutMs: this.limits.lockTimeoutMs },
        )
        .catch((err: unknown) => {
          throw lockErrorToClient(err);
        });
    } finally {
      this.starting--;
    }
    const { run } = created;
    // The same key arrived twice at once: the second gets the first's run.
    if (!created.created) return run;
    const controller = new AbortController();
    const id = run.id;
    const done = this.runner.execute(id, spec, controller.signal).finally(() => {
      this.active.delete(id);
      // A run ended: one more to keep, so the oldest may now be past the limits.
      if (!this.stopping) this.retention.schedule();
    });
    this.active.set(id, { controller, done });
    return run;
  }

  /**
   * Stops a run and waits until its outcome is recorded. A run that already ended is
   * returned as it is: a cancel that arrives after COMPLETED changes nothing. With API
   * tokens on, only the token that started a run may cancel it (FORBIDDEN otherwise).
   */
  async cancel(id: number, caller: Caller): Promise<RunRecord> {
    const owner = this.store.get(id);
    if (!owner) throw new NotFoundError(`no analysis run with id ${id}`);
    this.tokens.checkOwner(caller, owner.tokenHash, `analysis run ${id}`);
    const active = this.active.get(id);
    if (active) {
      active.controller.abort(new CancelledError(`analysis run ${id} was cancelled`));
      await active.done;
    }
    const run = this.store.get(id);
    if (!run) throw new NotFoundError(`no analysis run with id ${id}`);
    return run;
  }

  /**
   * Deletes a run and its results; an active run is cancelled first. With API tokens on, only
   * the token that started it may (FORBIDDEN otherwise), as for cancel.
   */
  async delete(id: number, caller: Caller): Promise<{ id: number; results: number }> {
    if (this.active.has(id)) await this.cancel(id, caller);
    const owner = this.store.get(id);
    if (!owner) throw new NotFoundError(`no analysis run with id ${id}`);
    this.tokens.checkOwner(caller, owner.tokenHash, `analysis run ${id}`);
    const deleted = await this.retention.delete(id, "request");
    if (!deleted) throw new NotFoundError(`no analysis run with id ${id}`);
    return { id, results: deleted.results };
  }

  get(id: number): RunRecord | null {
    return this.store.get(id);
  }

  /** Runs admitted and not yet recorded as ended. */
  get activeCount(): number {
    return this.active.size;
  }

  /** Shutdown: running and queued runs end FAILED ("server stopped during the run"). */
  async close(): Promise<void> {
    this.stopping = true;
    const runs = [...this.active.values()];
    for (const r of runs) r.controller.abort(new ServerStoppingError());
    await Promise.all(runs.map((r) => r.done));
    await this.retention.close();
  }

  private checkWorkers(spec: RunSpec): void {
    try {
      checkWorkers(this.executors, spec.strategy, spec.workers, "input.workers", false);
    } catch (err) {
      throw engineErrorToClient(err);
    }
  }
}
