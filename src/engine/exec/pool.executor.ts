import type { Executor, ExecutorRun, RunOptions } from "./executor";
import { runTasks } from "./pool/scheduler";
import type { ExecOptions, WorkerPool, WorkerPoolStats } from "./pool/worker-pool";
import { runClaimed } from "./pool/claimed-run";
import { packClaims } from "./pool/claim-packing";
import type { InPlaceMemory } from "../plan/shared-output";
import type { CountTask, ResidentTask } from "./worker/task.types";
import { toEngineError } from "./pool/pool-error-translation";

/**
 * THREADS and PROCESSES: a query's tasks go to a shared, warm workerpool, at most
 * `workers` of them in flight. Threads read the resident SharedArrayBuffer with no
 * copy and write their counts into the engine's shared result matrix (claiming balanced tasks
 * from a shared cursor); processes share no memory, so the engine gives them SQLite tasks and
 * each reads its own slice of the database.
 */
export class PoolExecutor implements Executor {
  readonly sharesMemory: boolean;
  readonly writesInPlace: InPlaceMemory | null;

  constructor(
    readonly name: "THREADS" | "PROCESSES",
    private readonly pool: WorkerPool,
    readonly defaultWorkers: number,
    readonly maxWorkers: number,
  ) {
    this.sharesMemory = name === "THREADS";
    this.writesInPlace = this.sharesMemory ? "shared" : null;
  }

  async run(tasks: CountTask[], opts: RunOptions): Promise<ExecutorRun> {
    try {
      const exec = (task: CountTask, o: ExecOptions) => this.pool.exec(task, o);
      const claims =
        opts.claim === true && this.pool.type === "thread" && tasks.every(isResident)
          ? packClaims(tasks)
          : null;
      const run = claims
        ? await runClaimed(
            (packed, cursor, o) => this.pool.execClaimed(packed, cursor, o),
            exec,
            tasks,
            claims,
            opts,
          )
        : await runTasks(exec, tasks, opts);
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

function isResident(task: CountTask): task is ResidentTask {
  return task.kind === "resident";
}
