import * as workerpool from "workerpool";
import { ALL_METRICS_MASK, METRIC_INDEX } from "../../../metrics/metrics";
import { countText } from "../../kernels/text.kernel";
import type { CountTask, CountTaskResult } from "./task.types";
import { runCountTask, type PackedResidentTask } from "./count.task";
import { createTestHooks } from "./test-hooks";
import { WorkerEnv, workerIdOfThisContext } from "./worker-env";

type Transfer = InstanceType<typeof workerpool.Transfer>;

/**
 * The workerpool entry. Written against workerpool's own transport so one file serves both a
 * worker thread (postMessage) and a forked child process (IPC): workerpool picks the side.
 */
function main(): void {
  const env = new WorkerEnv(workerIdOfThisContext());
  const methods: Record<string, (...args: never[]) => unknown> = {
    count: (task: CountTask | PackedResidentTask) => transferable(runCountTask(task, env)),
    warm: () => {
      // Importing the kernel already built the BMP table; running both code paths once also
      // gets them past V8's interpreter before the first real query.
      countText("Warm Up, ÉCOLE 12\n", 1 << METRIC_INDEX.CAPITALS);
      countText("Warm Up, ÉCOLE 12\n", ALL_METRICS_MASK);
      return env.worker;
    },
  };
  if (process.env.CAPSTATS_TEST_HOOKS === "1") {
    const hooks = createTestHooks(env);
    Object.assign(methods, hooks, {
      count: (task: CountTask | PackedResidentTask) => {
        if (task.testDelayMs) hooks.sleep(task.testDelayMs);
        return transferable(runCountTask(task, env));
      },
    });
  }
  workerpool.worker(methods, { onTerminate: () => env.close() });
}

/**
 * Moves the result arrays to the main thread instead of copying them. Only their own,
 * unshared buffers are listed: transferring a buffer detaches every view on it. A child
 * process ignores the transfer list (IPC always copies).
 */
function transferable(result: CountTaskResult): CountTaskResult | Transfer {
  const list: ArrayBuffer[] = [];
  for (const view of [result.counts, result.edges]) {
    const buf = view.buffer;
    if (buf instanceof ArrayBuffer && buf.byteLength === view.byteLength && !list.includes(buf)) {
      list.push(buf);
    }
  }
  return list.length > 0 ? new workerpool.Transfer(result, list) : result;
}

main();
