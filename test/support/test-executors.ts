import path from "node:path";
import { parseArgs } from "node:util";
import type { ExecutorOptions } from "../../src/engine";

/** The built test worker entry (test-worker.ts), next to this file in dist/. */
export const TEST_WORKER_JS = path.resolve(__dirname, "test-worker.js");

/** `--task-delay-ms=N`, as the test worker and the test server entries take it. */
export function taskDelayFlag(ms: number): string {
  return `--task-delay-ms=${ms}`;
}

/** N of this process's `--task-delay-ms=N`; 0 without it. */
export function taskDelayOfArgv(): number {
  const { values } = parseArgs({
    options: { "task-delay-ms": { type: "string", default: "0" } },
    strict: false,
  });
  return Number(values["task-delay-ms"]);
}

/**
 * Executor overrides for createApp (`options.executors`) whose pools run the test worker:
 * with `taskDelayMs`, every pool task sleeps that long before counting; the workers also
 * answer the sleep/exit/allocate faults (worker-faults.ts) through `pool.call`.
 */
export function testWorkers(opts: { taskDelayMs?: number } = {}): Partial<ExecutorOptions> {
  return { workerScript: TEST_WORKER_JS, workerArgs: [taskDelayFlag(opts.taskDelayMs ?? 0)] };
}
