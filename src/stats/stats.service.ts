import type { CorpusService } from "../corpus/corpus.service";
import { filterKey } from "../emails/email-filter";
import type { EmailFilter } from "../emails/email-filter.input";
import type { CountResult, ExecutionStrategy } from "../engine";
import type { CorpusRead, PipelineQuery, QueryPipeline } from "../pipeline/query-pipeline";
import { ResultCache } from "./result-cache";

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
  /** Budget for a query's lock wait and, separately, for its count. */
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
    private readonly cache: ResultCache,
    private readonly options: StatsServiceOptions,
  ) {}

  private queries = 0;

  private query(filter: EmailFilter | null | undefined, signal?: AbortSignal): PipelineQuery {
    return {
      holder: `query:${++this.queries}`,
      filter,
      lockTimeoutMs: this.options.queryTimeoutMs,
      signal,
    };
  }

  private count(
    read: CorpusRead,
    req: Omit<StatsRequest, "strategy" | "fresh">,
    strategy: ExecutionStrategy,
  ): Promise<CountResult> {
    return read.count({
      mask: req.mask,
      strategy,
      workers: req.workers,
      chunkSize: req.chunkSize,
      timeoutMs: this.options.queryTimeoutMs,
    });
  }

  /**
   * Runs the same selection under each strategy, `repetitions` times, fresh, inside
   * one heavy-query slot so the runs do not compete with each other for workers.
   */
  compare(req: CompareRequest, signal?: AbortSignal): Promise<ComparisonRuns> {
    return this.pipeline.run(this.query(req.filter, signal), async (read) => {
      const runs: ComparisonRuns["runs"] = [];
      for (const strategy of req.strategies) {
        const results: CountResult[] = [];
        for (let r = 0; r < req.repetitions; r++)
          results.push(await this.count(read, req, strategy));
        runs.push({ strategy, results });
      }
      return { runs };
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
    const result = await this.pipeline.run(this.query(req.filter, signal), async (read) => {
      const value = await this.count(read, req, req.strategy);
      const { queueMs } = read;
      return {
        ...value,
        report: { ...value.report, queueMs, wallMs: value.report.wallMs + queueMs },
      };
    });
    // A result is cached under the version it was computed from, never a newer one.
    this.cache.set(
      ResultCache.key(result.report.corpusVersion, filterKey(req.filter), req.mask),
      result,
    );
    return result;
  }
}
