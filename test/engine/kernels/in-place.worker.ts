import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { runCountTask } from "../../../src/engine/exec/worker/count.task";
import type { ResidentTask } from "../../../src/engine/exec/worker/task.types";
import { WorkerEnv, workerIdOfThisContext } from "../../../src/engine/exec/worker/worker-env";
import { kernelFor } from "../../../src/engine/kernels/kernel-selection";
import { InPlaceSimdKernel } from "../../../src/engine/kernels/simd/in-place.kernel";

/** workerData that makes this file a worker; run any other way (node --test), it does nothing. */
export const IN_PLACE_WORKER = "in-place-kernel-test-worker";

/**
 * A worker thread that runs each resident task it is sent as a pool worker does
 * (runCountTask), and says whether the kernel that counted it read its corpus memory in place.
 */
if (!isMainThread && parentPort && workerData === IN_PLACE_WORKER) {
  const port = parentPort;
  const env = new WorkerEnv(workerIdOfThisContext());
  port.on("message", (task: ResidentTask) => {
    const kernel = kernelFor(task.kernel, task.memory);
    const result = runCountTask(task, env);
    const inPlace = kernel instanceof InPlaceSimdKernel && kernel.holds(task.bytes);
    port.postMessage({ result, inPlace });
  });
}
