import os from "node:os";
import path from "node:path";
import { DEFAULT_EMAILS, DEFAULT_SEED } from "../src/corpus/synthetic/corpus-options";
import type { KernelPlan } from "./kernels/measure-kernels";

export type BenchMode = "quick" | "default" | "full";

export interface CorpusSpec {
  /** "1x", "10x", "100x": multiples of the default corpus (7,945 emails). */
  label: string;
  scale: number;
  emails: number;
}

export interface Repetitions {
  /** Unrecorded rounds first: JIT, pool growth, page cache, worker SQLite connections. */
  warmup: number;
  reps: number;
}

export interface BenchPlan {
  mode: BenchMode;
  seed: number;
  corpora: CorpusSpec[];
  /** JSON, Markdown and SVG land here: a git-ignored folder unless the run commits results. */
  outDir: string;
  /** Generated CSVs and SQLite files (git-ignored), reused across runs. */
  workDir: string;
  rounds: Repetitions;
  /** Used instead of `rounds` on corpora of scale 100 or more, where one run takes seconds. */
  largeRounds: Repetitions;
  workerCounts: number[];
  /** null is "balanced" (the engine's default: chunks balanced by bytes). */
  chunkSizes: (number | null)[];
  /** The kernel section (default corpus, one thread, beside the C reference). */
  kernels: KernelPlan;
  /** Python baseline rounds per corpus label; corpora not listed are not timed in Python. */
  python: Record<string, Repetitions>;
  load: Repetitions;
  /**
   * Small queries while heavy ones run back to back on `corpus`, one window per strategy in
   * `strategies` (any the server knows: a new strategy joins by being listed).
   */
  responsiveness: {
    corpus: CorpusSpec;
    windowMs: number;
    probeIntervalMs: number;
    strategies: string[];
  };
  /** THREADS against SEQUENTIAL at each worker count, compute-only. */
  workerScaling: { corpus: string; workerCounts: number[]; rounds: Repetitions };
  /** Cached dashboard answers: requests per corpus. */
  cachedRequests: number;
  /** Bare Apollo against Capstats under autocannon. */
  requestPath: { connections: number; durationS: number; rounds: number };
  io: { readers: number[]; repetitions: number };
  /** Commands of the external programs; a missing one skips its measurement, saying so. */
  tools: { python: string; sqlite3: string; cc: string; redisServer: string };
  /** POOL_SIZE for the apps under test; undefined keeps the server default (one per core). */
  poolSize?: number;
  /** The command line that produced the run, for the report. */
  command: string;
}

export function corpusSpec(scale: number): CorpusSpec {
  return { label: `${scale}x`, scale, emails: DEFAULT_EMAILS * scale };
}

/** 1, 2, the core count and twice the core count (oversubscription), without repeats. */
export function workerCountsFor(cores: number): number[] {
  return [...new Set([1, 2, cores, 2 * cores])].sort((a, b) => a - b);
}

/** Where results go: committed only when asked, so a plain run leaves the tree clean. */
export function outDirFor(root: string, commit: boolean): string {
  return commit
    ? path.join(root, "bench", "results")
    : path.join(root, "bench", "results", "local");
}

/** The plan of a mode, before command-line overrides. */
export function planFor(
  mode: BenchMode,
  root: string,
  cores = os.availableParallelism(),
): BenchPlan {
  const quick = mode === "quick";
  const corpora = [corpusSpec(1), corpusSpec(10), ...(mode === "full" ? [corpusSpec(100)] : [])];
  const python: Record<string, Repetitions> = quick
    ? { "1x": { warmup: 1, reps: 3 } }
    : { "1x": { warmup: 1, reps: 7 }, "10x": { warmup: 1, reps: 3 } };
  if (mode === "full") python["100x"] = { warmup: 0, reps: 1 };
  return {
    mode,
    seed: DEFAULT_SEED,
    corpora,
    outDir: outDirFor(root, false),
    workDir: path.join(root, "bench", "results", "tmp"),
    rounds: quick ? { warmup: 1, reps: 3 } : { warmup: 2, reps: 7 },
    largeRounds: { warmup: 1, reps: 3 },
    workerCounts: workerCountsFor(cores),
    chunkSizes: quick ? [1, 100, null] : [1, 10, 100, 1000, null],
    kernels: quick ? { rounds: 3, repsPerRound: 5 } : { rounds: 5, repsPerRound: 7 },
    python,
    load: quick ? { warmup: 1, reps: 2 } : { warmup: 1, reps: 5 },
    responsiveness: {
      corpus: corpusSpec(8),
      windowMs: quick ? 2000 : 5000,
      probeIntervalMs: 10,
      // DISTRIBUTED gets a private Redis and one worker process per pool worker (server-cluster.ts).
      strategies: ["THREADS", "PROCESSES", "DISTRIBUTED", "SEQUENTIAL"],
    },
    // Eleven rounds even in --quick: the scaling figure is a median of at least eleven.
    workerScaling: {
      corpus: "10x",
      workerCounts: [1, 2, 4, 8, 16],
      rounds: { warmup: 2, reps: 11 },
    },
    // A p99 of 200 answers is the second slowest; of 1,000, the tenth. At about 1 ms each, the
    // larger sample costs a second or two and says what a dashboard user sees one time in 100.
    cachedRequests: quick ? 1000 : 2000,
    // Short alternating rounds: drift on a shared machine then hits both servers alike.
    requestPath: { connections: 10, durationS: quick ? 2 : 3, rounds: quick ? 3 : 5 },
    io: { readers: [2, 4], repetitions: 8 },
    tools: { python: "python3", sqlite3: "sqlite3", cc: "cc", redisServer: "redis-server" },
    command: `npm run bench${quick ? " -- --quick" : mode === "full" ? " -- --full" : ""}`,
  };
}

export function roundsFor(plan: BenchPlan, spec: CorpusSpec): Repetitions {
  return spec.scale >= 100 ? plan.largeRounds : plan.rounds;
}
