import { randomBytes } from "node:crypto";
import type { AutoVerdict, Executor, ExecutorRun, RunOptions } from "../executor";
import type { CountTask } from "../worker/task.types";
import { autoVerdict } from "./auto-verdict";
import { ChunkStager } from "./chunk-stager";
import type { DistributedOptions } from "./distributed-options";
import { cancelled, NoWorkersConnectedError, RedisUnreachableError } from "./distributed-errors";
import { parseJobId } from "./keys";
import { QueueClients } from "./queue-clients";
import { QueryRun } from "./query-run";
import { maskRedisUrl } from "./redis-url";
import { summarizeRun } from "./run-summary";
import { throttled } from "./throttle";
import { WorkerRegistry } from "./worker-registry";

const REFRESH_MS = 2000;
const POLL_MS = 100;

export interface DistributedStats {
  redisUp: boolean;
  workers: number;
  slots: number;
  stagedBytes: number;
}

/**
 * DISTRIBUTED: a query's tasks become one BullMQ flow on Redis (a parent per query, a child
 * per chunk), consumed by `npm run worker` processes on any host. The text goes to Redis once
 * per corpus version (ChunkStager); workers keep chunks in a local cache. While Redis is down
 * or no worker is connected, queries fail fast with a clear error and everything else in the
 * server carries on; connections come back by themselves.
 */
export class DistributedExecutor implements Executor {
  readonly name = "DISTRIBUTED" as const;
  readonly sharesMemory = true;
  readonly writesInPlace = null;
  readonly maxWorkers: number;
  private readonly clients: QueueClients;
  private readonly registry: WorkerRegistry;
  private readonly stager: ChunkStager;
  private readonly runs = new Map<string, QueryRun>();
  private readonly refresher: NodeJS.Timeout;
  private readonly label: string;

  constructor(private readonly opts: DistributedOptions) {
    const { redisUrl, prefix } = opts;
    this.label = maskRedisUrl(redisUrl);
    this.maxWorkers = opts.maxWorkers;
    this.clients = new QueueClients(redisUrl, prefix, this.label, this.report);
    const { redis, events } = this.clients;
    this.registry = new WorkerRegistry(this.clients.queue);
    this.stager = new ChunkStager(redis, {
      prefix,
      budgetBytes: opts.stageBudgetBytes,
      ttlMs: opts.stageTtlMs,
      readSqlite: opts.readSqlite,
    });
    events.on("completed", ({ jobId, returnvalue }) =>
      this.route(jobId, (run, i) => void run.completed(i, returnvalue)),
    );
    events.on("failed", ({ jobId, failedReason }) =>
      this.route(jobId, (run, i) => run.failed(i, failedReason)),
    );
    events.on("stalled", ({ jobId }) => this.route(jobId, (run, i) => run.stalledJob(i)));
    this.refresher = setInterval(() => void this.refresh(), REFRESH_MS);
    this.refresher.unref();
    redis.on("ready", () => void this.refresh());
  }

  /** One balanced chunk per job slot of the workers connected when last looked at. */
  get defaultWorkers(): number {
    return Math.max(1, Math.min(this.registry.slots, this.maxWorkers));
  }

  get redisUp(): boolean {
    return this.clients.up;
  }

  stats(): DistributedStats {
    const up = this.redisUp;
    return {
      redisUp: up,
      workers: up ? this.registry.known.length : 0,
      slots: up ? this.registry.slots : 0,
      stagedBytes: this.stager.stagedBytes,
    };
  }

  /** Chunk jobs by state; null while Redis is down. */
  async jobCounts(): Promise<Record<string, number> | null> {
    if (!this.redisUp) return null;
    return this.clients.queue.getJobCounts("waiting", "active", "delayed", "failed");
  }

  autoVerdict(bytes: number): AutoVerdict {
    return autoVerdict(bytes, this.opts.autoMinBytes, this.label, () => this.stats());
  }

  async run(tasks: CountTask[], opts: RunOptions): Promise<ExecutorRun> {
    const started = performance.now();
    await this.clients.awaitRedis();
    await this.awaitWorkers(opts.signal);
    const staging = await this.stager.stage(tasks).catch((err: unknown) => {
      throw this.redisError(err);
    });
    const queryId = `q${randomBytes(8).toString("hex")}`;
    const remaining =
      opts.timeoutMs === undefined ? undefined : opts.timeoutMs - (performance.now() - started);
    const run = new QueryRun(
      {
        flow: this.clients.flow,
        redis: this.clients.redis,
        registry: this.registry,
        redisLabel: this.label,
        redisUp: () => this.redisUp,
      },
      {
        queryId,
        chunks: staging.chunks,
        mask: tasks[0]?.mask ?? 0,
        corpus: this.opts.corpusId,
        version: tasks[0]?.version ?? 0,
        window: opts.concurrency,
        noWorkersMs: this.opts.noWorkersTimeoutMs,
        timeoutMs: opts.timeoutMs,
        remainingMs: remaining,
        signal: opts.signal,
        onProgress: opts.onProgress,
      },
    );
    this.runs.set(queryId, run);
    try {
      run.start();
      const outcome = await run.done;
      for (const m of outcome.metas) this.opts.onTaskDone?.(m.worker);
      return summarizeRun(outcome, performance.now() - started, staging);
    } finally {
      this.runs.delete(queryId);
      staging.release();
    }
  }

  async close(): Promise<void> {
    clearInterval(this.refresher);
    await this.clients.close();
  }

  /** Waits up to noWorkersTimeoutMs for a first worker; most queries find one at once. */
  private async awaitWorkers(signal?: AbortSignal): Promise<void> {
    const started = performance.now();
    for (;;) {
      if (signal?.aborted) throw cancelled(signal.reason);
      const workers = await this.registry.list().catch((err: unknown) => {
        throw this.redisError(err);
      });
      if (workers.length > 0) return;
      const waited = performance.now() - started;
      if (waited >= this.opts.noWorkersTimeoutMs) {
        throw new NoWorkersConnectedError(this.label, Math.round(waited), 0, 0);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private route(jobId: string, deliver: (run: QueryRun, index: number) => void): void {
    const parsed = parseJobId(jobId);
    const run = parsed && this.runs.get(parsed.queryId);
    if (run) deliver(run, parsed.index);
  }

  private async refresh(): Promise<void> {
    if (!this.redisUp) return this.registry.forget();
    await this.registry.list().catch(() => this.registry.forget());
  }

  private redisError(err: unknown): unknown {
    if (this.redisUp || !(err instanceof Error)) return err;
    return new RedisUnreachableError(this.label, err.message);
  }

  private readonly report = throttled((source, err, skipped) =>
    this.opts.onError?.(source, err, skipped),
  );
}
