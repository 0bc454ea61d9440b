import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type Sqlite = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  busyTimeoutMs?: number;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens a raw better-sqlite3 connection with the pragmas every connection must share.
 * WAL lets readers (the API, worker processes) keep a consistent snapshot while a
 * loader swaps the corpus; the busy timeout turns writer contention into a wait
 * instead of an immediate SQLITE_BUSY.
 */
export function openSqlite(file: string, opts: OpenOptions = {}): Sqlite {
  if (!opts.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.readonly ?? false,
  });
  db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
  if (!opts.readonly) {
    db.pragma("journal_mode = WAL");
    // NORMAL is durable across application crashes in WAL mode; only an OS crash can
    // lose the last commits, never corrupt the file.
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
  }
  return db;
}
