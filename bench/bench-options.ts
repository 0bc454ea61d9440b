import path from "node:path";
import { outDirFor, planFor, type BenchMode, type BenchPlan } from "./bench-plan";
import {
  parseCommandLine,
  UsageError,
  type CommandSpec,
  type OptionValues,
} from "../src/cli/command-line";

export * from "./bench-plan";

export class BenchOptionError extends UsageError {
  override readonly name = "BenchOptionError";
}

/**
 * Sections `--only` can run by themselves: request-path and cached against one server on the
 * default corpus, responsiveness on its own corpus and server, and scaling on its corpus
 * in-process, each as in a whole run.
 */
export const ONLY_SECTIONS = ["request-path", "cached", "responsiveness", "scaling"] as const;
export type OnlySection = (typeof ONLY_SECTIONS)[number];

export const BENCH_COMMAND: CommandSpec = {
  command: "npm run bench --",
  usage: [
    "npm run bench [-- --quick | --full] [--reps N] [--out DIR] [--work DIR] [--commit-results] [--update-readme]",
    "npm run bench -- --only request-path,cached,responsiveness [--quick]",
  ],
  summary:
    "Measures every strategy compute-only and over HTTP, next to the Python baseline, the\n" +
    "loader, small-query latency, the request path and the I/O-bound half; writes the git-ignored\n" +
    "bench/results/local/ (or, with --commit-results or --update-readme, bench/results/).",
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
    out: {
      type: "string",
      value: "DIR",
      help: "where results go (default bench/results/local, git-ignored)",
    },
    work: {
      type: "string",
      value: "DIR",
      help: "where corpora and databases go (default bench/results/tmp)",
    },
    "commit-results": {
      type: "boolean",
      help: "write the results to the committed bench/results/ instead",
    },
    "update-readme": {
      type: "boolean",
      help: "rewrite the README's Performance block from this run (implies --commit-results)",
    },
    only: {
      type: "string",
      value: "SECTIONS",
      help: `only these sections, printed and not written (${ONLY_SECTIONS.join(", ")})`,
    },
  },
  examples: [
    "npm run bench -- --quick",
    "npm run bench -- --reps 3 --update-readme",
    "nice -n -15 npm run bench -- --only request-path,cached",
    "npm run bench -- --quick --only responsiveness",
    "nice -n -15 npm run bench -- --only scaling",
  ],
};

export interface ParsedArgs {
  plan: BenchPlan;
  updateReadme: boolean;
  help: boolean;
  /** With --only: just these sections, printed; nothing is written. */
  only: OnlySection[] | null;
}

function parseOnly(text: string): OnlySection[] {
  const names = text.split(",").map((n) => n.trim());
  for (const name of names) {
    if (!(ONLY_SECTIONS as readonly string[]).includes(name)) {
      throw new BenchOptionError(
        `--only takes ${ONLY_SECTIONS.join(", ")} (comma-separated), got "${name}"`,
      );
    }
  }
  return [...new Set(names as OnlySection[])];
}

function parseReps(text: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 100) {
    throw new BenchOptionError(`--reps must be a whole number from 1 to 100, got "${text}"`);
  }
  return n;
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
  const updateReadme = values["update-readme"] === true;
  const only = typeof values.only === "string" ? parseOnly(values.only) : null;
  if (only && (updateReadme || values["commit-results"] === true)) {
    throw new BenchOptionError(
      "--only prints its sections and writes nothing, so it takes no --update-readme or --commit-results",
    );
  }
  // The README links the committed charts, so rewriting it commits the results too.
  if (updateReadme || values["commit-results"] === true) plan.outDir = outDirFor(root, true);
  if (typeof values.out === "string") plan.outDir = path.resolve(values.out);
  if (typeof values.work === "string") plan.workDir = path.resolve(values.work);
  // Where results go changes nothing measured, so the recorded command leaves it out.
  const measured = argv.filter((a) => a !== "--update-readme" && a !== "--commit-results");
  const extra = measured.length > 0 ? ` -- ${measured.join(" ")}` : "";
  plan.command = `npm run bench${extra}`;
  return { plan, updateReadme, help, only };
}
