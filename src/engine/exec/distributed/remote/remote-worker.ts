import os from "node:os";
import { Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import type { CountTaskResult, ResidentTask } from "../../worker/task.types";
import { decodeChunk, digestOf, encodeResult, type DecodedChunk } from "../chunk-format";
import { parseCountJobData, type CountJobData, type CountJobResult } from "../job.types";
import { chunkKey, COUNT_QUEUE, resultKey, workerName } from "../keys";
import { bullConnection, retryStrategy } from "../redis-connection";
import { maskRedisUrl } from "../redis-url";
import { throttled } from "../throttle";
import { ChunkCache } from "./chunk-cache";

export interface RemoteWorkerOptions {
  redisUrl: string;
  prefix: string;
  /** Jobs run at once; each needs one local counting thread. */
  concurrency: number;
  cacheBytes: number;
  /** BullMQ lock: a worker that stops renewing it (killed, cut off) loses its job this soon. */
  lockDurationMs: number;
  stalledIntervalMs: number;
  maxStalledCount: number;
  /** Results wait this long in Redis for the API host to read them. */
  resultTtlMs: number;
  /** "<host>:<pid>" unless given. */
  id?: string;
}

/** Counts one chunk; by default on the worker's local thread pool. */
export type ChunkCounter = (task: ResidentTask) => Promise<CountTaskResult>;

export type WorkerLog = Pick<Logger, "info" | "warn" | "error" | "debug">;

/**
 * The loop behind `npm run worker`: takes chunk jobs from Redis, fetches each chunk once (a
 * local cache keeps it for the next query), counts it with `count` and leaves the result in
 * Redis for the API host. The counting runs off the main thread, so BullMQ's lock renewals
 * are never held up by a large chunk: the lock can stay short, and a killed worker's job
 * moves to another worker within about lockDurationMs + stalledIntervalMs.
 */
export class RemoteWorker {
  readonly id: string;
  private readonly redis: Redis;
  private readonly worker: Worker;
  private readonly cache: ChunkCache;

  constructor(
    private readonly opts: RemoteWorkerOptions,
    private readonly count: ChunkCounter,
    private readonly log: WorkerLog,
  ) {
    this.id = opts.id ?? `${os.hostname()}:${process.pid}`;
    this.cache = new ChunkCache(opts.cacheBytes);
    this.redis = new Redis(opts.redisUrl, { retryStrategy, connectionName: `${opts.prefix}:data` });
    const warn = throttled((source, err, skipped) =>
      this.log.warn({ source, err: err.message, skipped }, "Redis connection trouble"),
    );
    this.redis.on("error", (err: Error) => warn("data", err));
    this.worker = new Worker(COUNT_QUEUE, (job: Job) => this.process(job), {
      connection: bullConnection(opts.redisUrl),
      prefix: opts.prefix,
      name: workerName(this.id, opts.concurrency),
      concurrency: opts.concurrency,
      lockDuration: opts.lockDurationMs,
      stalledInterval: opts.stalledIntervalMs,
      maxStalledCount: opts.maxStalledCount,
      autorun: false,
    });
    this.worker.on("error", (err: Error) => warn("queue", err));
    this.worker.on("failed", (job, err) =>
      this.log.warn({ job: job?.id, err: err.message }, "job failed"),
    );
  }

  /** Connects and starts taking jobs; resolves once the worker is registered with Redis. */
  async start(): Promise<void> {
    void this.worker.run().catch((err: unknown) => this.log.error({ err }, "worker stopped"));
    await this.worker.waitUntilReady();
    this.log.info(
      {
        id: this.id,
        redis: maskRedisUrl(this.opts.redisUrl),
        concurrency: this.opts.concurrency,
        cacheMb: Math.round(this.opts.cacheBytes / 2 ** 20),
      },
      "worker ready",
    );
  }

  /**
   * Finishes the jobs in hand, then disconnects. With Redis gone, BullMQ would wait for it
   * forever; after a lock duration the jobs are another worker's anyway.
   */
  async close(): Promise<void> {
    const grace = new Promise((r) => setTimeout(r, this.opts.lockDurationMs).unref());
    await Promise.race([this.worker.close(), grace]);
    this.redis.disconnect();
  }

  private async process(job: Job): Promise<CountJobResult> {
    const t0 = performance.now();
    const data = parseCountJobData(job.data);
    this.cache.retire(data.corpus, data.version);
    const owner = { corpus: data.corpus, version: data.version };
    const { chunk, cached } = await this.cache.get(data.chunk, data.size, owner, () =>
      this.fetch(data),
    );
    if (chunk.starts.length !== data.segments) {
      throw new Error(
        `chunk ${data.chunk} has ${chunk.starts.length} segments, the job says ${data.segments}`,
      );
    }
    const t1 = performance.now();
    const r = await this.count({
      kind: "resident",
      version: data.version,
      bytes: chunk.bytes,
      starts: chunk.starts,
      ends: chunk.ends,
      mask: data.mask,
    });
    const out = encodeResult(r.counts, r.edges, data.mask);
    const key = resultKey(this.opts.prefix, job.id!);
    await this.redis.set(key, out, "PX", this.opts.resultTtlMs);
    this.log.debug({ job: job.id, cached }, "job done");
    return {
      worker: this.id,
      result: key,
      handledMs: performance.now() - t0,
      fetchMs: t1 - t0,
      computeMs: r.computeMs,
      fetchedBytes: cached ? 0 : data.size,
      resultBytes: out.length,
      cached,
    };
  }

  private async fetch(data: CountJobData): Promise<DecodedChunk> {
    const blob = await this.redis.getBuffer(chunkKey(this.opts.prefix, data.chunk));
    if (blob === null) {
      throw new Error(
        `chunk ${data.chunk} is not in Redis (expired or evicted); the API host stages it ` +
          `again on the next query`,
      );
    }
    // Content-addressed: what arrived must hash to its name.
    if (blob.length !== data.size || digestOf(blob) !== data.chunk) {
      throw new Error(`chunk ${data.chunk} arrived corrupted (${blob.length} bytes)`);
    }
    return decodeChunk(blob);
  }
}
