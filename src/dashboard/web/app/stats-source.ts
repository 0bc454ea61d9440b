import type { ApiError } from "../api/api-error";
import type { StatsSummary } from "../api/types";
import { filterInput, isEmptyFilter } from "../../shared/email-filter";
import { DEFAULT_EXEC, type ExecutionChoice, type ViewState } from "../../shared/view-state";
import { KeyedLoad } from "../ui/keyed-load";
import type { AppContext } from "./context";

export const HISTOGRAM_BUCKETS = 20;

const STATS_QUERY = `query DashboardStats($strategy: ExecutionStrategy!, $workers: Int, $chunkSize: Int,
  $fresh: Boolean!, $filter: EmailFilter) {
  capitalLetterStats(strategy: $strategy, workers: $workers, chunkSize: $chunkSize, fresh: $fresh,
    filter: $filter) {
    emailCount totalCapitals totalCharacters capitalRatio medianPerEmail meanPerEmail maxPerEmail
    execution { requestedStrategy strategy reason workers tasks chunkSize dataPath kernel corpusVersion
      wallMs computeMs queueMs cached }
    histogram(buckets: ${HISTOGRAM_BUCKETS}) { from to count }
  }
}`;

export interface StatsListener {
  loading(): void;
  ready(stats: StatsSummary): void;
  failed(err: ApiError, retry: () => void): void;
}

function isDefault(exec: ExecutionChoice): boolean {
  return (
    exec.strategy === DEFAULT_EXEC.strategy && exec.workers === null && exec.chunkSize === null
  );
}

/**
 * The one capitalLetterStats query behind the tiles, the execution report and the histogram.
 * It runs fresh whenever the user chose how to execute (a strategy, workers or chunk size,
 * or a change of them): someone who picks PROCESSES wants to see PROCESSES run, not a cached
 * answer of another strategy. The untouched default may come from the cache, and says so.
 */
export class StatsSource {
  private readonly load: KeyedLoad;
  private readonly listeners: StatsListener[] = [];
  private lastExec: ExecutionChoice | null = null;
  private version: number | null = null;

  constructor(private readonly ctx: AppContext) {
    this.load = new KeyedLoad(ctx.activity);
  }

  /** The corpus version the last summary counted; null before one arrived. */
  corpusVersion(): number | null {
    return this.version;
  }

  subscribe(listener: StatsListener): void {
    this.listeners.push(listener);
  }

  /** Resolves once the summary for `view` is loaded or failed; group panels wait for it. */
  update(view: ViewState): Promise<void> {
    const filter = filterInput(view.filters);
    const exec = view.exec;
    const changed =
      this.lastExec !== null && JSON.stringify(this.lastExec) !== JSON.stringify(exec);
    const fresh = exec.fresh || changed || !isDefault(exec);
    const key = JSON.stringify({ filter, exec });
    const run = (): Promise<void> =>
      this.load.start(
        key,
        (signal) => {
          for (const l of this.listeners) l.loading();
          return this.ctx.api.request<{ capitalLetterStats: StatsSummary }>(
            STATS_QUERY,
            {
              strategy: exec.strategy,
              workers: exec.workers ?? undefined,
              chunkSize: exec.chunkSize ?? undefined,
              fresh,
              filter: isEmptyFilter(filter) ? undefined : filter,
            },
            { signal },
          );
        },
        (data) => {
          this.lastExec = exec;
          this.version = data.capitalLetterStats.execution.corpusVersion;
          for (const l of this.listeners) l.ready(data.capitalLetterStats);
        },
        (err) => {
          for (const l of this.listeners) l.failed(err, () => void run());
        },
      );
    return run();
  }
}
