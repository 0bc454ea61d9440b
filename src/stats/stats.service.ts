import type { EmailService } from "../emails/email.service";
import type { EmailFilter } from "../emails/email-filter.input";
import { filterKey, selectsAll } from "../emails/email-filter";
import type { CorpusService } from "../corpus/corpus.service";
import type { CountResult, Engine } from "../engine/engine";
import type { ExecutionStrategy } from "../engine/execution-strategy";
import type { HeavyGate } from "../engine/heavy-gate";
import { ResultCache } from "../engine/result-cache";
import { CORPUS_SHARED } from "../locks/app-locks";
import { lockErrorToClient } from "../locks/lock-client-errors";
import type { LockManager } from "../locks/lock-manager";

export interface StatsRequest {
  mask: number;
  strategy: ExecutionStrategy;
  workers?: number | null;
  chunkSize?: number | null;
  fresh: boolean;
  filter?: EmailFilter | null;
}

export interface CompareRequest extends Omit<StatsRequest, "strategy" | "fresh"> {
  strategies: ExecutionStrategy[];
  repetitions: number;
}

export interface ComparisonRuns {
  runs: { strategy: ExecutionStrategy; results: CountResult[] }[];
}

/** A count plus where it came from; what the GraphQL types read. */
export type StatsResult = CountResult;

export interface StatsServiceOptions {
  queryTimeoutMs: number;
  /** Test hook forwarded to every task; 0 in production. */
  testTaskDelayMs?: number;
}

/**
 * Per-email metric counts for a filter, through the cache and the heavy-query gate
 * into the engine. The only way GraphQL reaches the engine.
 */
export class StatsService {
  constructor(
    private readonly emails: EmailService,
    private readonly corpus: CorpusService,
    private readonly engine: Engine,
    private readonly cache: ResultCache,
    private readonly gate: HeavyGate,
    private readonly locks: LockManager,
    private readonly options: StatsServiceOptions,
  ) {}

  private queries = 0;

  /**
   * Holds `corpus` shared while fn selects and counts, so a reload waits for this query and
   * the selection and the text come from one corpus. Taken inside the heavy slot: slots are
   * always taken before locks (src/locks/app-locks.ts).
   */
  private readingCorpus<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.locks
      .withLocks(`query:${++this.queries}`, [CORPUS_SHARED], fn, {
        timeoutMs: this.options.queryTimeoutMs,
        signal,
      })
      .catch((err: unknown) => {
        throw lockErrorToClient(err);
      });
  }

  /**
   * Runs the same selection under each strategy, `repetitions` times, fresh, inside
   * one heavy-query slot so the runs do not compete with each other for workers.
   */
  async compare(req: CompareRequest, signal?: AbortSignal): Promise<ComparisonRuns> {
    const { value } = await this.gate.run(
      () =>
        this.readingCorpus(async () => {
          const ids = selectsAll(req.filter) ? null : await this.emails.selectIds(req.filter);
          const runs: ComparisonRuns["runs"] = [];
          for (const strategy of req.strategies) {
            const results: CountResult[] = [];
            for (let r = 0; r < req.repetitions; r++) {
              results.push(await this.count(req, strategy, ids, signal));
            }
            runs.push({ strategy, results });
          }
          return { runs };
        }, signal),
      signal,
    );
    return value;
  }

  private count(
    req: Omit<StatsRequest, "strategy" | "fresh">,
    strategy: ExecutionStrategy,
    ids: Int32Array | null,
    signal?: AbortSignal,
  ): Promise<CountResult> {
    return this.engine.count({
      mask: req.mask,
      strategy,
      workers: req.workers,
      chunkSize: req.chunkSize,
      ids,
      signal,
      timeoutMs: this.options.queryTimeoutMs,
      testDelayMs: this.options.testTaskDelayMs,
    });
  }

  async compute(req: StatsRequest, signal?: AbortSignal): Promise<StatsResult> {
    const version = this.corpus.state()?.version ?? 0;
    this.cache.evictOlderThan(version);
    const key = ResultCache.key(version, filterKey(req.filter), req.mask);
    if (!req.fresh) {
      const hit = this.cache.get(key);
      if (hit) return { ...hit, report: { ...hit.report, cached: true } };
    }
    const { value, queueMs } = await this.gate.run(
      () =>
        this.readingCorpus(async () => {
          const ids = selectsAll(req.filter) ? null : await this.emails.selectIds(req.filter);
          return this.count(req, req.strategy, ids, signal);
        }, signal),
      signal,
    );
    const result = {
      ...value,
      report: { ...value.report, queueMs, wallMs: value.report.wallMs + queueMs },
    };
    // A result is cached under the version it was computed from, never a newer one.
    this.cache.set(
      ResultCache.key(result.report.corpusVersion, filterKey(req.filter), req.mask),
      result,
    );
    return result;
  }
}
