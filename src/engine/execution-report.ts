import type { ConcreteStrategy, ExecutionStrategy } from "./execution-strategy";
import type { KernelName } from "./kernels/kernel-backend";

export interface WorkerUsage {
  /** "main", "thread:<id>", "process:<pid>", or "<host>:<pid>" for a DISTRIBUTED worker. */
  worker: string;
  tasks: number;
  /** Time the worker spent on this run's tasks: their readMs + computeMs. */
  busyMs: number;
}

/** What a DISTRIBUTED query cost on the way through Redis; measured on the API host. */
export interface DistributedUsage {
  /** BullMQ jobs of the query (one per chunk); the flow's parent is not counted. */
  jobs: number;
  /** Summed over jobs: round trip seen by the API host minus the worker's own time on it. */
  queueWaitMs: number;
  /** Packing, hashing and uploading chunks to Redis (0 when every chunk was staged already). */
  stagingMs: number;
  /** Chunk bytes this query uploaded to Redis; 0 on a corpus version staged before. */
  bytesStaged: number;
  /** Chunk bytes workers downloaded from Redis; 0 when their local caches held every chunk. */
  bytesFetched: number;
  /** Result bytes workers sent back through Redis. */
  bytesReturned: number;
  /** Staged + fetched + returned: everything this query moved through Redis. */
  bytesTransferred: number;
  /** Jobs whose chunk a worker already held in its local cache. */
  chunksCached: number;
  /** Jobs re-run after a worker stopped renewing its lock (BullMQ stalled-job recovery). */
  stalledJobs: number;
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
  /** The counting kernel: the configured one, or JS where the SIMD one cannot load. */
  kernel: KernelName;
  corpusVersion: number;
  emails: number;
  bytes: number;
  /**
   * Wall time, the sum of the phases that follow it up to mergeMs:
   * queueMs + otherMs + loadMs + planMs + executeMs + mergeMs.
   */
  wallMs: number;
  /** Waiting for a heavy-query slot. */
  queueMs: number;
  /** The rest of wallMs: the corpus lock, selecting emails by filter, bookkeeping. */
  otherMs: number;
  /** Checking the corpus version and, when it moved, loading the corpus (off the main thread). */
  loadMs: number;
  /** Selecting emails in the corpus and planning chunks. */
  planMs: number;
  /** From handing the first task to the executor to its last result. */
  executeMs: number;
  /** Folding task results into per-email counts. */
  mergeMs: number;
  /** Work inside executeMs, summed over workers (so it may exceed it): round trips minus
   *  work, i.e. postMessage/IPC, pool queueing, worker wake-up. */
  dispatchMs: number;
  /** Workers reading text from SQLite, summed over workers; 0 on the resident path. */
  readMs: number;
  /** Kernel time, summed over workers. */
  computeMs: number;
  perWorker: WorkerUsage[];
  /** Only for DISTRIBUTED: queue, staging and transfer. */
  distributed: DistributedUsage | null;
  /** When the counting finished. */
  computedAt: Date;
  cached: boolean;
  /** On a cache hit, the request id of the query whose computation this answer reuses. */
  cachedFrom: string | null;
  /** The request id of the query that computed these numbers, when known. */
  computedFor: string | null;
}
