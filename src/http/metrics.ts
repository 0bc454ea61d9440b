import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { LoadProgress } from "../corpus/csv-loader";
import type { DistributedStats, WorkerPoolStats } from "../engine";
import type { LockMode } from "../locks/lock-types";
import { EventLoopMetrics } from "./event-loop-metrics";

/** What the gauges read at scrape time; nothing is polled between scrapes. */
export interface MetricsSources {
  pools: { strategy: string; stats(): WorkerPoolStats }[];
  /** Admission gates by name: "heavy" (stats queries), "analysis" (analysis runs). */
  gates: { name: string; stats(): { running: number; waiting: number } }[];
  /** The DISTRIBUTED executor, when REDIS_URL is set. */
  distributed?: {
    stats(): DistributedStats;
    jobCounts(): Promise<Record<string, number> | null>;
  } | null;
}

/**
 * Operation names are chosen by clients, and every distinct label value is a new time
 * series kept forever: past this many, further names are counted as "other", so a client
 * cannot grow the server's memory by inventing names.
 */
export const MAX_OPERATION_LABELS = 100;
const MAX_OPERATION_NAME_LENGTH = 64;

const LATENCY_BUCKETS_S = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];
const LOCK_WAIT_BUCKETS_S = [0, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30];

/**
 * The server's Prometheus metrics, in a Registry of its own (never prom-client's global
 * one), so two apps in one process, as in the tests, keep separate counts. Created first,
 * so the lock manager can report waits from its very first lock; `watch` is called once
 * the pools and gates it reads exist.
 */
export class AppMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<"operation" | "outcome">;
  private readonly latency: Histogram<"operation">;
  private readonly lockWait: Histogram<"lock" | "mode">;
  private readonly rejected: Counter<"reason">;
  private readonly loads: Counter<"result">;
  private readonly loader: Record<"rows" | "bytesRead" | "bytesTotal" | "inProgress", Gauge>;
  private readonly operationNames = new Set<string>();
  private readonly requestSeries = new Map<
    string,
    { count: Counter.Internal; time: Histogram.Internal<"operation"> }
  >();
  private readonly remoteTasks: Counter<"worker">;
  private readonly workerNames = new Set<string>();
  private watching = false;
  private readonly eventLoop = new EventLoopMetrics(this.registry);

  constructor() {
    const registers = [this.registry];
    this.requests = new Counter({
      name: "capstats_graphql_requests_total",
      help: "GraphQL requests by operation name and outcome (ok, or the first error code)",
      labelNames: ["operation", "outcome"],
      registers,
    });
    this.latency = new Histogram({
      name: "capstats_graphql_request_duration_seconds",
      help: "GraphQL request latency from request start to response, by operation name",
      labelNames: ["operation"],
      buckets: LATENCY_BUCKETS_S,
      registers,
    });
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
    this.loads = new Counter({
      name: "capstats_corpus_loads_total",
      help: "Corpus loads run by this server, by result",
      labelNames: ["result"],
      registers,
    });
    this.remoteTasks = new Counter({
      name: "capstats_distributed_tasks_total",
      help: "DISTRIBUTED jobs of this server's queries finished, by worker (<host>:<pid>)",
      labelNames: ["worker"],
      registers,
    });
    const gauge = (name: string, help: string): Gauge => new Gauge({ name, help, registers });
    this.loader = {
      rows: gauge("capstats_loader_rows", "Rows inserted by the current or last corpus load"),
      bytesRead: gauge("capstats_loader_bytes_read", "CSV bytes read by the current or last load"),
      bytesTotal: gauge(
        "capstats_loader_bytes_total",
        "Size of the CSV of the current or last load",
      ),
      inProgress: gauge("capstats_loader_in_progress", "1 while a corpus load runs"),
    };
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
    const operation = this.operationLabel(operationName);
    // Labelled children are looked up once per series: hashing the labels on every request
    // cost more than the rest of the bookkeeping (bounded: operation labels are capped).
    const key = `${operation}\n${outcome}`;
    let series = this.requestSeries.get(key);
    if (!series) {
      series = {
        count: this.requests.labels({ operation, outcome }),
        time: this.latency.labels({ operation }),
      };
      this.requestSeries.set(key, series);
    }
    series.count.inc();
    series.time.observe(seconds);
  }

  /** A LockManager `onAcquired` hook. Dynamic lock names (`run:42`) are labelled by kind (`run`). */
  readonly onLockAcquired = (name: string, mode: LockMode, waitedMs: number): void => {
    this.lockWait.observe({ lock: name.split(":")[0], mode }, waitedMs / 1000);
  };

  /** An executor `onDistributedTask` hook; past MAX_OPERATION_LABELS workers, "other". */
  readonly onDistributedTask = (worker: string): void => {
    if (!this.workerNames.has(worker) && this.workerNames.size < MAX_OPERATION_LABELS) {
      this.workerNames.add(worker);
    }
    this.remoteTasks.inc({ worker: this.workerNames.has(worker) ? worker : "other" });
  };

  httpRejected(reason: string): void {
    this.rejected.inc({ reason });
  }

  /**
   * Runs a load, feeding its progress to the loader gauges. `run` may decide not to load
   * (a database that already holds a corpus): only a load that reported progress or
   * failed is counted.
   */
  async observeLoad<T>(run: (onProgress: (p: LoadProgress) => void) => Promise<T>): Promise<T> {
    let started = false;
    const onProgress = (p: LoadProgress): void => {
      started = true;
      this.loader.inProgress.set(1);
      this.loader.rows.set(p.rows);
      this.loader.bytesRead.set(p.bytesRead);
      this.loader.bytesTotal.set(p.totalBytes);
    };
    try {
      const value = await run(onProgress);
      if (started) this.loads.inc({ result: "ok" });
      return value;
    } catch (err) {
      this.loads.inc({ result: "failed" });
      throw err;
    } finally {
      this.loader.inProgress.set(0);
    }
  }

  private operationLabel(name: string | null): string {
    if (!name) return "anonymous";
    if (this.operationNames.has(name)) return name;
    if (
      name.length > MAX_OPERATION_NAME_LENGTH ||
      this.operationNames.size >= MAX_OPERATION_LABELS
    ) {
      return "other";
    }
    this.operationNames.add(name);
    return name;
  }

  /** Registers the gauges that read pools and gates at scrape time. Call once. */
  watch({ pools, gates, distributed }: MetricsSources): void {
    if (this.watching) throw new Error("AppMetrics.watch must be called once");
    this.watching = true;
    const registers = [this.registry];
    // One gauge per figure, one label value per source; `read` picks the figure from the
    // stats that `current` takes of every source when Prometheus scrapes.
    const perSource =
      <T>(label: string, current: () => (readonly [string, T])[]) =>
      (name: string, help: string, read: (stats: T) => number): void => {
        new Gauge({
          name,
          help,
          labelNames: [label],
          registers,
          collect() {
            for (const [value, stats] of current()) this.set({ [label]: value }, read(stats));
          },
        });
      };
    const perPool = perSource("strategy", () => pools.map((p) => [p.strategy, p.stats()] as const));
    perPool("capstats_pool_workers", "Live workers per pool", (s) => s.totalWorkers);
    perPool("capstats_pool_busy_workers", "Workers running a task", (s) => s.busyWorkers);
    perPool("capstats_pool_queued_tasks", "Tasks waiting for a worker", (s) => s.pendingTasks);
    const gate = perSource("gate", () => gates.map((g) => [g.name, g.stats()] as const));
    gate("capstats_gate_running", "Heavy work running, per admission gate", (s) => s.running);
    gate(
      "capstats_gate_queued",
      "Heavy work waiting for a slot, per admission gate",
      (s) => s.waiting,
    );
    if (distributed) this.watchDistributed(distributed);
  }

  private watchDistributed(d: NonNullable<MetricsSources["distributed"]>): void {
    const registers = [this.registry];
    const read = (name: string, help: string, value: (s: DistributedStats) => number): void => {
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(value(d.stats()));
        },
      });
    };
    read("capstats_distributed_redis_up", "1 while the DISTRIBUTED queue's Redis answers", (s) =>
      s.redisUp ? 1 : 0,
    );
    read(
      "capstats_distributed_workers",
      "Worker processes connected to the queue",
      (s) => s.workers,
    );
    read(
      "capstats_distributed_worker_slots",
      "Jobs the connected workers run at once",
      (s) => s.slots,
    );
    read(
      "capstats_distributed_staged_bytes",
      "Chunk bytes this server keeps staged in Redis",
      (s) => s.stagedBytes,
    );
    new Gauge({
      name: "capstats_distributed_jobs",
      help: "Chunk jobs in the queue by state (all API hosts); absent while Redis is down",
      labelNames: ["state"],
      registers,
      async collect() {
        this.reset();
        const counts = await d.jobCounts().catch(() => null);
        for (const [state, n] of Object.entries(counts ?? {})) this.set({ state }, n);
      },
    });
  }
}
