import type { CorpusService } from "../corpus/corpus.service";
import { filterKey } from "../emails/email-filter";
import type { EmailFilter } from "../emails/email-filter.input";
import type { CountResult, ExecutionStrategy } from "../engine";
import type { CorpusRead, PipelineQuery, QueryPipeline } from "../pipeline/query-pipeline";
import { QueryDeadline } from "./query-deadline";
import { DerivedValues } from "../metrics/derived-values";
import { ResultCache } from "./result-cache";

export interface StatsRequest {
  mask: number;
  strategy: ExecutionStrategy;
  workers?: number | null;
  chunkSize?: number | null;
  fresh: boolean;
  filter?: EmailFilter | null;
  /** The asking request's id: a later cache hit names it as where its numbers came from. */
  requestId?: string;
}

export interface CompareRequest extends Omit<StatsRequest, "strategy" | "fresh"> {
  strategies: ExecutionStrategy[];
  repetitions: number;
}

export interface ComparisonRuns {
  runs: { strategy: ExecutionStrategy; results: CountResult[] }[];
}

/** A count, its report, and what answers derive from it (kept with a cached result). */
export type StatsResult = CountResult & { derived: DerivedValues };

export interface StatsServiceOptions {
  /** Budget for a query as a whole: its lock wait and all of its counts (QueryDeadline). */
  queryTimeoutMs: number;
}

/**
 * Per-email metric counts for a filter: through the result cache, then the query pipeline
 * (heavy-query slot, `corpus` lock, selection) into the engine.
 */
export class StatsService {
  constructor(
    private readonly pipeline: QueryPipeline,
    private readonly corpus: CorpusService,
    private readonly cache: ResultCache<StatsResult>,
    private readonly options: StatsServiceOptions,
  ) {}

  private queries = 0;

  private query(
    filter: EmailFilter | null | undefined,
    deadline: QueryDeadline,
    signal?: AbortSignal,
  ): PipelineQuery {
    return {
      holder: `query:${++this.queries}`,
      filter,
      lockTimeoutMs: () => deadline.remaining(),
      signal,
    };
  }

  /** One count of the selection, within what is left of the query's deadline. */
  private async count(
    read: CorpusRead,
    req: Omit<StatsRequest, "strategy" | "fresh">,
    strategy: ExecutionStrategy,
    deadline: QueryDeadline,
    progress = "",
  ): Promise<CountResult> {
    const pass = read.count({
      mask: req.mask,
      strategy,
      workers: req.workers,
      chunkSize: req.chunkSize,
      timeoutMs: deadline.remaining(progress),
    });
    return pass.catch((err: unknown) => {
      throw deadline.restate(err, progress);
    });
  }

  /**
   * Runs the same selection under each strategy, `repetitions` times, fresh, inside
   * one heavy-query slot so the runs do not compete with each other for workers; all of
   * them within one QUERY_TIMEOUT_MS.
   */
  compare(req: CompareRequest, signal?: AbortSignal): Promise<ComparisonRuns> {
    const passes = req.strategies.length * req.repetitions;
    const deadline = new QueryDeadline(
      this.options.queryTimeoutMs,
      (ms, progress) =>
        `compareStrategies exceeded its ${ms} ms timeout (QUERY_TIMEOUT_MS, for the whole ` +
        `query) ${progress}; its remaining runs were cancelled`,
    );
    return this.pipeline.run(this.query(req.filter, deadline, signal), async (read) => {
      const runs: ComparisonRuns["runs"] = [];
      let done = 0;
      for (const strategy of req.strategies) {
        const results: CountResult[] = [];
        for (let r = 0; r < req.repetitions; r++, done++) {
          results.push(
            await this.count(read, req, strategy, deadline, `after ${done} of ${passes} runs`),
          );
        }
        runs.push({ strategy, results });
      }
      return { runs };
    });
  }

  async compute(req: StatsRequest, signal?: AbortSignal): Promise<StatsResult> {
    // A hit and a fresh count refuse the same arguments.
    this.pipeline.validate(req);
    const version = this.corpus.state()?.version ?? 0;
    this.cache.evictOlderThan(version);
    const key = ResultCache.key(version, filterKey(req.filter), req.mask);
    if (!req.fresh) {
      const hit = this.cache.get(key);
      if (hit) return { ...hit, report: cachedReport(hit.report, req) };
    }
    const deadline = new QueryDeadline(
      this.options.queryTimeoutMs,
      (ms) => `${req.strategy}: query exceeded its ${ms} ms timeout; its tasks were cancelled`,
    );
    const started = performance.now();
    const result = await this.pipeline.run(
      this.query(req.filter, deadline, signal),
      async (read) => {
        const value = await this.count(read, req, req.strategy, deadline);
        // The pipeline's own time (lock wait, filter selection) is what the engine did not see.
        const wallMs = performance.now() - started;
        const { queueMs } = read;
        return {
          ...value,
          report: {
            ...value.report,
            queueMs,
            otherMs: wallMs - queueMs - value.report.wallMs,
            wallMs,
            computedFor: req.requestId ?? null,
          },
          derived: new DerivedValues(value.counts),
        };
      },
    );
    // A result is cached under the version it was computed from, never a newer one.
    this.cache.set(
      ResultCache.key(result.report.corpusVersion, filterKey(req.filter), req.mask),
      result,
    );
    return result;
  }
}

/**
 * The report of a cache hit: what this request asked for, and plainly which earlier
 * computation the numbers come from; strategy, workers and times are that computation's.
 */
function cachedReport(original: CountResult["report"], req: StatsRequest): CountResult["report"] {
  const from = original.computedFor ?? null;
  return {
    ...original,
    requestedStrategy: req.strategy,
    cached: true,
    cachedFrom: from,
    reason:
      `cached: these numbers were computed at ${original.computedAt.toISOString()}` +
      `${from ? ` for request ${from}` : ""} (asked ${original.requestedStrategy}, ran ` +
      `${original.strategy}: ${original.reason}); fresh: true recomputes with ${req.strategy}`,
  };
}
