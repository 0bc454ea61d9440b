import { WorkerPool } from "../../pool/worker-pool";
import { RemoteWorker, type RemoteWorkerOptions, type WorkerLog } from "./remote-worker";

export interface RemoteWorkerProcess {
  worker: RemoteWorker;
  close(): Promise<void>;
}

/** The local pool's worker entry and its arguments; default the engine's own. */
export interface LocalPoolEntry {
  script?: string;
  scriptArgs?: string[];
}

/**
 * A RemoteWorker counting on a warm pool of `concurrency` local worker threads, the same
 * pool and kernels THREADS uses; chunks are SharedArrayBuffers, so threads read them in place.
 */
export async function startRemoteWorker(
  opts: RemoteWorkerOptions & { maxOldGenerationMb: number },
  log: WorkerLog,
  entry: LocalPoolEntry = {},
): Promise<RemoteWorkerProcess> {
  const pool = new WorkerPool({
    type: "thread",
    minWorkers: opts.concurrency,
    maxWorkers: opts.concurrency,
    maxOldGenerationMb: opts.maxOldGenerationMb,
    ...entry,
  });
  await pool.warm();
  const worker = new RemoteWorker(opts, (task) => pool.exec(task), log);
  await worker.start();
  return {
    worker,
    async close() {
      await worker.close();
      await pool.terminate();
    },
  };
}
