import { Redis } from "ioredis";
import { createApp, type App } from "../../src/app";
import { loadConfig } from "../../src/config";
import { quietApp } from "../bench-config";
import { startRedis, type Cleanup, type RedisServer } from "../../test/support/redis-server";
import { spawnWorker } from "../../test/support/remote-workers";

/** Teardown in reverse order of setup, like nested `finally` blocks. */
export class Teardown implements Cleanup {
  private readonly steps: (() => unknown)[] = [];

  after(fn: () => unknown): void {
    this.steps.push(fn);
  }

  async run(): Promise<void> {
    for (const fn of this.steps.splice(0).reverse()) await fn();
  }
}

/**
 * What a DISTRIBUTED app of the bench may stage in Redis: the 8x and 10x corpora's text
 * (about 125 and 155 MB) with room to spare, where the default 512 MB keeps a server safe.
 */
export const BENCH_STAGE_MB = "2048";

/** Empties a private Redis, so a run starts with nothing staged and nothing cached. */
export async function emptyRedis(url: string): Promise<void> {
  const client = new Redis(url);
  try {
    await client.flushall();
  } finally {
    client.disconnect();
  }
}

export interface BenchCluster {
  app: App;
  close(): Promise<void>;
}

/**
 * `workers` worker processes (one job each at a time, like one core each) and an in-process
 * app on `dbFile`, all on one private Redis that starts empty: nothing staged, no cache.
 */
export async function startBenchCluster(
  redis: RedisServer,
  dbFile: string,
  workers: number,
): Promise<BenchCluster> {
  await emptyRedis(redis.url);
  const teardown = new Teardown();
  await Promise.all(
    Array.from({ length: workers }, () => spawnWorker(teardown, { redisUrl: redis.url })),
  );
  const app = await createApp(
    loadConfig({
      DATABASE_URL: `file:${dbFile}`,
      SEED_ON_START: "false",
      PLAYGROUND: "false",
      INTROSPECTION: "false",
      REDIS_URL: redis.url,
      DISTRIBUTED_STAGE_MB: BENCH_STAGE_MB,
    }),
    quietApp(),
  );
  // As `npm start` does: the resident corpus is read before the first query, not by it.
  app.corpus.view();
  const deadline = Date.now() + 30_000;
  while (app.executors.distributed!.stats().workers !== workers) {
    if (Date.now() > deadline) throw new Error(`the app never saw ${workers} workers`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    app,
    async close() {
      await app.close();
      await teardown.run();
    },
  };
}

export async function startBenchRedis(
  teardown: Teardown,
  command = "redis-server",
): Promise<RedisServer> {
  return startRedis(teardown, { command });
}
