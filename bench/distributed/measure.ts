import fs from "node:fs";
import path from "node:path";
import type { App } from "../../src/app";
import type { ExecutionStrategy } from "../../src/engine/execution-strategy";
import type { ExecutionReport } from "../../src/engine/execution-report";
import { CAPITALS_MASK } from "../measure-compute";
import type { Log } from "../corpora";
import { median } from "../sampling";
import type { CorpusInfo } from "../results.types";
import type { RedisServer } from "../../test/support/redis-server";
import { startBenchCluster } from "./cluster";

export interface Timing {
  corpus: string;
  strategy: string;
  workers: number;
  chunkSize: number | null;
  /** Median wall time of the recorded queries (compute-only, fresh). */
  medianMs: number;
  samplesMs: number[];
  jobs: number;
  report: ExecutionReport;
}

export interface ColdWarm {
  corpus: string;
  workers: number;
  /** First query on an empty Redis and fresh workers: staging and every download. */
  coldMs: number;
  coldReport: ExecutionReport;
  /** First query after a reload of the same text: new version, chunks already in Redis. */
  afterReloadMs: number | null;
  afterReloadReport: ExecutionReport | null;
  warmMs: number;
}

export interface Plan {
  workerCounts: number[];
  reps: number;
  /** chunkSize sweep for the per-job overhead, on the first corpus with 2 workers. */
  chunkSizes: number[];
}

async function query(
  app: App,
  strategy: string,
  workers: number,
  chunkSize: number | null,
): Promise<{ ms: number; report: ExecutionReport }> {
  const t0 = performance.now();
  const r = await app.stats.compute({
    mask: CAPITALS_MASK,
    strategy: strategy as ExecutionStrategy,
    workers,
    chunkSize,
    fresh: true,
  });
  return { ms: performance.now() - t0, report: r.report };
}

async function timing(
  app: App,
  corpus: string,
  strategy: string,
  workers: number,
  chunkSize: number | null,
  reps: number,
): Promise<Timing> {
  await query(app, strategy, workers, chunkSize); // warm-up: pools, caches, JIT
  const samples: number[] = [];
  let last: ExecutionReport | null = null;
  for (let i = 0; i < reps; i++) {
    const r = await query(app, strategy, workers, chunkSize);
    samples.push(r.ms);
    last = r.report;
  }
  return {
    corpus,
    strategy,
    workers,
    chunkSize,
    medianMs: median(samples),
    samplesMs: samples,
    jobs: last!.tasks,
    report: last!,
  };
}

/**
 * Per corpus and worker count: a cluster of that many worker processes on an empty Redis;
 * the cold first query, then DISTRIBUTED, THREADS and PROCESSES with the same worker count.
 * On the first corpus, also a chunkSize sweep (per-job overhead) and a reload.
 */
export async function measureDistributed(
  redis: RedisServer,
  corpora: CorpusInfo[],
  plan: Plan,
  workDir: string,
  log: Log,
): Promise<{ timings: Timing[]; coldWarm: ColdWarm[] }> {
  const timings: Timing[] = [];
  const coldWarm: ColdWarm[] = [];
  for (const [ci, corpus] of corpora.entries()) {
    // A copy, so the reload below leaves the bench's cached corpus at its recorded version.
    const dbFile = path.join(workDir, `distributed-${corpus.label}.db`);
    fs.copyFileSync(corpus.dbFile, dbFile);
    for (const n of plan.workerCounts) {
      log(`distributed ${corpus.label}: ${n} worker process(es)`);
      const cluster = await startBenchCluster(redis, dbFile, n);
      try {
        const { app } = cluster;
        const cold = await query(app, "DISTRIBUTED", n, null);
        const d = await timing(app, corpus.label, "DISTRIBUTED", n, null, plan.reps);
        timings.push(d);
        for (const strategy of ["THREADS", "PROCESSES"]) {
          timings.push(await timing(app, corpus.label, strategy, n, null, plan.reps));
        }
        let afterReload: { ms: number; report: ExecutionReport } | null = null;
        if (ci === 0) {
          await app.reload.reload(corpus.csvFile);
          afterReload = await query(app, "DISTRIBUTED", n, null);
        }
        coldWarm.push({
          corpus: corpus.label,
          workers: n,
          coldMs: cold.ms,
          coldReport: cold.report,
          afterReloadMs: afterReload?.ms ?? null,
          afterReloadReport: afterReload?.report ?? null,
          warmMs: d.medianMs,
        });
        if (ci === 0 && n === 2) {
          for (const chunkSize of plan.chunkSizes) {
            log(`distributed ${corpus.label}: chunkSize ${chunkSize}`);
            for (const strategy of ["DISTRIBUTED", "THREADS"]) {
              timings.push(await timing(app, corpus.label, strategy, n, chunkSize, plan.reps));
            }
          }
        }
      } finally {
        await cluster.close();
      }
    }
    fs.rmSync(dbFile, { force: true });
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
  }
  return { timings, coldWarm };
}
