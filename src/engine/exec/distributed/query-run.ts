import type { FlowProducer, Job, JobNode } from "bullmq";
import type { Redis } from "ioredis";
import { WorkerFailedError } from "../../errors";
import { cancelled, jobFailed, RedisUnreachableError, timedOut } from "./distributed-errors";
import { JobResults, type QueryOutcome } from "./job-results";
import { parseCountJobResult } from "./job.types";
import { jobIdOf } from "./keys";
import { queryFlow, type FlowInput } from "./query-flow";
import { WorkerWatch, type WorkerWatchDeps } from "./worker-watch";

const WATCH_MS = 250;

export interface QueryRunDeps extends WorkerWatchDeps {
  flow: FlowProducer;
  redis: Redis;
}

export interface QueryRunOptions extends FlowInput {
  /** Most of this query's jobs waiting or running at once: how `workers` caps a shared queue. */
  window: number;
  noWorkersMs: number;
  /** The query's time budget (for the message) and what is left of it after staging. */
  timeoutMs?: number;
  remainingMs?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/**
 * One query's flow: a parent job with one child per chunk. Children past the window are
 * added delayed and promoted as earlier ones finish. Results come back through the chunk
 * queue's events; each index is taken once, so a job that stalled and ran again still counts
 * once. On failure, timeout or cancel, the children nobody has started are removed (running
 * ones finish; their results expire unread) and the parent is left to the janitor.
 */
export class QueryRun {
  readonly done: Promise<QueryOutcome>;
  private resolve!: (o: QueryOutcome) => void;
  private reject!: (err: unknown) => void;
  private readonly total: number;
  private readonly results: JobResults;
  private readonly workers: WorkerWatch;
  private children: Job[] | null = null;
  private parent: Job | null = null;
  private next = 0;
  private owed = 0;
  private stalled = 0;
  private over = false;
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly deps: QueryRunDeps,
    private readonly opts: QueryRunOptions,
  ) {
    this.results = new JobResults(opts.chunks, opts.mask);
    this.total = this.results.total;
    this.workers = new WorkerWatch(deps, opts.noWorkersMs, this.results);
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // Callers await `done` only after start(); keep an early failure from being "unhandled".
    this.done.catch(() => undefined);
  }

  start(): void {
    const { signal, timeoutMs, remainingMs } = this.opts;
    if (signal?.aborted) return this.fail(cancelled(signal.reason));
    signal?.addEventListener("abort", this.onAbort, { once: true });
    if (timeoutMs !== undefined) {
      const expire = (): void => this.fail(timedOut(timeoutMs, this.results));
      this.timers.push(setTimeout(expire, Math.max(1, remainingMs ?? timeoutMs)));
    }
    this.timers.push(setInterval(() => void this.watch(), WATCH_MS));
    if (this.total === 0) return this.finish();
    this.next = Math.min(this.opts.window, this.total);
    const now = performance.now();
    for (let i = 0; i < this.next; i++) this.results.sent(i, now);
    this.deps.flow.add(queryFlow(this.opts, this.next)).then(
      (node) => this.added(node),
      (err: unknown) => this.fail(this.redisError(err)),
    );
  }

  /** A child finished; `value` is its return value as the events stream carries it. */
  async completed(index: number, value: unknown): Promise<void> {
    if (this.over || !this.results.take(index)) return;
    try {
      const meta = parseCountJobResult(value);
      const buf = await this.deps.redis.getdelBuffer(meta.result);
      if (this.over) return;
      if (buf === null) {
        throw jobFailed(jobIdOf(this.opts.queryId, index), "its result expired before it was read");
      }
      this.results.store(index, meta, buf);
    } catch (err) {
      return this.fail(this.redisError(err));
    }
    const { finished } = this.results;
    try {
      this.opts.onProgress?.(finished, this.total);
    } catch (err) {
      return this.fail(err);
    }
    if (finished === this.total) return this.finish();
    this.owed++;
    this.pump();
  }

  failed(index: number, reason: string): void {
    if (this.results.pending(index)) {
      this.fail(jobFailed(jobIdOf(this.opts.queryId, index), reason));
    }
  }

  stalledJob(index: number): void {
    if (this.results.pending(index)) this.stalled++;
  }

  private added(node: JobNode): void {
    this.parent = node.job;
    const byId = new Map((node.children ?? []).map((c) => [c.job.id, c.job]));
    const children = Array.from({ length: this.total }, (_, i) =>
      byId.get(jobIdOf(this.opts.queryId, i)),
    );
    if (children.some((c) => c === undefined)) {
      return this.fail(new Error(`BullMQ returned the flow of ${this.opts.queryId} incomplete`));
    }
    this.children = children as Job[];
    if (this.over) void this.cleanUp();
    else this.pump();
  }

  /** Promotes one held child per finished one, in order. */
  private pump(): void {
    if (!this.children) return;
    while (!this.over && this.owed > 0 && this.next < this.total) {
      const i = this.next++;
      this.owed--;
      this.results.sent(i);
      this.children[i].promote().catch((err: unknown) => this.fail(this.redisError(err)));
    }
  }

  private async watch(): Promise<void> {
    if (this.over) return;
    try {
      const err = await this.workers.check();
      if (err) this.fail(err);
    } catch (err) {
      this.fail(this.redisError(err));
    }
  }

  private readonly onAbort = (): void => this.fail(cancelled(this.opts.signal?.reason));

  private finish(): void {
    if (this.over) return;
    this.end();
    this.resolve(this.results.outcome(this.stalled));
  }

  /** Answers only once the unstarted jobs are gone, so a client that saw the error sees none. */
  private fail(err: unknown): void {
    if (this.over) return;
    this.end();
    if (!this.parent) return this.reject(err); // added() cleans up when the flow lands
    void this.cleanUp().then(() => this.reject(err));
  }

  private end(): void {
    this.over = true;
    for (const t of this.timers) clearTimeout(t);
    this.opts.signal?.removeEventListener("abort", this.onAbort);
  }

  /** Removes every child no worker has started; running ones cannot be removed, and finish. */
  private async cleanUp(): Promise<void> {
    if (!this.parent || !this.deps.redisUp()) return;
    try {
      await this.parent.removeUnprocessedChildren();
    } catch {
      // Best effort: with Redis gone nothing can be removed; what is left runs once Redis and a
      // worker are back, and its results expire unread.
    }
  }

  private redisError(err: unknown): unknown {
    if (!this.deps.redisUp() && !(err instanceof WorkerFailedError)) {
      return new RedisUnreachableError(
        this.deps.redisLabel,
        err instanceof Error ? err.message : String(err),
      );
    }
    return err;
  }
}
