import type { Config } from "../config";
import { NotImplementedError } from "../errors/client-errors";
import { ExecutionStrategy } from "./execution-strategy";
import type { Executors } from "./engine";
import type { Executor, ExecutorRun } from "./executor";
import { SequentialExecutor } from "./sequential.executor";
import { countSegments } from "./kernels/text.kernel";
import type { CountTask, CountTaskResult } from "./task.types";

export interface ExecutorSet {
  byStrategy: Executors;
  close(): Promise<void>;
}

function runInline(task: CountTask): CountTaskResult {
  if (task.kind !== "resident")
    throw new NotImplementedError("streaming from SQLite is not implemented yet");
  const started = performance.now();
  const r = countSegments(new Uint8Array(task.bytes), task.starts, task.ends, task.mask);
  return {
    counts: r.counts,
    edges: r.edges,
    worker: "main",
    readMs: 0,
    computeMs: performance.now() - started,
  };
}

class Unavailable implements Executor {
  readonly maxWorkers = 64;
  readonly defaultWorkers = 1;
  readonly sharesMemory = false;
  constructor(readonly name: "THREADS" | "PROCESSES") {}
  async run(): Promise<ExecutorRun> {
    throw new NotImplementedError(`${this.name} is not implemented yet; use SEQUENTIAL or AUTO`);
  }
}

export async function createExecutors(_config: Config): Promise<ExecutorSet> {
  return {
    byStrategy: {
      [ExecutionStrategy.SEQUENTIAL]: new SequentialExecutor(runInline),
      [ExecutionStrategy.THREADS]: new Unavailable("THREADS"),
      [ExecutionStrategy.PROCESSES]: new Unavailable("PROCESSES"),
    },
    close: async () => undefined,
  };
}
