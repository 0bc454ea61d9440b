import { randomBytes } from "node:crypto";
import { FlowProducer, Queue, QueueEvents, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { AutoVerdict, Executor, ExecutorRun, RunOptions } from "../executor";
import type { CountTask } from "../worker/task.types";
import { ChunkStager } from "./chunk-stager";
import type { DistributedOptions } from "./distributed-options";
import { cancelled, NoWorkersConnectedError, RedisUnreachableError } from "./distributed-errors";
import { COUNT_QUEUE, parseJobId, QUERY_QUEUE } from "./keys";
import { QueryRun } from "./query-run";
import { bullConnection, commandConnection } from "./redis-connection";
import { maskRedisUrl } from "./redis-url";
import { summarizeRun } from "./run-summary";
import { throttled } from "./throttle";
import { WorkerRegistry } from "./worker-registry";

const REFRESH_MS = 2000;
const POLL_MS = 100;
/** A query right after start-up waits this long for the first connection before failing. */
const FIRST_CONNECT_MS = 1000;
/**
 * BullMQ's blocking reads wait for the server's answer before closing; with Redis gone that is
 * forever, so shutdown gives them this long. Short blocking reads bound what lingers after.
 */
const CLOSE_GRACE_MS = 1000;
const EVENTS_BLOCK_MS = 1000;

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
  private readonly redis: Redis;
  private readonly flow: FlowProducer;
  private readonly queue: Queue;
  private readonly events: QueueEvents;
  private readonly janitor: Worker;
  private readonly registry: WorkerRegistry;
  private readonly stager: ChunkStager;
  private readonly runs = new Map<string, QueryRun>();
  private readonly refresher: NodeJS.Timeout;
  private readonly label: string;
  private lastError = "not connected yet";
  private everReady = false;

  constructor(private readonly opts: DistributedOptions) {
    const { redisUrl, prefix } = opts;
    this.label = maskRedisUrl(redisUrl);
    this.maxWorkers = opts.maxWorkers;
    this.redis = commandConnection(redisUrl, `${prefix}:api`);
    this.redis.on("error", (err: Error) => this.onError("redis", err));
    this.flow = new FlowProducer({ connection: this.redis, prefix });
    this.queue = new Queue(COUNT_QUEUE, { connection: this.redis, prefix });
    this.events = new QueueEvents(COUNT_QUEUE, {
      connection: bullConnection(redisUrl),
      prefix,
      blockingTimeout: EVENTS_BLOCK_MS,
    });
    // Parents reach the query queue once all their children are done (or removed); nothing is
    // left to do with them but delete them, which any API host may do for any query.
    this.janitor = new Worker(QUERY_QUEUE, async () => null, {
      connection: bullConnection(redisUrl),
      prefix,
      concurrency: 8,
      drainDelay: EVENTS_BLOCK_MS / 1000,
      removeOnComplete: { count: 0 },
      removeOnFail: { count: 0 },
    });
    for (const [source, emitter] of [
      ["flow", this.flow],
      ["queue", this.queue],
      ["events", this.events],
      ["janitor", this.janitor],
    ] as const) {
      (emitter as NodeJS.EventEmitter).on("error", (err: Error) => this.onError(source, err));
    }
    this.registry = new WorkerRegistry(this.queue);
    this.stager = new ChunkStager(this.redis, {
      prefix,
      budgetBytes: opts.stageBudgetBytes,
      ttlMs: opts.stageTtlMs,
      readSqlite: opts.readSqlite,
    });
    this.events.on("completed", ({ jobId, returnvalue }) =>
      this.route(jobId, (run, i) => void run.completed(i, returnvalue)),
    );
    this.events.on("failed", ({ jobId, failedReason }) =>
      this.route(jobId, (run, i) => run.failed(i, failedReason)),
    );
    this.events.on("stalled", ({ jobId }) => this.route(jobId, (run, i) => run.stalledJob(i)));
    this.refresher = setInterval(() => void this.refresh(), REFRESH_MS);
    this.refresher.unref();
    this.redis.on("ready", () => {
      this.everReady = true;
      void this.refresh();
    });
  }

  /** One balanced chunk per job slot of the workers connected when last looked at. */
  get defaultWorkers(): number {
    return Math.max(1, Math.min(this.registry.slots, this.maxWorkers));
  }

  get redisUp(): boolean {
    return this.redis.status === "ready";
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
    return this.queue.getJobCounts("waiting", "active", "delayed", "failed");
  }

  autoVerdict(bytes: number): AutoVerdict {
    const min = this.opts.autoMinBytes;
    const mb = (n: number): string => (n / 2 ** 20).toFixed(1);
    if (min === 0) {
      return {
        eligible: false,
        reason:
          "no crossover is configured (DISTRIBUTED_AUTO_MIN_MB=0): on the bench's single host it never beat THREADS",
      };
    }
    if (bytes < min) {
      return {
        eligible: false,
        reason: `${mb(bytes)} MiB is below its crossover of ${mb(min)} MiB (DISTRIBUTED_AUTO_MIN_MB)`,
      };
    }
    const { redisUp, workers, slots } = this.stats();
    if (!redisUp) return { eligible: false, reason: `Redis at ${this.label} is unreachable` };
    if (workers === 0) return { eligible: false, reason: "no worker is connected" };
    return {
      eligible: true,
      reason: `at or above its crossover of ${mb(min)} MiB, on ${workers} connected workers (${slots} job slots)`,
    };
  }

  async run(tasks: CountTask[], opts: RunOptions): Promise<ExecutorRun> {
    const started = performance.now();
    await this.awaitRedis();
    await this.awaitWorkers(opts.signal);
    const staging = await this.stager.stage(tasks).catch((err: unknown) => {
      throw this.redisError(err);
    });
    const queryId = `q${randomBytes(8).toString("hex")}`;
    const remaining =
      opts.timeoutMs === undefined ? undefined : opts.timeoutMs - (performance.now() - started);
    const run = new QueryRun(
      {
        flow: this.flow,
        redis: this.redis,
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
    const closed = Promise.allSettled([
      this.janitor.close(true),
      this.events.close(),
      this.flow.close(),
      this.queue.close(),
    ]);
    await Promise.race([closed, new Promise((r) => setTimeout(r, CLOSE_GRACE_MS).unref())]);
    this.redis.disconnect();
  }

  /** Once connected, a lost connection fails at once; before that, grant the first connect a moment. */
  private async awaitRedis(): Promise<void> {
    if (!this.redisUp && !this.everReady) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          this.redis.off("ready", done);
          resolve();
        };
        const timer = setTimeout(done, FIRST_CONNECT_MS);
        this.redis.on("ready", done);
      });
    }
    if (!this.redisUp) throw new RedisUnreachableError(this.label, this.lastError);
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

  private onError(source: string, err: Error): void {
    this.lastError = err.message;
    this.report(source, err);
  }
}
