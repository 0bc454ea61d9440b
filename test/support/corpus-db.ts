import fs from "node:fs";
import path from "node:path";
import { openSqlite, type Sqlite } from "../../src/db/sqlite";
import { applyMigrations } from "../../src/db/migrate";
import { loadCsv } from "../../src/corpus/csv-loader";
import { fixtureCsv } from "./fixture-corpus";

/** A migrated, empty database file `name` in `dir`, open; the caller closes it. */
export function freshDb(dir: string, name = "t.db"): Sqlite {
  const db = openSqlite(path.join(dir, name));
  applyMigrations(db);
  return db;
}

/** Migrates the database file and loads `csvFile` (and any companions beside it) into it. */
export async function seedDatabase(dbFile: string, csvFile: string): Promise<void> {
  const db = openSqlite(dbFile);
  try {
    applyMigrations(db);
    await loadCsv(db, csvFile);
  } finally {
    db.close();
  }
}

/** Writes the hand-counted fixture to `csvFile`, then seeds `dbFile` with it. */
export async function seedFixture(dbFile: string, csvFile: string): Promise<void> {
  fs.writeFileSync(csvFile, fixtureCsv());
  await seedDatabase(dbFile, csvFile);
}
