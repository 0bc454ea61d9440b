import { createHash } from "node:crypto";
import os from "node:os";
import { ExecutionStrategy } from "../execution-strategy";
import type { Executors } from "./executor";
import { PoolExecutor } from "./pool.executor";
import { SequentialExecutor } from "./sequential.executor";
import { WorkerPool } from "./pool/worker-pool";
import { readSqliteTask, runCountTask } from "./worker/count.task";
import type { CountTask, CountTaskResult } from "./worker/task.types";
import { WorkerEnv } from "./worker/worker-env";
import { DistributedExecutor } from "./distributed/distributed.executor";
import { NotConfiguredExecutor } from "./distributed/not-configured.executor";
import { DEFAULT_PREFIX } from "./distributed/keys";

/** What the pools are built from; the server's Config satisfies it. */
export interface ExecutorOptions {
  /** Workers each pool keeps warm; a query may ask for up to twice the core count. */
  poolSize: number;
  /** V8 old-generation heap limit of each worker, in MiB. */
  workerMaxOldGenerationMb: number;
  /** CPU nice value of every pool worker (0 leaves the priority alone). */
  workerNice?: number;
  /** The pools' worker entry and its arguments; default the engine's own (worker/worker.js). */
  workerScript?: string;
  workerArgs?: string[];
  /** What SEQUENTIAL runs for each task on the main thread; default runCountTask. */
  runTask?: (task: CountTask, env: WorkerEnv) => CountTaskResult;
  /** DISTRIBUTED: its Redis (null: NOT_CONFIGURED) and the rest of the README's DISTRIBUTED_*. */
  redisUrl?: string | null;
  distributedPrefix?: string;
  distributedNoWorkersMs?: number;
  distributedStageBytes?: number;
  distributedStageTtlMs?: number;
  distributedAutoMinBytes?: number;
  /** Names this server's corpus in DISTRIBUTED jobs (with the host name). */
  databaseFile?: string;
  /** A DISTRIBUTED job finished on `worker` ("<host>:<pid>"). */
  onDistributedTask?(worker: string): void;
  /** Redis connection trouble of the DISTRIBUTED executor, at most one line per source per 10 s. */
  onDistributedError?(source: string, err: Error, skipped: number): void;
}

export interface ExecutorSet {
  byStrategy: Executors;
  threads: PoolExecutor;
  processes: PoolExecutor;
  /** Null without REDIS_URL: DISTRIBUTED then answers NOT_CONFIGURED. */
  distributed: DistributedExecutor | null;
  close(): Promise<void>;
}

/** The API's `workers` ceiling: a DISTRIBUTED query may keep this many jobs in flight. */
const DISTRIBUTED_MAX_WORKERS = 64;

/**
 * The pools are created once, sized from the core count and warmed, so the first
 * query pays neither worker start-up nor the kernels' table build. Each pool may grow
 * to twice the core count, so a query can ask for oversubscription (more workers
 * than cores) and see for itself that it buys nothing.
 */
export async function createExecutors(options: ExecutorOptions): Promise<ExecutorSet> {
  const cores = Math.max(1, Math.min(options.poolSize, os.availableParallelism()));
  const size = options.poolSize;
  const max = Math.max(size, 2 * cores);
  const make = (type: "thread" | "process"): WorkerPool =>
    new WorkerPool({
      type,
      minWorkers: size,
      maxWorkers: max,
      maxOldGenerationMb: options.workerMaxOldGenerationMb,
      script: options.workerScript,
      scriptArgs: options.workerArgs,
      nice: options.workerNice,
    });
  const threadPool = make("thread");
  const processPool = make("process");
  await Promise.all([threadPool.warm(), processPool.warm()]);
  const mainEnv = new WorkerEnv("main");
  const runTask = options.runTask ?? runCountTask;
  const threads = new PoolExecutor("THREADS", threadPool, size, max);
  const processes = new PoolExecutor("PROCESSES", processPool, size, max);
  const distributed = createDistributed(options, mainEnv);
  return {
    byStrategy: {
      [ExecutionStrategy.SEQUENTIAL]: new SequentialExecutor((task) => runTask(task, mainEnv)),
      [ExecutionStrategy.THREADS]: threads,
      [ExecutionStrategy.PROCESSES]: processes,
      [ExecutionStrategy.DISTRIBUTED]:
        distributed ?? new NotConfiguredExecutor(DISTRIBUTED_MAX_WORKERS),
    },
    threads,
    processes,
    distributed,
    async close() {
      await Promise.all([threadPool.terminate(), processPool.terminate(), distributed?.close()]);
      mainEnv.close();
    },
  };
}

/** Connects in the background: a Redis that is down must not hold up the server's start. */
function createDistributed(o: ExecutorOptions, mainEnv: WorkerEnv): DistributedExecutor | null {
  if (!o.redisUrl) return null;
  return new DistributedExecutor({
    redisUrl: o.redisUrl,
    prefix: o.distributedPrefix ?? DEFAULT_PREFIX,
    noWorkersTimeoutMs: o.distributedNoWorkersMs ?? 3000,
    stageBudgetBytes: o.distributedStageBytes ?? 512 * 2 ** 20,
    stageTtlMs: o.distributedStageTtlMs ?? 3_600_000,
    autoMinBytes: o.distributedAutoMinBytes ?? 0,
    maxWorkers: DISTRIBUTED_MAX_WORKERS,
    corpusId: createHash("sha256")
      .update(`${os.hostname()}:${o.databaseFile ?? ""}`)
      .digest("hex")
      .slice(0, 16),
    readSqlite: (task) => readSqliteTask(task, mainEnv),
    onTaskDone: o.onDistributedTask,
    onError: o.onDistributedError,
  });
}
