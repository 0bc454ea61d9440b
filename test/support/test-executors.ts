import path from "node:path";
import { parseArgs } from "node:util";
import type { ExecutorOptions } from "../../src/engine";

/** The built test worker entry (test-worker.ts), next to this file in dist/. */
export const TEST_WORKER_JS = path.resolve(__dirname, "test-worker.js");

/**
 * The arguments of the test worker and test server entries. `--serve` is required: `node
 * --test dist/test/` runs every file under dist/test/ as a test, and run that way, without
 * it, an entry does nothing. `--task-delay-ms=N` makes every pool task sleep N ms first;
 * with `--die-once=FILE`, the first worker to start its second count task creates FILE and
 * exits (one death per pool, whichever worker it strikes).
 */
export function entryArgs(taskDelayMs = 0, dieOnceFile?: string): string[] {
  const args = ["--serve", `--task-delay-ms=${taskDelayMs}`];
  return dieOnceFile === undefined ? args : [...args, `--die-once=${dieOnceFile}`];
}

/** This entry's arguments: null without `--serve`, else the task delay and the death file. */
export function entryOptionsOfArgv(): { taskDelayMs: number; dieOnceFile: string | null } | null {
  const { values } = parseArgs({
    options: {
      serve: { type: "boolean", default: false },
      "task-delay-ms": { type: "string", default: "0" },
      "die-once": { type: "string" },
    },
    strict: false,
  });
  if (values.serve !== true) return null;
  const die = values["die-once"];
  return {
    taskDelayMs: Number(values["task-delay-ms"]),
    dieOnceFile: typeof die === "string" ? die : null,
  };
}

/**
 * Executor overrides for createApp (`options.executors`) whose pools run the test worker:
 * with `taskDelayMs`, every pool task sleeps that long before counting; the workers also
 * answer the sleep/exit/allocate faults (worker-faults.ts) through `pool.call`.
 */
export function testWorkers(opts: { taskDelayMs?: number } = {}): Partial<ExecutorOptions> {
  return { workerScript: TEST_WORKER_JS, workerArgs: entryArgs(opts.taskDelayMs) };
}
