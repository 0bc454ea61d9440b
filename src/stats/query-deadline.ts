import { TimeoutError } from "../errors/client-errors";

/**
 * QUERY_TIMEOUT_MS for a query as a whole: its lock wait and every engine pass draw on one
 * budget, so compareStrategies' 160 passes get the same 60 s as one capitalLetterStats, not
 * 60 s each. The clock starts at the first `remaining()`, which the pipeline calls once the
 * query has its heavy slot (the gate's queue is bounded on its own).
 */
export class QueryDeadline {
  private end: number | null = null;

  /** `describe` words the TIMEOUT message from the budget and how far the query got. */
  constructor(
    private readonly budgetMs: number,
    private readonly describe: (budgetMs: number, progress: string) => string,
  ) {}

  /** Milliseconds left for the next step; TIMEOUT once none are. */
  remaining(progress = ""): number {
    this.end ??= performance.now() + this.budgetMs;
    const left = Math.ceil(this.end - performance.now());
    if (left <= 0) throw this.expired(progress);
    return left;
  }

  /** A step's own TIMEOUT, restated for the whole query; other errors unchanged. */
  restate(err: unknown, progress = ""): unknown {
    return err instanceof TimeoutError ? this.expired(progress) : err;
  }

  private expired(progress: string): TimeoutError {
    return new TimeoutError(this.describe(this.budgetMs, progress));
  }
}
