import os from "node:os";
import path from "node:path";
import { DEFAULT_EMAILS, DEFAULT_SEED } from "../src/corpus/synthetic/corpus-options";
import type { KernelPlan } from "./kernels/measure-kernels";
import {
  parseCommandLine,
  UsageError,
  type CommandSpec,
  type OptionValues,
} from "../src/cli/command-line";

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
  /** JSON, Markdown and SVG land here. */
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
  responsiveness: { corpus: string; windowMs: number; probeIntervalMs: number };
  /** Commands of the external programs; a missing one skips its measurement, saying so. */
  tools: { python: string; sqlite3: string; cc: string };
  /** POOL_SIZE for the apps under test; undefined keeps the server default (one per core). */
  poolSize?: number;
  /** The command line that produced the run, for the report. */
  command: string;
}

export class BenchOptionError extends UsageError {
  override readonly name = "BenchOptionError";
}

export const BENCH_COMMAND: CommandSpec = {
  command: "npm run bench --",
  usage: [
    "npm run bench [-- --quick | --full] [--reps N] [--out DIR] [--work DIR] [--update-readme]",
  ],
  summary:
    "Measures every strategy compute-only and over HTTP, next to the Python baseline, the\n" +
    "loader and small-query latency; writes bench/results/ and prints the headline table.",
  options: {
    quick: {
      type: "boolean",
      help: "1x and 10x corpora, 3 repetitions, fewer chunk sizes (under 2 minutes on 2 cores)",
    },
    full: {
      type: "boolean",
      help: "adds the 100x corpus (about 3 GB of CSV and 3.5 GB of SQLite under --work)",
    },
    reps: { type: "string", value: "N", help: "recorded repetitions per case (1 to 100)" },
    out: { type: "string", value: "DIR", help: "where results go (default bench/results)" },
    work: {
      type: "string",
      value: "DIR",
      help: "where corpora and databases go (default bench/results/tmp)",
    },
    "update-readme": {
      type: "boolean",
      help: "rewrite the README's Performance block from this run",
    },
  },
  examples: ["npm run bench -- --quick", "npm run bench -- --reps 3 --update-readme"],
};

export interface ParsedArgs {
  plan: BenchPlan;
  updateReadme: boolean;
  help: boolean;
}

function corpus(scale: number): CorpusSpec {
  return { label: `${scale}x`, scale, emails: DEFAULT_EMAILS * scale };
}

/** 1, 2, the core count and twice the core count (oversubscription), without repeats. */
export function workerCountsFor(cores: number): number[] {
  return [...new Set([1, 2, cores, 2 * cores])].sort((a, b) => a - b);
}

function parseReps(text: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 100) {
    throw new BenchOptionError(`--reps must be a whole number from 1 to 100, got "${text}"`);
  }
  return n;
}

/** The plan of a mode, before command-line overrides. */
export function planFor(
  mode: BenchMode,
  root: string,
  cores = os.availableParallelism(),
): BenchPlan {
  const quick = mode === "quick";
  const corpora = [corpus(1), corpus(10), ...(mode === "full" ? [corpus(100)] : [])];
  const python: Record<string, Repetitions> = quick
    ? { "1x": { warmup: 1, reps: 3 } }
    : { "1x": { warmup: 1, reps: 7 }, "10x": { warmup: 1, reps: 3 } };
  if (mode === "full") python["100x"] = { warmup: 0, reps: 1 };
  return {
    mode,
    seed: DEFAULT_SEED,
    corpora,
    outDir: path.join(root, "bench", "results"),
    workDir: path.join(root, "bench", "results", "tmp"),
    rounds: quick ? { warmup: 1, reps: 3 } : { warmup: 2, reps: 7 },
    largeRounds: { warmup: 1, reps: 3 },
    workerCounts: workerCountsFor(cores),
    chunkSizes: quick ? [1, 100, null] : [1, 10, 100, 1000, null],
    kernels: quick ? { rounds: 3, repsPerRound: 5 } : { rounds: 5, repsPerRound: 7 },
    python,
    load: quick ? { warmup: 1, reps: 2 } : { warmup: 1, reps: 5 },
    responsiveness: { corpus: "10x", windowMs: quick ? 1000 : 3000, probeIntervalMs: 10 },
    tools: { python: "python3", sqlite3: "sqlite3", cc: "cc" },
    command: `npm run bench${quick ? " -- --quick" : mode === "full" ? " -- --full" : ""}`,
  };
}

/** Reads `npm run bench -- ...` arguments; unknown or contradictory ones are errors. */
export function parseBenchArgs(argv: string[], root: string): ParsedArgs {
  let parsed;
  try {
    parsed = parseCommandLine(BENCH_COMMAND, argv);
  } catch (err) {
    throw err instanceof UsageError ? new BenchOptionError(err.message) : err;
  }
  const help = parsed === "help";
  const values: OptionValues = parsed === "help" ? {} : parsed;
  if (values.quick && values.full) {
    throw new BenchOptionError("--quick and --full cannot be combined");
  }
  const mode: BenchMode = values.quick ? "quick" : values.full ? "full" : "default";
  const plan = planFor(mode, root);
  if (typeof values.reps === "string") {
    plan.rounds = { ...plan.rounds, reps: parseReps(values.reps) };
  }
  if (typeof values.out === "string") plan.outDir = path.resolve(values.out);
  if (typeof values.work === "string") plan.workDir = path.resolve(values.work);
  // --update-readme changes nothing measured, so the recorded command leaves it out.
  const measured = argv.filter((a) => a !== "--update-readme");
  const extra = measured.length > 0 ? ` -- ${measured.join(" ")}` : "";
  plan.command = `npm run bench${extra}`;
  return { plan, updateReadme: values["update-readme"] === true, help };
}

export function roundsFor(plan: BenchPlan, spec: CorpusSpec): Repetitions {
  return spec.scale >= 100 ? plan.largeRounds : plan.rounds;
}
