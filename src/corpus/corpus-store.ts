import type { Statement } from "better-sqlite3";
import type { Sqlite } from "../db/sqlite";

const STAGING_MARK = "_staging_";

export interface CorpusState {
  version: number;
  emailCount: number;
  totalBytes: number;
  source: string;
  loadedAt: string;
}

const CORPUS_STATE_SQL = `SELECT version, emailCount, totalBytes, source, loadedAt FROM Corpus WHERE id = 1`;

export function readCorpusState(db: Sqlite): CorpusState | null {
  return (db.prepare(CORPUS_STATE_SQL).get() as CorpusState | undefined) ?? null;
}

/**
 * readCorpusState with its statement prepared once, for a caller that asks on every request
 * (preparing it cost more than running it).
 */
export function corpusStateReader(db: Sqlite): () => CorpusState | null {
  const statement = db.prepare(CORPUS_STATE_SQL);
  return () => (statement.get() as CorpusState | undefined) ?? null;
}

/** The tables one load replaces together; children (with a foreign key to Email) first. */
export const CORPUS_TABLES = ["EmailReceiver", "Alias", "Person", "Email"] as const;
export type CorpusTable = (typeof CORPUS_TABLES)[number];

/**
 * A corpus being loaded into staging tables (the emails and the release's companion files),
 * invisible to readers until `publish` swaps all of them in. The swap is a single
 * transaction: readers in WAL mode see the old corpus or the new one, never a mix, and a
 * failed load only drops the staging tables. A companion file that was not given leaves its
 * staging table empty, so the new corpus never keeps the old one's persons or recipients.
 */
export class CorpusStaging {
  readonly names: Readonly<Record<CorpusTable, string>>;

  constructor(private readonly db: Sqlite) {
    dropAbandonedStagingTables(db);
    const suffix = `${STAGING_MARK}${process.pid}_${Date.now()}`;
    const names = Object.fromEntries(CORPUS_TABLES.map((t) => [t, `${t}${suffix}`]));
    this.names = names as Record<CorpusTable, string>;
    for (const table of [...CORPUS_TABLES].reverse()) {
      const ddl = (
        db
          .prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`)
          .get(table) as {
          sql: string;
        }
      ).sql;
      // Staged recipients point at the staged emails; renaming those to "Email" at publish
      // makes SQLite rewrite the reference back to "Email".
      db.exec(
        ddl
          .replace(new RegExp(`^CREATE TABLE "${table}"`), `CREATE TABLE "${this.names[table]}"`)
          .replace(/REFERENCES "Email"/g, `REFERENCES "${this.names.Email}"`),
      );
    }
  }

  /** A prepared INSERT of `columns` into the staged copy of `table`. */
  insert(table: CorpusTable, columns: readonly string[]): Statement {
    const cols = columns.map((c) => `"${c}"`).join(", ");
    const params = columns.map(() => "?").join(", ");
    return this.db.prepare(`INSERT INTO "${this.names[table]}" (${cols}) VALUES (${params})`);
  }

  /** Whether the staged copy of `table` has a row with this Id. */
  has(table: CorpusTable): (id: number) => boolean {
    const stmt = this.db.prepare(`SELECT 1 FROM "${this.names[table]}" WHERE Id = ?`).pluck();
    return (id) => stmt.get(id) !== undefined;
  }

  publish(source: string): CorpusState {
    const db = this.db;
    return db
      .transaction((): CorpusState => {
        // Index definitions are taken from the live tables so the swapped-in tables are
        // exactly what the migrations describe (Prisma sees no drift).
        const indexes = db
          .prepare(
            `SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
             AND tbl_name IN (${CORPUS_TABLES.map((t) => `'${t}'`).join(", ")})`,
          )
          .pluck()
          .all() as string[];
        for (const table of CORPUS_TABLES) db.exec(`DROP TABLE "${table}"`);
        for (const table of [...CORPUS_TABLES].reverse()) {
          db.exec(`ALTER TABLE "${this.names[table]}" RENAME TO "${table}"`);
        }
        for (const sql of indexes) db.exec(sql);
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
    for (const table of CORPUS_TABLES) this.db.exec(`DROP TABLE IF EXISTS "${this.names[table]}"`);
  }
}

/** Staging tables left by a loader that died (its pid is gone) are dropped, children first. */
function dropAbandonedStagingTables(db: Sqlite): void {
  const names = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND instr(name, ?) > 0`)
    .pluck()
    .all(STAGING_MARK) as string[];
  const rank = (name: string): number =>
    CORPUS_TABLES.indexOf(name.slice(0, name.indexOf(STAGING_MARK)) as CorpusTable);
  for (const name of names.sort((a, b) => rank(a) - rank(b))) {
    const pid = Number(name.slice(name.indexOf(STAGING_MARK) + STAGING_MARK.length).split("_")[0]);
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
