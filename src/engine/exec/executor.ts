import type { ConcreteStrategy } from "../execution-strategy";
import type { DistributedUsage, WorkerUsage } from "../execution-report";
import type { CountTask, CountTaskResult } from "./worker/task.types";
import type { InPlaceMemory } from "../plan/shared-output";

export interface RunOptions {
  /** Most of this run's tasks in flight at once: how `workers` caps a shared pool. */
  concurrency: number;
  signal?: AbortSignal;
  /** Budget for the whole run; when it runs out, every task still in flight is cancelled. */
  timeoutMs?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * The tasks are interchangeable slices of one balanced plan: an executor may let its
   * workers claim them as they free up instead of dispatching them one round trip each.
   */
  claim?: boolean;
}

export interface ExecutorRun {
  results: CountTaskResult[];
  wallMs: number;
  dispatchMs: number;
  readMs: number;
  computeMs: number;
  perWorker: WorkerUsage[];
  /** What the queue and the staging cost; only DISTRIBUTED has one. */
  distributed?: DistributedUsage;
}

/** Runs count tasks somewhere: the main thread, a thread pool, a process pool, a queue. */
export interface Executor {
  readonly name: `${ConcreteStrategy}`;
  /** Workers available to one query at most (above the core count is oversubscription). */
  readonly maxWorkers: number;
  /** Workers a query gets when it names none: one per core. */
  readonly defaultWorkers: number;
  /** Whether tasks may point into the resident SharedArrayBuffer. */
  readonly sharesMemory: boolean;
  /**
   * Whether its tasks may carry `into`, rows of a result matrix they fill in place (their
   * results then carry no counts), and in what memory: the main thread's own ("private"),
   * or a SharedArrayBuffer its worker threads see ("shared"). Null: results are merged.
   */
  readonly writesInPlace: InPlaceMemory | null;
  run(tasks: CountTask[], opts: RunOptions): Promise<ExecutorRun>;
  /**
   * For AUTO, about `bytes` of work: whether this executor should take it, and why (or why
   * not). Executors without it are AUTO's own business (SEQUENTIAL, THREADS).
   */
  autoVerdict?(bytes: number): AutoVerdict;
}

export interface AutoVerdict {
  eligible: boolean;
  reason: string;
}

export type Executors = Record<ConcreteStrategy, Executor>;
