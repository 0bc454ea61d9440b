import type { TestContext } from "node:test";
import { Queue } from "bullmq";
import { startTestApp, type TestApp, type TestAppOptions } from "../../../support/test-app";
import { startRedis, type RedisServer } from "../../../support/redis-server";
import {
  SLOW_WORKER_JS,
  spawnWorker,
  type WorkerProcess,
  type WorkerSpawn,
} from "../../../support/remote-workers";
import { entryArgs } from "../../../support/test-executors";
import { waitFor } from "../../../analyses/analysis-test-support";
import { FIXTURE } from "../../../support/fixture-corpus";
import { COUNT_QUEUE, DEFAULT_PREFIX } from "../../../../src/engine/exec/distributed/keys";
import type { DistributedUsage } from "../../../../src/engine/execution-report";

export const HANG_GUARD = { timeout: 180_000 };

/** The fixture's per-email counts, worked out by hand (test/support/fixture-corpus.ts). */
export const HAND = FIXTURE.map((e) => ({
  emailId: e.id,
  capitals: e.capitals,
  characters: e.characters,
}));

/** Fast failure detection for tests: lock and stall check in about a second. */
/** A worker whose every count first sleeps `ms` (on its thread: the lock keeps renewing). */
export function slowWorker(ms: number, env: Record<string, string> = {}): Partial<WorkerSpawn> {
  return { script: SLOW_WORKER_JS, args: entryArgs(ms), env };
}

export const FAST_RECOVERY = {
  WORKER_LOCK_MS: "1000",
  WORKER_STALLED_INTERVAL_MS: "300",
};

export const STATS = `query($strategy: ExecutionStrategy, $workers: Int, $chunkSize: Int, $fresh: Boolean) {
  capitalLetterStats(strategy: $strategy, workers: $workers, chunkSize: $chunkSize, fresh: $fresh) {
    emailCount totalCapitals totalCharacters
    perEmail(first: 1000) { edges { node { emailId capitals characters } } }
    execution { strategy reason workers tasks corpusVersion perWorker { worker tasks busyMs }
      distributed { jobs queueWaitMs stagingMs bytesStaged bytesFetched bytesReturned
        bytesTransferred chunksCached stalledJobs } }
  }
}`;

export type Usage = DistributedUsage;

export interface StatsData {
  capitalLetterStats: {
    emailCount: number;
    totalCapitals: number;
    totalCharacters: number;
    perEmail: { edges: { node: { emailId: number; capitals: number; characters: number } }[] };
    execution: {
      strategy: string;
      reason: string;
      workers: number;
      tasks: number;
      corpusVersion: number;
      perWorker: { worker: string; tasks: number; busyMs: number }[];
      distributed: Usage | null;
    };
  };
}

export type GqlErrors = { message: string; extensions?: Record<string, unknown> }[];

export interface Cluster {
  redis: RedisServer;
  app: TestApp;
  /** The chunk queue, to look at from outside the way an operator would. */
  queue: Queue;
  spawn(opts?: Partial<WorkerSpawn>): Promise<WorkerProcess>;
}

/** A private Redis and an app pointed at it; workers are spawned by the test. */
export async function startCluster(
  t: TestContext,
  opts: TestAppOptions & { alsoBind?: string[] } = {},
): Promise<Cluster> {
  const redis = await startRedis(t, { alsoBind: opts.alsoBind });
  const app = await startTestApp(t, {
    ...opts,
    env: { REDIS_URL: redis.url, DISTRIBUTED_NO_WORKERS_MS: "1500", ...opts.env },
  });
  const queue = new Queue(COUNT_QUEUE, {
    connection: { url: redis.url, maxRetriesPerRequest: 1 },
    prefix: DEFAULT_PREFIX,
  });
  queue.on("error", () => undefined); // the Redis-down test stops it on purpose
  t.after(() => queue.close());
  return {
    redis,
    app,
    queue,
    spawn: (w = {}) => spawnWorker(t, { redisUrl: redis.url, ...w }),
  };
}

/** startCluster, then one worker per entry of `workers`, all seen by the API host. */
export async function startClusterWith(
  t: TestContext,
  workers: Partial<WorkerSpawn>[],
  opts: TestAppOptions = {},
): Promise<Cluster & { workers: WorkerProcess[] }> {
  const cluster = await startCluster(t, opts);
  const spawned: WorkerProcess[] = [];
  for (const w of workers) spawned.push(await cluster.spawn(w));
  await untilWorkers(cluster.app, workers.length);
  return { ...cluster, workers: spawned };
}

/** A fresh capitalLetterStats on `strategy`, with `vars` (chunkSize, workers) on top. */
export function statsOn(app: TestApp, strategy: string, vars: Record<string, unknown> = {}) {
  return app.gql<StatsData>(STATS, { strategy, fresh: true, ...vars });
}

/** Until the API host's executor lists exactly `n` connected workers. */
export function untilWorkers(app: TestApp, n: number): Promise<true> {
  return waitFor(`the API host to see ${n} workers`, async () => {
    const d = app.app.executors.distributed;
    return d !== null && d.stats().workers === n ? true : null;
  });
}

/** Until `worker` holds an active job of the chunk queue. */
export function untilBusy(queue: Queue, worker: WorkerProcess): Promise<true> {
  return waitFor(`${worker.id} to start a job`, async () => {
    const active = await queue.getActive();
    return active.some((j) => j.processedBy?.startsWith(`${worker.id}/`)) ? true : null;
  });
}

/** Until nothing of this queue is waiting, delayed or running: every outstanding job is gone. */
export function untilQueueEmpty(queue: Queue): Promise<true> {
  return waitFor("the chunk queue to empty", async () => {
    const c = await queue.getJobCounts("waiting", "delayed", "active", "prioritized");
    return Object.values(c).every((n) => n === 0) ? true : null;
  });
}

export function perEmail(
  data: StatsData,
): { emailId: number; capitals: number; characters: number }[] {
  return data.capitalLetterStats.perEmail.edges.map((e) => e.node);
}
