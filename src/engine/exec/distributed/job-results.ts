import type { CountTaskResult } from "../worker/task.types";
import type { StagedChunk } from "./chunk-stager";
import { decodeResult } from "./chunk-format";
import type { CountJobResult } from "./job.types";

export interface QueryOutcome {
  results: CountTaskResult[];
  metas: CountJobResult[];
  roundTripMs: number[];
  stalledJobs: number;
}

/** What a query's jobs returned, by chunk index, and when each was let start. */
export class JobResults {
  readonly total: number;
  finished = 0;
  private readonly results: CountTaskResult[];
  private readonly metas: CountJobResult[];
  private readonly sentAt: number[];
  private readonly roundTripMs: number[];
  private readonly taken: Uint8Array;

  constructor(
    private readonly chunks: readonly StagedChunk[],
    private readonly mask: number,
  ) {
    this.total = chunks.length;
    this.results = new Array(this.total);
    this.metas = new Array(this.total);
    this.sentAt = new Array(this.total).fill(0);
    this.roundTripMs = new Array(this.total).fill(0);
    this.taken = new Uint8Array(this.total);
  }

  /** The job of `index` may start now: its round trip is measured from here. */
  sent(index: number, now = performance.now()): void {
    this.sentAt[index] = now;
  }

  /** Claims `index` for the first result that arrives; false if unknown or already claimed. */
  take(index: number): boolean {
    if (index >= this.total || this.taken[index] === 1) return false;
    this.taken[index] = 1;
    return true;
  }

  /** No result for `index` has arrived yet. */
  pending(index: number): boolean {
    return index < this.total && this.taken[index] === 0;
  }

  /** Stores a taken job's result as read from Redis. */
  store(index: number, meta: CountJobResult, buf: Buffer): void {
    const { counts, edges, holds } = decodeResult(buf, this.chunks[index].segments, this.mask);
    this.results[index] = {
      counts,
      edges,
      holds,
      worker: meta.worker,
      readMs: meta.fetchMs,
      computeMs: meta.computeMs,
    };
    this.metas[index] = meta;
    this.roundTripMs[index] = performance.now() - this.sentAt[index];
    this.finished++;
  }

  outcome(stalledJobs: number): QueryOutcome {
    return {
      results: this.results,
      metas: this.metas,
      roundTripMs: this.roundTripMs,
      stalledJobs,
    };
  }
}
