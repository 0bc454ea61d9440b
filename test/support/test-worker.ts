import fs from "node:fs";
import { serveCountWorker } from "../../src/engine/exec/worker/serve-worker";
import { entryOptionsOfArgv } from "./test-executors";
import { createFaults } from "./worker-faults";

/**
 * A pool worker entry for tests: the engine's count worker plus the sleep/exit/allocate
 * faults; with `--task-delay-ms=N` every count task first sleeps N ms, so a query is slow
 * on purpose (overload, timeout and kill tests). Pools run it through testWorkers(), or with
 * `script: TEST_WORKER_JS, scriptArgs: entryArgs()`.
 */
const options = entryOptionsOfArgv();

if (options) {
  const { taskDelayMs, dieOnceFile } = options;
  let tasks = 0;
  serveCountWorker((env, standard) => {
    const faults = createFaults(env);
    return {
      ...faults,
      count: (task: Parameters<typeof standard.count>[0]) => {
        if (++tasks === 2 && dieOnceFile !== null && claimDeath(dieOnceFile)) faults.exit(1);
        if (taskDelayMs > 0) faults.sleep(taskDelayMs);
        return standard.count(task);
      },
    };
  });
}

/** True for the one worker that creates `file` (the others find it there). */
function claimDeath(file: string): boolean {
  try {
    fs.closeSync(fs.openSync(file, "wx"));
    return true;
  } catch {
    return false;
  }
}
