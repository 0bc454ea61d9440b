import fs from "node:fs";
import path from "node:path";
import type { Logger } from "pino";
import type { Sqlite } from "../db/sqlite";
import { writeReleaseFiles } from "./synthetic/corpus-file";
import { readCorpusState } from "./corpus-store";
import { loadCsv, type LoadProgress } from "./csv-loader";
import { formatSummary, progressReporter } from "./load-progress";

/**
 * Where the default corpus's CSV goes: next to the database, the one folder Capstats must be
 * able to write to anyway (SQLite keeps its -wal and -shm files there).
 */
export function defaultCorpusCsv(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), "Emails.generated.csv");
}

/**
 * First start on an empty database: generate the default corpus next to the
 * database (the real Emails.csv cannot be downloaded here) and load it.
 * A corpus that is already loaded is never touched.
 */
export async function seedIfEmpty(
  db: Sqlite,
  databaseFile: string,
  logger: Logger,
  onProgress?: (p: LoadProgress) => void,
): Promise<void> {
  if ((readCorpusState(db)?.emailCount ?? 0) > 0) return;
  const csv = defaultCorpusCsv(databaseFile);
  if (!fs.existsSync(csv)) {
    logger.info({ csv }, "empty corpus: generating the default corpus (7,945 emails)");
    await writeReleaseFiles(csv);
  }
  logger.info({ csv }, "loading the default corpus");
  const progress = progressReporter(process.stderr);
  const summary = await loadCsv(db, csv, {
    onProgress: (p) => {
      progress.update(p);
      onProgress?.(p);
    },
  });
  progress.stop();
  logger.info(formatSummary(summary, databaseFile));
}
