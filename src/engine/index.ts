/**
 * The engine as a library: the only module code outside src/engine/ imports (tests and the
 * bench may reach inside). Tasks go in, per-email counts and an execution report come out.
 */
export { Engine, type CountRequest, type CountResult } from "./engine";
export { ExecutionStrategy, type ConcreteStrategy } from "./execution-strategy";
export type { DistributedUsage, ExecutionReport, WorkerUsage } from "./execution-report";
export { createExecutors, type ExecutorOptions, type ExecutorSet } from "./exec/executors";
export type { AutoVerdict, Executor, ExecutorRun, Executors, RunOptions } from "./exec/executor";
export type { CountTask, CountTaskResult } from "./exec/worker/task.types";
export type { WorkerPoolStats } from "./exec/pool/worker-pool";
export { checkWorkers } from "./exec/worker-count";
export { countText } from "./kernels/text.kernel";
export type { KernelName } from "./kernels/kernel-backend";
export {
  CorpusMemoryLimitError,
  createCorpusMemory,
  MAX_CORPUS_BYTES,
  type CorpusMemory,
} from "./kernels/simd/corpus-memory";
export {
  CorpusChangedError,
  CountCancelledError,
  CountTimeoutError,
  EngineError,
  EngineOverloadedError,
  InvalidCountRequestError,
  WorkerFailedError,
} from "./errors";
export {
  DistributedNotConfiguredError,
  NoWorkersConnectedError,
  RedisUnreachableError,
} from "./exec/distributed/distributed-errors";
export type { DistributedStats } from "./exec/distributed/distributed.executor";
export { DEFAULT_PREFIX } from "./exec/distributed/keys";
export { checkRedisUrl } from "./exec/distributed/redis-url";
export type { RemoteWorkerOptions } from "./exec/distributed/remote/remote-worker";
export {
  startRemoteWorker,
  type RemoteWorkerProcess,
} from "./exec/distributed/remote/start-remote-worker";
