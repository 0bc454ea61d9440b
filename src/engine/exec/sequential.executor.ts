import { CountTimeoutError } from "../errors";
import type { Executor, ExecutorRun, RunOptions } from "./executor";
import type { CountTask, CountTaskResult } from "./worker/task.types";

/** Runs one task synchronously; shared with the workers so every strategy counts alike. */
export type TaskRunner = (task: CountTask) => CountTaskResult;

/** Longest the main thread computes before yielding to the event loop. */
const SLICE_MS = 10;

/**
 * SEQUENTIAL: the main thread runs the tasks itself, yielding between tasks once a
 * slice has run for SLICE_MS so other requests get a turn. One task is never
 * interrupted: a single balanced chunk blocks the event loop for its whole duration,
 * which is exactly the baseline the other strategies are measured against.
 */
export class SequentialExecutor implements Executor {
  readonly name = "SEQUENTIAL" as const;
  readonly maxWorkers = 1;
  readonly defaultWorkers = 1;
  readonly sharesMemory = true;
  readonly writesInPlace = "private" as const;

  constructor(private readonly runTask: TaskRunner) {}

  async run(tasks: CountTask[], opts: RunOptions): Promise<ExecutorRun> {
    const started = performance.now();
    const results: CountTaskResult[] = [];
    let readMs = 0;
    let computeMs = 0;
    let sliceStart = performance.now();
    for (const task of tasks) {
      if (opts.signal?.aborted) throw opts.signal.reason;
      if (opts.timeoutMs !== undefined && performance.now() - started > opts.timeoutMs) {
        // The engine's timeout, as the pools report it; a plain Error would be a bug.
        throw new CountTimeoutError(
          `SEQUENTIAL: query exceeded its ${opts.timeoutMs} ms timeout; its remaining tasks were skipped`,
        );
      }
      const r = this.runTask(task);
      results.push(r);
      readMs += r.readMs;
      computeMs += r.computeMs;
      opts.onProgress?.(results.length, tasks.length);
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    const wallMs = performance.now() - started;
    return {
      results,
      wallMs,
      dispatchMs: Math.max(0, wallMs - readMs - computeMs),
      readMs,
      computeMs,
      perWorker: [{ worker: "main", tasks: tasks.length, busyMs: readMs + computeMs }],
    };
  }
}
