import path from "node:path";
import {
  commandLine,
  UsageError,
  usageErrorLine,
  type CommandSpec,
} from "../../src/cli/command-line";
import { DEFAULT_EMAILS, DEFAULT_SEED } from "../../src/corpus/synthetic/corpus-options";
import { ensureCorpus } from "../corpora";
import { InterferenceMeter } from "../interference";
import { repoRoot } from "../repo-root";
import { kernelHeadlineLines, kernelTable } from "./kernel-report";
import { measureKernels } from "./measure-kernels";

const KERNELS_COMMAND: CommandSpec = {
  command: "npm run bench:kernels --",
  summary:
    "The bench's kernel section alone, on the default corpus: the C reference, the JS and the\n" +
    "SIMD kernels, one thread. Prints the table; writes nothing but the corpus files.",
  options: {
    rounds: {
      type: "string",
      value: "N",
      help: "recorded rounds, each a C batch then a batch of every kernel case (default 5)",
    },
    reps: { type: "string", value: "N", help: "repetitions per batch (default 7)" },
    work: { type: "string", value: "DIR", help: "where corpora go (default bench/results/tmp)" },
  },
  examples: ["npm run bench:kernels -- --rounds 3 --reps 5"],
};

function count(value: string | boolean | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new UsageError(`--${name} must be a whole number from 1 to 1000, got "${value}"`);
  }
  return n;
}

async function main(): Promise<number> {
  const values = commandLine(KERNELS_COMMAND, process.argv.slice(2));
  let rounds: number;
  let repsPerRound: number;
  try {
    rounds = count(values.rounds, 5, "rounds");
    repsPerRound = count(values.reps, 7, "reps");
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(usageErrorLine(KERNELS_COMMAND, err.message));
    return 2;
  }
  const work = typeof values.work === "string" ? values.work : undefined;
  const workDir = path.resolve(work ?? path.join(repoRoot(), "bench", "results", "tmp"));
  const log = (message: string): void => console.error(`[bench:kernels] ${message}`);
  const spec = { label: "1x", scale: 1, emails: DEFAULT_EMAILS };
  const corpus = await ensureCorpus(spec, workDir, DEFAULT_SEED, log);
  const meter = new InterferenceMeter();
  const result = measureKernels(corpus, workDir, { rounds, repsPerRound }, log);
  const busy = meter.stop();
  console.log(kernelTable(result, "text"));
  console.log("");
  for (const line of kernelHeadlineLines(result)) console.log(line);
  if (busy) {
    console.log(
      `Other processes used ${(busy.othersShareOfMachine * 100).toFixed(0)}% of the machine ` +
        "during the measurement; above about 10% the medians are inflated and noisy.",
    );
  }
  return result.kernelsAgree && result.reference.checked !== false ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
