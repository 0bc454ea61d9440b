import type { ConcreteStrategy, ExecutionStrategy } from "./execution-strategy";

export interface WorkerUsage {
  /** "main", "thread:<id>" or "process:<pid>". */
  worker: string;
  tasks: number;
  /** Time the worker spent on this run's tasks: their readMs + computeMs. */
  busyMs: number;
}

/** What a query's execution cost, measured, never estimated. */
export interface ExecutionReport {
  requestedStrategy: ExecutionStrategy;
  strategy: ConcreteStrategy;
  reason: string;
  /** Workers the query was allowed to keep busy at once. */
  workers: number;
  tasks: number;
  /** Emails per task; null when chunks were balanced by bytes. */
  chunkSize: number | null;
  /** Where the text came from: the shared resident buffer, or SQLite reads by the workers. */
  dataPath: "resident" | "sqlite";
  corpusVersion: number;
  emails: number;
  bytes: number;
  wallMs: number;
  /** Waiting for a heavy-query slot. */
  queueMs: number;
  /** Selecting emails and planning chunks. */
  planMs: number;
  /** Round trips minus work: postMessage/IPC, pool queueing, worker wake-up. */
  dispatchMs: number;
  /** Reading text: loading the resident corpus and workers' SQLite reads. */
  readMs: number;
  /** Kernel time, summed over workers. */
  computeMs: number;
  /** Folding task results into per-email counts. */
  mergeMs: number;
  perWorker: WorkerUsage[];
  cached: boolean;
}
