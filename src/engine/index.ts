/**
 * The engine as a library: the only module code outside src/engine/ imports (tests and the
 * bench may reach inside). Tasks go in, per-email counts and an execution report come out.
 */
export { Engine, type CountRequest, type CountResult } from "./engine";
export { ExecutionStrategy, type ConcreteStrategy } from "./execution-strategy";
export type { ExecutionReport, WorkerUsage } from "./execution-report";
export { createExecutors, type ExecutorOptions, type ExecutorSet } from "./exec/executors";
export type { Executor, ExecutorRun, Executors, RunOptions } from "./exec/executor";
export type { CountTask, CountTaskResult } from "./exec/worker/task.types";
export type { WorkerPoolStats } from "./exec/pool/worker-pool";
export { checkWorkers } from "./exec/worker-count";
export { countText } from "./kernels/text.kernel";
export {
  CorpusChangedError,
  CountCancelledError,
  CountTimeoutError,
  EngineError,
  EngineOverloadedError,
  InvalidCountRequestError,
  WorkerFailedError,
} from "./errors";
