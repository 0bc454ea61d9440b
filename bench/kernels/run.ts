import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_EMAILS, DEFAULT_SEED } from "../../src/corpus/synthetic/corpus-options";
import { ensureCorpus } from "../corpora";
import { InterferenceMeter } from "../interference";
import { repoRoot } from "../repo-root";
import { kernelHeadlineLines, kernelTable } from "./kernel-report";
import { measureKernels } from "./measure-kernels";

const USAGE = `usage: npm run bench:kernels [-- --rounds N --reps N --work DIR]
  the kernel section alone, on the default corpus: C reference, JS and SIMD kernels
  --rounds N  recorded rounds, each a C batch then a batch of every kernel (default 5)
  --reps N    repetitions per batch (default 7)
  --work DIR  where corpora go (default bench/results/tmp)`;

function positive(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback;
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new Error(`--${name} must be a whole number from 1 to 1000, got "${text}"`);
  }
  return n;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      rounds: { type: "string" },
      reps: { type: "string" },
      work: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const rounds = positive(values.rounds, 5, "rounds");
  const repsPerRound = positive(values.reps, 7, "reps");
  const workDir = path.resolve(values.work ?? path.join(repoRoot(), "bench", "results", "tmp"));
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
    console.error(err instanceof Error ? err.message : err);
    console.error(USAGE);
    process.exit(2);
  },
);
