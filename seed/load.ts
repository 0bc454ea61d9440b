import { loadConfig } from "../src/config";
import { openSqlite } from "../src/db/sqlite";
import { applyMigrations } from "../src/db/migrate";
import { loadCsv, type LoadProgress } from "../src/corpus/csv-loader";
import { CsvLoadError } from "../src/corpus/load-error";
import { formatSummary, progressReporter } from "../src/corpus/load-progress";
import { defaultCorpusCsv } from "../src/corpus/first-start";
import { writeReleaseFiles } from "../src/corpus/synthetic/corpus-file";
import { commandLine, usageLines, type CommandSpec } from "../src/cli/command-line";

const SEED_COMMAND: CommandSpec = {
  command: "npm run seed --",
  usage: ["npm run seed -- --csv PATH", "npm run seed -- --default"],
  summary:
    "Loads a corpus into the database named by DATABASE_URL (migrating it first), replacing\n" +
    "the corpus there atomically: a failed load changes nothing.",
  options: {
    csv: { type: "string", value: "PATH", help: "load this Emails.csv" },
    default: {
      type: "boolean",
      help: "generate the default corpus (7,945 emails, with its Persons, Aliases and EmailReceivers) next to the database and load it",
    },
  },
  notes: ["environment: DATABASE_URL (default file:./data/capstats.db)"],
  examples: [
    "npm run seed -- --csv ~/Downloads/Emails.csv",
    "npm run seed -- --default      # the default corpus back, after loading your own",
  ],
};

/** `npm run seed -- --csv PATH | --default`: loads a CSV into the database named by DATABASE_URL. */
async function main(): Promise<number> {
  const values = commandLine(SEED_COMMAND, process.argv.slice(2));
  const csvArg = typeof values.csv === "string" ? values.csv : undefined;
  if ((csvArg === undefined) === !values.default) {
    const why =
      csvArg === undefined ? "give --csv PATH or --default" : "give --csv or --default, not both";
    console.error([`error: ${why}`, ...usageLines(SEED_COMMAND)].join("\n"));
    return 2;
  }
  const config = loadConfig(process.env);
  const csv = csvArg ?? defaultCorpusCsv(config.databaseFile);
  if (csvArg === undefined) await writeReleaseFiles(csv);
  const db = openSqlite(config.databaseFile);
  try {
    applyMigrations(db);
    const progress = progressReporter(process.stderr);
    try {
      const summary = await loadCsv(db, csv, {
        onProgress: (p: LoadProgress) => progress.update(p),
      });
      progress.stop();
      console.log(formatSummary(summary, config.databaseFile));
      return 0;
    } catch (err) {
      progress.stop();
      if (err instanceof CsvLoadError) {
        console.error(`load failed, database unchanged: ${err.message}`);
        return 1;
      }
      throw err;
    }
  } finally {
    db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
