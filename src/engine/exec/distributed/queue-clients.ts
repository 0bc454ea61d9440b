import { FlowProducer, Queue, QueueEvents, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { RedisUnreachableError } from "./distributed-errors";
import { COUNT_QUEUE, QUERY_QUEUE } from "./keys";
import { bullConnection, commandConnection } from "./redis-connection";

/** A query right after start-up waits this long for the first connection before failing. */
const FIRST_CONNECT_MS = 1000;
/**
 * BullMQ's blocking reads wait for the server's answer before closing; with Redis gone that is
 * forever, so shutdown gives them this long. Short blocking reads bound what lingers after.
 */
const CLOSE_GRACE_MS = 1000;
const EVENTS_BLOCK_MS = 1000;

/**
 * An API host's BullMQ clients: the producers share one command connection; the queue events
 * and the janitor each block on their own. Every client's errors go to `onError`.
 */
export class QueueClients {
  readonly redis: Redis;
  readonly flow: FlowProducer;
  readonly queue: Queue;
  readonly events: QueueEvents;
  private readonly janitor: Worker;
  private lastError = "not connected yet";
  private everReady = false;

  constructor(
    redisUrl: string,
    prefix: string,
    private readonly label: string,
    onError: (source: string, err: Error) => void,
  ) {
    const failed = (source: string) => (err: Error) => {
      this.lastError = err.message;
      onError(source, err);
    };
    this.redis = commandConnection(redisUrl, `${prefix}:api`);
    this.redis.on("error", failed("redis"));
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
      (emitter as NodeJS.EventEmitter).on("error", failed(source));
    }
    this.redis.on("ready", () => {
      this.everReady = true;
    });
  }

  get up(): boolean {
    return this.redis.status === "ready";
  }

  /** Once connected, a lost connection fails at once; before that, grant the first connect a moment. */
  async awaitRedis(): Promise<void> {
    if (!this.up && !this.everReady) {
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
    if (!this.up) throw new RedisUnreachableError(this.label, this.lastError);
  }

  async close(): Promise<void> {
    const closed = Promise.allSettled([
      this.janitor.close(true),
      this.events.close(),
      this.flow.close(),
      this.queue.close(),
    ]);
    await Promise.race([closed, new Promise((r) => setTimeout(r, CLOSE_GRACE_MS).unref())]);
    this.redis.disconnect();
  }
}
