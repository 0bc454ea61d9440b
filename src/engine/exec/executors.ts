import os from "node:os";
import { ExecutionStrategy } from "../execution-strategy";
import type { Executors } from "./executor";
import { PoolExecutor } from "./pool.executor";
import { SequentialExecutor } from "./sequential.executor";
import { WorkerPool } from "./pool/worker-pool";
import { runCountTask } from "./worker/count.task";
import type { CountTask, CountTaskResult } from "./worker/task.types";
import { WorkerEnv } from "./worker/worker-env";

/** What the pools are built from; the server's Config satisfies it. */
export interface ExecutorOptions {
  /** Workers each pool keeps warm; a query may ask for up to twice the core count. */
  poolSize: number;
  /** V8 old-generation heap limit of each worker, in MiB. */
  workerMaxOldGenerationMb: number;
  /** The pools' worker entry and its arguments; default the engine's own (worker/worker.js). */
  workerScript?: string;
  workerArgs?: string[];
  /** What SEQUENTIAL runs for each task on the main thread; default runCountTask. */
  runTask?: (task: CountTask, env: WorkerEnv) => CountTaskResult;
}

export interface ExecutorSet {
  byStrategy: Executors;
  threads: PoolExecutor;
  processes: PoolExecutor;
  close(): Promise<void>;
}

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
    });
  const threadPool = make("thread");
  const processPool = make("process");
  await Promise.all([threadPool.warm(), processPool.warm()]);
  const mainEnv = new WorkerEnv("main");
  const runTask = options.runTask ?? runCountTask;
  const threads = new PoolExecutor("THREADS", threadPool, size, max);
  const processes = new PoolExecutor("PROCESSES", processPool, size, max);
  return {
    byStrategy: {
      [ExecutionStrategy.SEQUENTIAL]: new SequentialExecutor((task) => runTask(task, mainEnv)),
      [ExecutionStrategy.THREADS]: threads,
      [ExecutionStrategy.PROCESSES]: processes,
    },
    threads,
    processes,
    async close() {
      await Promise.all([threadPool.terminate(), processPool.terminate()]);
      mainEnv.close();
    },
  };
}
