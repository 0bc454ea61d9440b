/**
 * Names in Redis. BullMQ's keys live under `<prefix>:<queue>:...`; the executor's own keys
 * (staged chunks, results) under `<prefix>:chunk:` and `<prefix>:result:`, so one prefix
 * (DISTRIBUTED_PREFIX) separates deployments that share a Redis.
 */

/** The chunk jobs every worker consumes. */
export const COUNT_QUEUE = "count";
/** One parent job per query: the flow's fan-in point, removed once its children are done. */
export const QUERY_QUEUE = "query";

export const DEFAULT_PREFIX = "capstats";

export function chunkKey(prefix: string, digest: string): string {
  return `${prefix}:chunk:${digest}`;
}

export function resultKey(prefix: string, jobId: string): string {
  return `${prefix}:result:${jobId}`;
}

/** Job ids are `<queryId>-<task index>`; BullMQ reserves ":" in ids. */
export function jobIdOf(queryId: string, index: number): string {
  return `${queryId}-${index}`;
}

export function parseJobId(jobId: string): { queryId: string; index: number } | null {
  const m = /^(q[0-9a-f]+)-(\d+)$/.exec(jobId);
  return m ? { queryId: m[1], index: Number(m[2]) } : null;
}

/**
 * A worker's BullMQ name, `<host>:<pid>/<concurrency>`: BullMQ puts it in the connection's
 * client name, so CLIENT LIST tells the API host who is connected and how many jobs each
 * takes at once, with no heartbeat of our own (a killed worker's connection closes at once).
 */
export function workerName(id: string, concurrency: number): string {
  return `${id}/${concurrency}`;
}

export function parseWorkerName(name: string): { id: string; concurrency: number } | null {
  const m = /^(.+:\d+)\/(\d+)$/.exec(name);
  return m ? { id: m[1], concurrency: Number(m[2]) } : null;
}
