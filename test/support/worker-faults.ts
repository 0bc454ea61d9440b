import type { WorkerEnv } from "../../src/engine/exec/worker/worker-env";

export type FaultName = "sleep" | "exit" | "allocate";

/** 1 MiB of doubles: a packed double array keeps its elements on the V8 heap, unlike a Buffer. */
const DOUBLES_PER_MB = 131072;

/**
 * Fault injection, registered by the test worker entry (test-worker.ts) only: the production
 * entry has no such methods, so a production worker can never be told to exit or exhaust its
 * heap. Run one in a pool's worker with `pool.call(name, [arg])`.
 */
export function createFaults(env: WorkerEnv): Record<FaultName, (arg: number) => unknown> {
  return {
    /** Blocks the worker like a long kernel call would: it cannot even answer a cancel. */
    sleep(ms: number): string {
      checkNatural("sleep ms", ms);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      return env.worker;
    },
    exit(code: number): never {
      checkNatural("exit code", code);
      // In a worker thread this ends the thread only, which is the crash being simulated.
      process.exit(code);
    },
    /** Keeps mb MiB alive on the heap; beyond the worker's limit, V8 kills it first. */
    allocate(mb: number): number {
      checkNatural("allocate mb", mb);
      const keep: number[][] = [];
      for (let i = 0; i < mb; i++) keep.push(new Array<number>(DOUBLES_PER_MB).fill(i + 0.5));
      return keep.length;
    },
  };
}

function checkNatural(what: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${value}`);
  }
}
