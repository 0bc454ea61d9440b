import { parseArgs } from "node:util";
import { loadConfig } from "../src/config";
import { openSqlite } from "../src/db/sqlite";
import { applyMigrations } from "../src/db/migrate";
import { loadCsv, type LoadProgress } from "../src/corpus/csv-loader";
import { CsvLoadError } from "../src/corpus/load-error";
import { formatSummary, progressReporter } from "../src/corpus/load-progress";

/** `npm run seed -- --csv PATH`: loads a CSV into the database named by DATABASE_URL. */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { csv: { type: "string" } }, strict: true });
  if (!values.csv) {
    console.error(
      "usage: npm run seed -- --csv PATH   (loads into the database named by DATABASE_URL)",
    );
    return 2;
  }
  const config = loadConfig(process.env);
  const db = openSqlite(config.databaseFile);
  try {
    applyMigrations(db);
    const progress = progressReporter(process.stderr);
    try {
      const summary = await loadCsv(db, values.csv, {
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
