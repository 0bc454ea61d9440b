import { performance } from "node:perf_hooks";
import {
  CorpusOptionError,
  DEFAULT_EMAILS,
  DEFAULT_SEED,
  MAX_EMAILS,
  MAX_SEED,
  parseEmailCount,
  parseSeed,
} from "../src/corpus/synthetic/corpus-options";
import { basename } from "node:path";
import { companionPath } from "../src/corpus/companion-files";
import { writeReleaseFiles } from "../src/corpus/synthetic/corpus-file";
import { helpText, usageErrorLine, type CommandSpec } from "../src/cli/command-line";

/** Its own parser (below) accepts the same options; this spec is what --help shows. */
const CORPUS_COMMAND: CommandSpec = {
  command: "npm run corpus --",
  usage: ["npm run corpus -- --out PATH [--emails N] [--seed S]"],
  summary:
    "Writes a synthetic release (deterministic), streamed in constant memory: Emails.csv (22\n" +
    'columns) and beside it Persons, Aliases and EmailReceivers ("Emails" in the name replaced,\n' +
    "or a .Persons.csv-style suffix). Load them with npm run seed -- --csv PATH.",
  options: {
    out: {
      type: "string",
      value: "PATH",
      help: "where to write the CSV (written to a temp file, then renamed)",
    },
    emails: {
      type: "string",
      value: "N",
      help: `number of emails, 1 to ${MAX_EMAILS} (default ${DEFAULT_EMAILS})`,
    },
    seed: {
      type: "string",
      value: "S",
      help: `seed, 0 to ${MAX_SEED} (default ${DEFAULT_SEED}); same seed, same bytes`,
    },
  },
  examples: ["npm run corpus -- --out data/big.csv --emails 100000 --seed 7"],
};

export interface CliArgs {
  out: string;
  emails: number;
  seed: number;
}

/** Accepts "--flag value" and "--flag=value"; anything unexpected is an error, not ignored. */
export function parseCliArgs(argv: readonly string[]): CliArgs | "help" {
  const raw = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return "help";
    const match = /^(--(?:out|emails|seed))(?:=(.*))?$/s.exec(arg);
    if (!match) throw new CorpusOptionError(`unknown argument "${arg}"`);
    const [, flag, inline] = match;
    const value = inline ?? argv[++i];
    if (value === undefined) throw new CorpusOptionError(`${flag} needs a value`);
    if (raw.has(flag)) throw new CorpusOptionError(`${flag} given more than once`);
    raw.set(flag, value);
  }
  const out = raw.get("--out");
  if (!out) throw new CorpusOptionError("--out PATH is required");
  const emails = raw.has("--emails") ? parseEmailCount(raw.get("--emails") ?? "") : DEFAULT_EMAILS;
  const seed = raw.has("--seed") ? parseSeed(raw.get("--seed") ?? "") : DEFAULT_SEED;
  return { out, emails, seed };
}

async function main(argv: readonly string[]): Promise<number> {
  let args: CliArgs | "help";
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof CorpusOptionError)) throw error;
    console.error(usageErrorLine(CORPUS_COMMAND, error.message));
    return 2;
  }
  if (args === "help") {
    console.log(helpText(CORPUS_COMMAND));
    return 0;
  }
  const started = performance.now();
  const summary = await writeReleaseFiles(args.out, { emails: args.emails, seed: args.seed });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const n = (x: number): string => x.toLocaleString("en-US");
  console.log(
    `wrote ${n(summary.emails)} emails, ${n(summary.bytes)} bytes, ` +
      `${n(summary.rawTextChars)} RawText characters (seed ${summary.seed}) ` +
      `to ${args.out} in ${seconds} s, with ` +
      `${["Persons", "Aliases", "EmailReceivers"].map((stem) => basename(companionPath(args.out, stem))).join(", ")} beside it`,
  );
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
