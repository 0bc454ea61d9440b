import type { SqliteTask } from "../worker/task.types";
import type { LaidOut } from "../worker/count.task";

/** The API host's side of DISTRIBUTED; see the README's Configuration and Scaling out sections. */
export interface DistributedOptions {
  redisUrl: string;
  /** Key prefix of every queue and key in Redis (DISTRIBUTED_PREFIX). */
  prefix: string;
  /** How long a query waits for a first worker, and tolerates none mid-query, before NO_WORKERS. */
  noWorkersTimeoutMs: number;
  /** Most chunk bytes this API host keeps staged in Redis (DISTRIBUTED_STAGE_MB). */
  stageBudgetBytes: number;
  /** A staged chunk expires this long after its last use (DISTRIBUTED_STAGE_TTL_S). */
  stageTtlMs: number;
  /** AUTO considers DISTRIBUTED at or above this many bytes; 0 never (DISTRIBUTED_AUTO_MIN_MB). */
  autoMinBytes: number;
  /** Most jobs of one query waiting or running at once (the `workers` argument's ceiling). */
  maxWorkers: number;
  /** Names this server's corpus in jobs, so workers retire cached chunks of older versions. */
  corpusId: string;
  /** Reads a SQLite task's text on the API host, to stage it (corpora above the resident budget). */
  readSqlite(task: SqliteTask): LaidOut;
  /** Called once per finished job with the worker that ran it (the /metrics counter). */
  onTaskDone?(worker: string): void;
  /** Connection trouble, for the log (throttled; `skipped` repeats held back); queries report it themselves. */
  onError?(source: string, err: Error, skipped: number): void;
}
