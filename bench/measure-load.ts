import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openSqlite } from "../src/db/sqlite";
import { applyMigrations } from "../src/db/migrate";
import { loadCsv } from "../src/corpus/csv-loader";
import type { Repetitions } from "./bench-options";
import type { Log } from "./corpora";
import type { CorpusInfo, LoadResult } from "./results.types";
import { roundRobin, spread } from "./sampling";

/** The sqlite3 CLI's version line, or null when it is not installed. */
export function sqlite3Version(cli = "sqlite3"): string | null {
  const r = spawnSync(cli, ["--version"], { encoding: "utf8" });
  return r.error || r.status !== 0 ? null : r.stdout.trim().split(" ")[0];
}

function freshFile(file: string): string {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  return file;
}

function sqlite3(cli: string, db: string, script: string): string {
  const r = spawnSync(cli, [db], { input: script, encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.error) throw r.error;
  // The CLI reports some .import problems on stderr with exit status 0.
  if (r.status !== 0 || r.stderr.trim() !== "") {
    throw new Error(`${cli} ${db} failed (status ${r.status}): ${r.stderr.trim()}`);
  }
  return r.stdout;
}

/**
 * Capstats' loader (validating UTF-8, parsing, typing, batching, indexes, atomic swap)
 * against the sqlite3 CLI's `.import` of the same CSV into untyped TEXT columns, each
 * into a new database file. Migrations run before the loader's clock starts, since
 * `.import` needs none.
 */
export async function measureLoad(
  corpus: CorpusInfo,
  workDir: string,
  rounds: Repetitions,
  log: Log,
  cli = "sqlite3",
): Promise<LoadResult> {
  const dir = path.join(workDir, "load-check");
  fs.mkdirSync(dir, { recursive: true });
  const version = sqlite3Version(cli);
  const sqliteSkipped = version ? null : `the sqlite3 CLI (${cli}) is not installed`;
  const methods = version ? (["loader", "sqlite3"] as const) : (["loader"] as const);
  log(`load ${corpus.label}: ${methods.join(" vs ")} x ${rounds.warmup}+${rounds.reps} rounds`);
  let rows = 0;
  let importedRows: number | null = null;
  const recorded = await roundRobin(methods, rounds, async (method): Promise<number> => {
    if (method === "loader") {
      const db = openSqlite(freshFile(path.join(dir, "loader.db")));
      try {
        applyMigrations(db);
        const started = performance.now();
        rows = (await loadCsv(db, corpus.csvFile)).rows;
        return performance.now() - started;
      } finally {
        db.close();
      }
    }
    const file = freshFile(path.join(dir, "import.db"));
    const quoted = corpus.csvFile.replaceAll("'", "''");
    const started = performance.now();
    sqlite3(cli, file, `.mode csv\n.import '${quoted}' Email\n`);
    const ms = performance.now() - started;
    importedRows = Number(sqlite3(cli, file, "SELECT count(*) FROM Email;\n").trim());
    return ms;
  });
  fs.rmSync(dir, { recursive: true, force: true });
  const loader = spread(recorded[0]);
  const sqliteImport = version ? spread(recorded[1]) : null;
  return {
    corpus: corpus.label,
    rows,
    csvBytes: corpus.csvBytes,
    loader,
    sqliteImport,
    sqliteImportRows: importedRows,
    sqliteSkipped,
    ratio: sqliteImport ? loader.median / sqliteImport.median : null,
  };
}
