import os from "node:os";
import { isMainThread } from "node:worker_threads";

/** Where a pool tells its workers how nice to be (0 leaves the priority alone). */
export const WORKER_NICE_ENV = "CAPSTATS_WORKER_NICE";

/**
 * Lowers this worker's CPU priority by `nice` below the server's (which the worker inherits),
 * so a server started with `nice -n -15` gets workers at -5, not 10. Counting keeps every core busy, and the
 * server's event loop then waits for a core like everyone else: a small query arriving
 * during a heavy one waited a scheduler time slice or more. A nice worker yields the core
 * as soon as the main thread wakes up, and loses nothing when the main thread is idle.
 *
 * A child process sets its own priority. A worker thread can set only its own, and only on
 * Linux, where priorities are per thread; elsewhere the call would slow the whole server, so
 * threads there keep the default. Returns the nice value applied, or null.
 */
export function lowerWorkerPriority(nice: number): number | null {
  if (!Number.isInteger(nice) || nice <= 0) return null;
  if (!isMainThread && process.platform !== "linux") return null;
  // Relative, as nice(1) is: at an absolute 10 the workers of a server run at -15 lost their
  // cores to every ordinary process on the machine, and THREADS ran slower than SEQUENTIAL.
  os.setPriority(Math.min(os.getPriority() + nice, 19));
  return os.getPriority();
}
