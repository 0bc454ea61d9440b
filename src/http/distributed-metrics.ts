import { Counter, Gauge, type Registry } from "prom-client";
import type { DistributedStats } from "../engine";
import { MAX_OPERATION_LABELS } from "./request-metrics";

/** The DISTRIBUTED executor as the gauges read it at scrape time. */
export interface DistributedSource {
  stats(): DistributedStats;
  jobCounts(): Promise<Record<string, number> | null>;
}

/** Jobs finished per remote worker, and the queue's state once `watch` is given the executor. */
export class DistributedMetrics {
  private readonly remoteTasks: Counter<"worker">;
  private readonly workerNames = new Set<string>();

  constructor(private readonly registry: Registry) {
    this.remoteTasks = new Counter({
      name: "capstats_distributed_tasks_total",
      help: "DISTRIBUTED jobs of this server's queries finished, by worker (<host>:<pid>)",
      labelNames: ["worker"],
      registers: [registry],
    });
  }

  /** An executor `onDistributedTask` hook; past MAX_OPERATION_LABELS workers, "other". */
  readonly onTask = (worker: string): void => {
    if (!this.workerNames.has(worker) && this.workerNames.size < MAX_OPERATION_LABELS) {
      this.workerNames.add(worker);
    }
    this.remoteTasks.inc({ worker: this.workerNames.has(worker) ? worker : "other" });
  };

  watch(d: DistributedSource): void {
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
