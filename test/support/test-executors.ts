import path from "node:path";
import { parseArgs } from "node:util";
import type { ExecutorOptions } from "../../src/engine";

/** The built test worker entry (test-worker.ts), next to this file in dist/. */
export const TEST_WORKER_JS = path.resolve(__dirname, "test-worker.js");

/**
 * The arguments of the test worker and test server entries. `--serve` is required: `node
 * --test dist/test/` runs every file under dist/test/ as a test, and run that way, without
 * it, an entry does nothing. `--task-delay-ms=N` makes every pool task sleep N ms first.
 */
export function entryArgs(taskDelayMs = 0): string[] {
  return ["--serve", `--task-delay-ms=${taskDelayMs}`];
}

/** This entry's arguments: null without `--serve`, else the task delay. */
export function entryOptionsOfArgv(): { taskDelayMs: number } | null {
  const { values } = parseArgs({
    options: {
      serve: { type: "boolean", default: false },
      "task-delay-ms": { type: "string", default: "0" },
    },
    strict: false,
  });
  return values.serve === true ? { taskDelayMs: Number(values["task-delay-ms"]) } : null;
}

/**
 * Executor overrides for createApp (`options.executors`) whose pools run the test worker:
 * with `taskDelayMs`, every pool task sleeps that long before counting; the workers also
 * answer the sleep/exit/allocate faults (worker-faults.ts) through `pool.call`.
 */
export function testWorkers(opts: { taskDelayMs?: number } = {}): Partial<ExecutorOptions> {
  return { workerScript: TEST_WORKER_JS, workerArgs: entryArgs(opts.taskDelayMs) };
}
