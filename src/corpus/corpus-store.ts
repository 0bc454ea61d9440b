import type { Sqlite } from "../db/sqlite";
import { INSERT_COLUMNS, type SqlValue } from "./row-mapper";

const STAGING_PREFIX = "Email_staging_";

export interface CorpusState {
  version: number;
  emailCount: number;
  totalBytes: number;
  source: string;
  loadedAt: string;
}

export function readCorpusState(db: Sqlite): CorpusState | null {
  const row = db
    .prepare(`SELECT version, emailCount, totalBytes, source, loadedAt FROM Corpus WHERE id = 1`)
    .get() as CorpusState | undefined;
  return row ?? null;
}

/**
 * A corpus being loaded into its own staging table, invisible to readers until
 * `publish` swaps it in. The swap is a single transaction: readers in WAL mode see
 * the old corpus or the new one, never a mix, and a failed load only drops the
 * staging table.
 */
export class StagingTable {
  readonly name: string;
  private readonly insert: ReturnType<Sqlite["prepare"]>;

  constructor(private readonly db: Sqlite) {
    dropAbandonedStagingTables(db);
    this.name = `${STAGING_PREFIX}${process.pid}_${Date.now()}`;
    const ddl = (
      db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'Email'`).get() as {
        sql: string;
      }
    ).sql;
    db.exec(ddl.replace(/^CREATE TABLE "Email"/, `CREATE TABLE "${this.name}"`));
    const cols = INSERT_COLUMNS.map((c) => `"${c}"`).join(", ");
    const params = INSERT_COLUMNS.map(() => "?").join(", ");
    this.insert = db.prepare(`INSERT INTO "${this.name}" (${cols}) VALUES (${params})`);
  }

  /** Inserts rows in one transaction; returns the index of a duplicate Id, or -1. */
  insertBatch(rows: readonly SqlValue[][]): number {
    let failedAt = -1;
    this.db.transaction(() => {
      for (let i = 0; i < rows.length; i++) {
        try {
          this.insert.run(rows[i]);
        } catch (err) {
          if ((err as { code?: string }).code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
            failedAt = i;
            return;
          }
          throw err;
        }
      }
    })();
    return failedAt;
  }

  publish(source: string): CorpusState {
    const db = this.db;
    return db
      .transaction((): CorpusState => {
        // Index definitions are taken from the live table so the swapped-in table is
        // exactly what the migrations describe (Prisma sees no drift).
        const indexes = db
          .prepare(
            `SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Email' AND sql IS NOT NULL`,
          )
          .all() as { sql: string }[];
        db.exec(`DROP TABLE "Email"`);
        db.exec(`ALTER TABLE "${this.name}" RENAME TO "Email"`);
        for (const { sql } of indexes) db.exec(sql);
        const totals = db
          .prepare(
            `SELECT count(*) AS emailCount, coalesce(sum(RawTextBytes), 0) AS totalBytes FROM "Email"`,
          )
          .get() as { emailCount: number; totalBytes: number };
        const version = (readCorpusState(db)?.version ?? 0) + 1;
        const loadedAt = new Date().toISOString().replace("Z", "+00:00");
        db.prepare(
          `INSERT INTO Corpus (id, version, emailCount, totalBytes, source, loadedAt) VALUES (1, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET version = excluded.version, emailCount = excluded.emailCount,
             totalBytes = excluded.totalBytes, source = excluded.source, loadedAt = excluded.loadedAt`,
        ).run(version, totals.emailCount, totals.totalBytes, source, loadedAt);
        return { version, ...totals, source, loadedAt };
      })
      .immediate();
  }

  discard(): void {
    this.db.exec(`DROP TABLE IF EXISTS "${this.name}"`);
  }
}

/** Staging tables left by a loader that died (its pid is gone) are dropped. */
function dropAbandonedStagingTables(db: Sqlite): void {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '${STAGING_PREFIX}%'`,
    )
    .all() as { name: string }[];
  for (const { name } of tables) {
    const pid = Number(name.slice(STAGING_PREFIX.length).split("_")[0]);
    if (!isAlive(pid)) db.exec(`DROP TABLE IF EXISTS "${name}"`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
