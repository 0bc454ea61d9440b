import type { KernelBench } from "./kernels/kernel-results.types";

/** The shape of bench/results/latest.json. Times are milliseconds unless a name says otherwise. */
import type { Headline } from "./headline";
import type { Sections } from "./sections.types";

export type StrategyName = "SEQUENTIAL" | "THREADS" | "PROCESSES" | "AUTO";

export const STRATEGIES: readonly StrategyName[] = ["SEQUENTIAL", "THREADS", "PROCESSES", "AUTO"];

/** Summary of the recorded repetitions (warm-up excluded). */
export interface Spread {
  n: number;
  median: number;
  min: number;
  max: number;
  p25: number;
  p75: number;
  mean: number;
}

export interface CorpusInfo {
  label: string;
  scale: number;
  emails: number;
  csvFile: string;
  dbFile: string;
  csvBytes: number;
  rawTextBytes: number;
  firstId: number;
  /** Whether this run generated and loaded it, or reused the files of an earlier run. */
  reused: boolean;
  generateMs: number | null;
  loadMs: number | null;
}

export type Mode = "compute" | "http";
export type Sweep = "workers" | "chunks";

/** One configuration asked of the engine. workers/chunkSize null: the engine's default. */
export interface BenchCase {
  sweep: Sweep;
  strategy: StrategyName;
  workers: number | null;
  chunkSize: number | null;
}

/** Medians of the execution report: the phases of wallMs, then the work summed over workers. */
export interface Breakdown {
  planMs: number;
  queueMs: number;
  otherMs: number;
  loadMs: number;
  executeMs: number;
  dispatchMs: number;
  readMs: number;
  computeMs: number;
  mergeMs: number;
  /** The engine's own wall time (the case's wallMs is measured by the bench around the call). */
  engineWallMs: number;
  /** Median over samples of the bench's time minus the report's wallMs: all but the engine. */
  outsideEngineMs: number;
}

export interface CaseResult extends BenchCase {
  corpus: string;
  mode: Mode;
  /** What the execution report says actually ran. */
  ran: { strategy: string; workers: number; tasks: number; dataPath: string; reason: string };
  wallMs: Spread;
  /** Median of each report field over the recorded repetitions. */
  breakdown: Breakdown;
  totalCapitals: number;
  totalCharacters: number;
  /** Every repetition's counts equal the reference (per email in compute mode, totals over HTTP). */
  agrees: boolean;
  /** Median of SEQUENTIAL (balanced, same corpus and mode) over this median. */
  vsSequential: number | null;
  /** Median of the Python sequential baseline (same corpus) over this median. */
  vsPythonSequential: number | null;
}

export interface PythonVariant {
  name: "sequential" | "pipe2" | "pool2";
  label: string;
  wallMs: Spread;
  totalCapitals: number;
}

export interface PythonCorpusResult {
  corpus: string;
  readMs: number;
  variants: PythonVariant[];
  /** Per-email counts equal Capstats' on every email. */
  agrees: boolean;
  /** When they differ: the emails and the characters the two Unicode versions disagree on. */
  mismatch: PythonMismatch | null;
}

export interface PythonMismatch {
  emails: number;
  pythonTotal: number;
  capstatsTotal: number;
  characters: { codePoint: string; char: string; pythonIsUpper: boolean; capstatsUpper: boolean }[];
}

export interface PythonBaseline {
  available: boolean;
  /** Why it was skipped, when it was. */
  skipped: string | null;
  version: string | null;
  unicodeVersion: string | null;
  corpora: PythonCorpusResult[];
}

export interface LoadResult {
  corpus: string;
  rows: number;
  csvBytes: number;
  loader: Spread;
  sqliteImport: Spread | null;
  sqliteImportRows: number | null;
  /** Why `.import` was not measured, when it was not. */
  sqliteSkipped: string | null;
  /** loader median / sqlite3 .import median (target: at most 3). */
  ratio: number | null;
}

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** The first query on a fresh server, which pays for reading the corpus (warm-up excludes it). */
export interface ColdStart {
  corpus: string;
  strategy: StrategyName;
  firstQueryMs: number;
  /** The report's readMs of that query: the resident corpus load (or index read above the budget). */
  corpusLoadMs: number;
  dataPath: string;
}

export interface MemoryResult {
  benchMaxRssMb: number;
  servers: { corpus: string; mainMaxRssMb: number; processWorkersMaxRssMb: number[] | null }[];
}

export interface ScalingRow {
  corpus: string;
  emails: number;
  rawTextMb: number;
  compute: Partial<Record<StrategyName, number>>;
  http: Partial<Record<StrategyName, number>>;
  pythonSequential: number | null;
}

export interface Machine {
  cpuModel: string;
  cores: number;
  node: string;
  platform: string;
  totalMemGb: number;
  loadAverageStart: number[];
  loadAverageEnd: number[];
  /** CPU the rest of the machine used during the run (Linux); high values mean noisy medians. */
  interference: { othersCpuSeconds: number; othersShareOfMachine: number } | null;
  python: string | null;
  sqlite3: string | null;
}

export interface BenchResults {
  schema: 2;
  startedAt: string;
  durationMs: number;
  mode: string;
  command: string;
  rounds: { warmup: number; reps: number };
  machine: Machine;
  corpora: CorpusInfo[];
  cases: CaseResult[];
  coldStart: ColdStart[];
  python: PythonBaseline;
  load: LoadResult | null;
  /** The kernels alone beside the C reference; null when the run did not measure them. */
  kernels: KernelBench | null;
  memory: MemoryResult;
  scaling: ScalingRow[];
  /** Responsiveness, worker scaling, cached answers, the request path, I/O, end to end. */
  sections: Sections;
  headline: Headline;
}
