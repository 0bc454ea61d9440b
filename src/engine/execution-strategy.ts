/** How a query's work executes. */
export enum ExecutionStrategy {
  /** Picks a strategy and granularity from the size of the work; the report says why. */
  AUTO = "AUTO",
  /** On the main thread, in time slices: the baseline. A large slice blocks the event loop. */
  SEQUENTIAL = "SEQUENTIAL",
  /** On a pool of worker_threads reading the resident corpus with no copy. */
  THREADS = "THREADS",
  /** On a pool of child processes that share no memory and read SQLite themselves. */
  PROCESSES = "PROCESSES",
  /** On worker processes on any host, through BullMQ jobs on Redis (`npm run worker`). */
  DISTRIBUTED = "DISTRIBUTED",
}

export type ConcreteStrategy = Exclude<ExecutionStrategy, ExecutionStrategy.AUTO>;
