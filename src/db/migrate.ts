import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Sqlite } from "./sqlite";

export const MIGRATIONS_DIR = path.resolve(__dirname, "../../../prisma/migrations");

// Same table Prisma's `migrate deploy` keeps, so the CLI and this runner agree on
// what is applied: a database migrated here reports "up to date" to `prisma migrate status`.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

/**
 * Applies the committed migrations in prisma/migrations that are not yet recorded,
 * each in its own transaction. Runs in-process (no Prisma CLI, no native engine), so
 * `npm start`, the loader and every test database migrate in milliseconds.
 */
export function applyMigrations(db: Sqlite, dir = MIGRATIONS_DIR): MigrationResult {
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  db.exec(CREATE_MIGRATIONS_TABLE);
  const rows = db
    .prepare(
      `SELECT migration_name, checksum, finished_at FROM _prisma_migrations WHERE rolled_back_at IS NULL`,
    )
    .all() as { migration_name: string; checksum: string; finished_at: string | null }[];
  const done = new Map(rows.map((r) => [r.migration_name, r]));
  const result: MigrationResult = { applied: [], alreadyApplied: [] };
  const record = db.prepare(
    `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
     VALUES (?, ?, ?, ?, ?, 1)`,
  );
  for (const name of names) {
    const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    const checksum = crypto.createHash("sha256").update(sql).digest("hex");
    const prior = done.get(name);
    if (prior) {
      if (prior.finished_at === null) {
        throw new Error(`migration ${name} was started but never finished; inspect the database`);
      }
      if (prior.checksum !== checksum) {
        throw new Error(`migration ${name} was edited after it was applied (checksum mismatch)`);
      }
      result.alreadyApplied.push(name);
      continue;
    }
    db.transaction(() => {
      const startedAt = new Date().toISOString();
      db.exec(sql);
      record.run(crypto.randomUUID(), checksum, new Date().toISOString(), name, startedAt);
    }).immediate();
    result.applied.push(name);
  }
  return result;
}
