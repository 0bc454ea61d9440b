import { setTimeout as sleep } from "node:timers/promises";
import { spawnWorker } from "../../test/support/remote-workers";
import { benchConfig } from "../bench-config";
import { startBenchServer, type BenchServer, type ServerMemory } from "../bench-server-control";
import type { Log } from "../corpora";
import { BENCH_STAGE_MB, emptyRedis, startBenchRedis, Teardown } from "./cluster";

const WORKERS_SEEN_LIMIT_MS = 30_000;

export interface ClusteredServer {
  server: BenchServer;
  /** Worker processes the server saw connected, or null when DISTRIBUTED was not set up. */
  workers: number | null;
  /** Why DISTRIBUTED is not available on this server, or null when it is (or was not asked). */
  unavailable: string | null;
  /** Stops the server, then its workers and Redis; returns the server's peak memory. */
  stop(): Promise<ServerMemory>;
}

/** Polls the server's /metrics until it counts `workers` connected worker processes. */
async function untilWorkersSeen(server: BenchServer, workers: number): Promise<void> {
  const deadline = Date.now() + WORKERS_SEEN_LIMIT_MS;
  let seen = "none";
  while (Date.now() < deadline) {
    const m = /^capstats_distributed_workers (\d+)$/m.exec(await server.text("/metrics"));
    seen = m?.[1] ?? "no gauge";
    if (Number(seen) === workers) return;
    await sleep(100);
  }
  throw new Error(`the server never saw its ${workers} workers in /metrics (last: ${seen})`);
}

/**
 * A bench server on `dbFile` that, given `redisServer` (its command), also offers DISTRIBUTED:
 * a private, emptied redis-server (never the shared one on 6379) and one `npm run worker`
 * process per pool worker (POOL_SIZE, one job at a time each, like one core each), at the
 * pools' nice, since they share this machine with the server. If that cannot be set up (no
 * redis-server, a worker that does not start), the server runs without it, saying why.
 */
export async function startClusteredServer(
  dbFile: string,
  poolSize: number | undefined,
  redisServer: string | null,
  log: Log,
): Promise<ClusteredServer> {
  const config = benchConfig(dbFile, poolSize);
  const teardown = new Teardown();
  let settings: Record<string, string> = {};
  let workers: number | null = null;
  let unavailable: string | null = null;
  if (redisServer !== null) {
    try {
      const redis = await startBenchRedis(teardown, redisServer);
      await emptyRedis(redis.url);
      await Promise.all(
        Array.from({ length: config.poolSize }, () =>
          spawnWorker(teardown, { redisUrl: redis.url, nice: config.workerNice }),
        ),
      );
      settings = { REDIS_URL: redis.url, DISTRIBUTED_STAGE_MB: BENCH_STAGE_MB };
      workers = config.poolSize;
      log(`DISTRIBUTED: ${workers} worker processes on a private Redis at ${redis.url}`);
    } catch (err) {
      unavailable = `DISTRIBUTED not set up: ${(err as Error).message.split("\n")[0]}`;
      log(unavailable);
      await teardown.run();
    }
  }
  let server: BenchServer;
  try {
    server = await startBenchServer(dbFile, poolSize, settings);
  } catch (err) {
    await teardown.run();
    throw err;
  }
  if (workers !== null) {
    try {
      await untilWorkersSeen(server, workers);
    } catch (err) {
      unavailable = `DISTRIBUTED not set up: ${(err as Error).message}`;
      log(unavailable);
    }
  }
  return {
    server,
    workers: unavailable === null ? workers : null,
    unavailable,
    async stop() {
      try {
        return await server.stop();
      } finally {
        await teardown.run();
      }
    },
  };
}
