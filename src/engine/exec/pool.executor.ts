import type { Executor, ExecutorRun, RunOptions } from "./executor";
import { runTasks } from "./pool/scheduler";
import type { WorkerPool, WorkerPoolStats } from "./pool/worker-pool";
import type { CountTask } from "./worker/task.types";
import { toEngineError } from "./pool/pool-error-translation";

/**
 * THREADS and PROCESSES: a query's tasks go to a shared, warm workerpool, at most
 * `workers` of them in flight. Threads read the resident SharedArrayBuffer with no
 * copy; processes share no memory, so the engine gives them SQLite tasks and each
 * reads its own slice of the database.
 */
export class PoolExecutor implements Executor {
  readonly sharesMemory: boolean;

  constructor(
    readonly name: "THREADS" | "PROCESSES",
    private readonly pool: WorkerPool,
    readonly defaultWorkers: number,
    readonly maxWorkers: number,
  ) {
    this.sharesMemory = name === "THREADS";
  }

  async run(tasks: CountTask[], opts: RunOptions): Promise<ExecutorRun> {
    try {
      const run = await runTasks((task, o) => this.pool.exec(task, o), tasks, opts);
      return {
        results: run.results,
        wallMs: run.timing.wallMs,
        dispatchMs: run.timing.queueAndDispatchMs,
        readMs: run.timing.readMs,
        computeMs: run.timing.computeMs,
        perWorker: run.timing.perWorker,
      };
    } catch (err) {
      throw toEngineError(err, this.name);
    }
  }

  stats(): WorkerPoolStats {
    return this.pool.stats();
  }
}
