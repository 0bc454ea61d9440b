import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { LoadProgress } from "../corpus/csv-loader";
import type { LockMode } from "../locks/lock-types";
import { DistributedMetrics, type DistributedSource } from "./distributed-metrics";
import { EventLoopMetrics } from "./event-loop-metrics";
import { LoadMetrics } from "./load-metrics";
import { watchPoolsAndGates, type GateSource, type PoolSource } from "./pool-gate-metrics";
import { RequestMetrics } from "./request-metrics";

export { MAX_OPERATION_LABELS } from "./request-metrics";

/** What the gauges read at scrape time; nothing is polled between scrapes. */
export interface MetricsSources {
  pools: PoolSource[];
  /** Admission gates by name: "heavy" (stats queries), "analysis" (analysis runs). */
  gates: GateSource[];
  /** The DISTRIBUTED executor, when REDIS_URL is set. */
  distributed?: DistributedSource | null;
}

const LOCK_WAIT_BUCKETS_S = [0, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30];

/**
 * The server's Prometheus metrics, in a Registry of its own (never prom-client's global
 * one), so two apps in one process, as in the tests, keep separate counts. Created first,
 * so the lock manager can report waits from its very first lock; `watch` is called once
 * the pools and gates it reads exist.
 */
export class AppMetrics {
  readonly registry = new Registry();
  private readonly eventLoop = new EventLoopMetrics(this.registry);
  private readonly requests = new RequestMetrics(this.registry);
  private readonly lockWait: Histogram<"lock" | "mode">;
  private readonly rejected: Counter<"reason">;
  private readonly loads: LoadMetrics;
  private readonly distributed: DistributedMetrics;
  /** An executor `onDistributedTask` hook (DistributedMetrics.onTask). */
  readonly onDistributedTask: (worker: string) => void;
  private watching = false;

  constructor() {
    const registers = [this.registry];
    this.lockWait = new Histogram({
      name: "capstats_lock_wait_seconds",
      help: "Time spent waiting to acquire a lock (0 when it was free), by lock kind and mode",
      labelNames: ["lock", "mode"],
      buckets: LOCK_WAIT_BUCKETS_S,
      registers,
    });
    this.rejected = new Counter({
      name: "capstats_http_rejected_total",
      help: "HTTP requests refused before GraphQL saw them, by reason",
      labelNames: ["reason"],
      registers,
    });
    this.loads = new LoadMetrics(this.registry);
    this.distributed = new DistributedMetrics(this.registry);
    this.onDistributedTask = this.distributed.onTask;
    new Gauge({
      name: "capstats_process_resident_memory_bytes",
      help: "Resident set size of the server process (workers not included)",
      registers,
      collect() {
        this.set(process.memoryUsage.rss());
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** Stops what samples in the background (the event-loop delay monitor). */
  close(): void {
    this.eventLoop.close();
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  observeRequest(operationName: string | null, outcome: string, seconds: number): void {
    this.requests.observe(operationName, outcome, seconds);
  }

  /** A LockManager `onAcquired` hook. Dynamic lock names (`run:42`) are labelled by kind (`run`). */
  readonly onLockAcquired = (name: string, mode: LockMode, waitedMs: number): void => {
    this.lockWait.observe({ lock: name.split(":")[0], mode }, waitedMs / 1000);
  };

  httpRejected(reason: string): void {
    this.rejected.inc({ reason });
  }

  /** Runs a load, feeding its progress to the loader gauges (see LoadMetrics.observe). */
  observeLoad<T>(run: (onProgress: (p: LoadProgress) => void) => Promise<T>): Promise<T> {
    return this.loads.observe(run);
  }

  /** Registers the gauges that read pools and gates at scrape time. Call once. */
  watch({ pools, gates, distributed }: MetricsSources): void {
    if (this.watching) throw new Error("AppMetrics.watch must be called once");
    this.watching = true;
    watchPoolsAndGates(this.registry, pools, gates);
    if (distributed) this.distributed.watch(distributed);
  }
}
