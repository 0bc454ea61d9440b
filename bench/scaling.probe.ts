import fs from "node:fs";
import path from "node:path";
import { createApp } from "../src/app";
import { ExecutionStrategy } from "../src/engine/execution-strategy";
import type { ExecutionReport } from "../src/engine/execution-report";
import { DEFAULT_SEED } from "../src/corpus/synthetic/corpus-options";
import { benchConfig, quietApp } from "./bench-config";
import { corpusSpec } from "./bench-plan";
import { ensureCorpus } from "./corpora";
import { InterferenceMeter } from "./interference";
import { CAPITALS_MASK } from "./measure-compute";
import { measureWorkerScaling } from "./measure-scaling";
import { repoRoot } from "./repo-root";
import { median, roundRobin } from "./sampling";

/** The report's phases, main-thread side first, then what the workers reported. */
const PHASES = ["wallMs", "loadMs", "planMs", "executeMs", "mergeMs", "dispatchMs"] as const;

/**
 * The bench's worker-scaling section alone (THREADS at 1 and 2 workers against SEQUENTIAL,
 * compute-only, round-robin), then the same cases again with each query's report kept, so the
 * medians of its phases show where THREADS loses to SEQUENTIAL, with each thread's on-CPU time
 * (which other processes disturb far less than wall time). Prints the interference.
 * Run: node dist/bench/scaling.probe.js [scale=10] [reps=11]
 */
async function main(): Promise<void> {
  const scale = Number(process.argv[2] ?? 10);
  const reps = Number(process.argv[3] ?? 11);
  const log = (m: string): void => console.error(m);
  const workDir = path.join(repoRoot(), "bench", "results", "tmp");
  const corpus = await ensureCorpus(corpusSpec(scale), workDir, DEFAULT_SEED, log);
  const meter = new InterferenceMeter();
  const rounds = { warmup: 2, reps };
  const section = await measureWorkerScaling(
    corpus,
    { corpus: corpus.label, workerCounts: [1, 2], rounds },
    undefined,
    log,
  );
  for (const r of section.rows) {
    console.log(
      `${r.strategy.padEnd(10)} ${r.workers}  median ${r.wallMs.median.toFixed(1)} ms ` +
        `(p25 ${r.wallMs.p25.toFixed(1)}, p75 ${r.wallMs.p75.toFixed(1)})  x${r.vsSequential.toFixed(2)}`,
    );
  }
  const app = await createApp(benchConfig(corpus.dbFile), quietApp());
  try {
    const cases = [ExecutionStrategy.SEQUENTIAL, ExecutionStrategy.THREADS];
    const reports = await roundRobin(cases, rounds, async (strategy) => {
      const before = threadCpuMs();
      const r = await app.stats.compute({
        mask: CAPITALS_MASK,
        strategy,
        workers: strategy === ExecutionStrategy.THREADS ? 2 : null,
        chunkSize: null,
        fresh: true,
      });
      return { report: r.report, cpu: cpuSince(before) };
    });
    cases.forEach((strategy, i) => {
      console.log(`${strategy}: ${phases(reports[i].map((x) => x.report))}`);
      console.log(`  on-CPU per query: ${cpuLine(reports[i].map((x) => x.cpu))}`);
    });
  } finally {
    await app.close();
  }
  const interference = meter.stop();
  if (interference) {
    console.log(
      `interference: ${(interference.othersShareOfMachine * 100).toFixed(0)}% of the machine ` +
        `(${interference.othersCpuSeconds.toFixed(1)} CPU s by other processes)`,
    );
  }
}

/** On-CPU ms of each of this process's threads (Linux schedstat), by thread id. */
function threadCpuMs(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of fs.readdirSync("/proc/self/task")) {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/schedstat`, "utf8");
      out.set(tid, Number(stat.split(" ")[0]) / 1e6);
    }
  } catch {
    // not Linux, or a thread exited while listed: report what was read
  }
  return out;
}

/** The main thread's CPU, the busiest two other threads' (the workers), and the rest's. */
function cpuSince(before: Map<string, number>): number[] {
  const main = String(process.pid);
  const used = [...threadCpuMs()].map(([tid, ms]) => [tid, ms - (before.get(tid) ?? ms)] as const);
  const others = used.filter(([tid]) => tid !== main).map(([, ms]) => ms);
  others.sort((a, b) => b - a);
  const mainMs = used.find(([tid]) => tid === main)?.[1] ?? 0;
  return [mainMs, others[0] ?? 0, others[1] ?? 0, others.slice(2).reduce((a, b) => a + b, 0)];
}

function cpuLine(samples: number[][]): string {
  const names = ["main", "busiest thread", "second", "all others"];
  return names.map((n, k) => `${n} ${median(samples.map((s) => s[k])).toFixed(1)} ms`).join(", ");
}

function phases(reports: ExecutionReport[]): string {
  const parts: string[] = PHASES.map((p) => `${p} ${median(reports.map((r) => r[p])).toFixed(1)}`);
  const busy = reports.map((r) => Math.max(...r.perWorker.map((w) => w.busyMs)));
  const idle = reports.map((r) => Math.min(...r.perWorker.map((w) => w.busyMs)));
  parts.push(`slowest worker ${median(busy).toFixed(1)}`, `fastest ${median(idle).toFixed(1)}`);
  return parts.join(", ");
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
