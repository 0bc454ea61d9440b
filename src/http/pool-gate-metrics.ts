import { Gauge, type Registry } from "prom-client";
import type { WorkerPoolStats } from "../engine";

export interface PoolSource {
  strategy: string;
  stats(): WorkerPoolStats;
}

export interface GateSource {
  name: string;
  stats(): { running: number; waiting: number };
}

/** Gauges of the worker pools and admission gates, read from their stats at scrape time. */
export function watchPoolsAndGates(
  registry: Registry,
  pools: readonly PoolSource[],
  gates: readonly GateSource[],
): void {
  const registers = [registry];
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
}
