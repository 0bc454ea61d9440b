import os from "node:os";
import { createApp } from "../src/app";
import type { ExecutionStrategy } from "../src/engine/execution-strategy";
import { benchConfig, quietApp } from "./bench-config";
import type { BenchPlan } from "./bench-plan";
import type { Log } from "./corpora";
import { CAPITALS_MASK } from "./measure-compute";
import type { CorpusInfo } from "./results.types";
import { roundRobin, spread } from "./sampling";
import type { WorkerScalingRow, WorkerScalingSection } from "./sections.types";

interface ScalingCase {
  strategy: "SEQUENTIAL" | "THREADS";
  workers: number;
}

/**
 * THREADS at each worker count against SEQUENTIAL, compute-only (the engine called
 * in-process, fresh), round-robin. Counts above the pool's maximum (twice the cores) are
 * listed as skipped; counts above the core count are marked oversubscribed.
 */
export async function measureWorkerScaling(
  corpus: CorpusInfo,
  spec: BenchPlan["workerScaling"],
  poolSize: number | undefined,
  log: Log,
): Promise<WorkerScalingSection> {
  const app = await createApp(benchConfig(corpus.dbFile, poolSize), quietApp());
  try {
    const cores = os.availableParallelism();
    const poolMax = app.executors.threads.maxWorkers;
    const counts = spec.workerCounts.filter((w) => w <= poolMax);
    const cases: ScalingCase[] = [
      { strategy: "SEQUENTIAL", workers: 1 },
      ...counts.map((workers): ScalingCase => ({ strategy: "THREADS", workers })),
    ];
    const { warmup, reps } = spec.rounds;
    log(`worker scaling ${corpus.label}: ${cases.length} cases x ${warmup}+${reps} rounds`);
    let reference: number | null = null;
    const recorded = await roundRobin(cases, spec.rounds, async (c) => {
      const started = performance.now();
      const r = await app.stats.compute({
        mask: CAPITALS_MASK,
        strategy: c.strategy as ExecutionStrategy,
        workers: c.strategy === "THREADS" ? c.workers : null,
        chunkSize: null,
        fresh: true,
      });
      const ms = performance.now() - started;
      const total = r.derived.total("CAPITALS");
      reference ??= total;
      if (total !== reference)
        throw new Error(`${c.strategy}(${c.workers}) counted ${total} capitals, not ${reference}`);
      return ms;
    });
    const sequential = spread(recorded[0]);
    const rows = cases.map((c, i): WorkerScalingRow => {
      const wallMs = spread(recorded[i]);
      return {
        strategy: c.strategy,
        workers: c.workers,
        oversubscribed: c.workers > cores,
        wallMs,
        vsSequential: sequential.median / wallMs.median,
      };
    });
    return {
      corpus: corpus.label,
      cores,
      poolMaxWorkers: poolMax,
      skipped: spec.workerCounts.filter((w) => w > poolMax),
      rounds: spec.rounds,
      rows,
    };
  } finally {
    await app.close();
  }
}
