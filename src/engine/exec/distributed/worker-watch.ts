import { NoWorkersConnectedError, RedisUnreachableError } from "./distributed-errors";
import type { WorkerRegistry } from "./worker-registry";

export interface WorkerWatchDeps {
  registry: WorkerRegistry;
  redisLabel: string;
  redisUp(): boolean;
}

/**
 * Looks, on each call, at what a running query depends on: Redis answering, and some worker
 * connected within noWorkersMs of the last one leaving.
 */
export class WorkerWatch {
  private noneSince: number | null = null;

  constructor(
    private readonly deps: WorkerWatchDeps,
    private readonly noWorkersMs: number,
    private readonly progress: { readonly finished: number; readonly total: number },
  ) {}

  /** The error the query should fail with, or null; throws what Redis threw. */
  async check(): Promise<Error | null> {
    if (!this.deps.redisUp()) {
      return new RedisUnreachableError(this.deps.redisLabel, "connection lost mid-query");
    }
    const workers = await this.deps.registry.list();
    if (workers.length > 0) {
      this.noneSince = null;
      return null;
    }
    this.noneSince ??= performance.now();
    const waited = performance.now() - this.noneSince;
    if (waited < this.noWorkersMs) return null;
    const { finished, total } = this.progress;
    return new NoWorkersConnectedError(this.deps.redisLabel, Math.round(waited), finished, total);
  }
}
