import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openSqlite } from "../../../../src/db/sqlite";
import { METRIC_COUNT, METRIC_INDEX, maskOf } from "../../../../src/metrics/metrics";
import type { ResidentTask, SqliteTask } from "../../../../src/engine/exec/worker/task.types";

/**
 * A tiny corpus whose counts were worked out by hand (and checked against Python's
 * str.isupper and len): CAPITALS and CHARACTERS (code points) per email or segment.
 */
export const EMAILS = [
  { id: 1, text: "Hello World" }, // H W -> 2 capitals; 11 characters, 11 bytes
  // É C O L E, Ⅻ (Other_Uppercase), 𝐀 (U+1D400, 4 bytes) -> 7; ǅ is titlecase, not upper.
  // Bytes: É 0-1, COLE 2-5, ' ' 6, ǅ 7-8, ' ' 9, Ⅻ 10-12, ' ' 13, 𝐀 14-17, b 18 -> 19 bytes.
  { id: 2, text: "ÉCOLE ǅ Ⅻ 𝐀b" }, // 7 capitals, 12 characters
  { id: 3, text: "no capitals here" }, // 0 capitals, 16 characters
] as const;

/** Email 2 cut at byte 14, the code-point boundary just before the astral capital 𝐀. */
export const SPLIT_AT = 14;
export const EXPECTED = {
  email1: { capitals: 2, characters: 11 },
  email2: { capitals: 7, characters: 12 },
  email2Head: { capitals: 6, characters: 10 }, // "ÉCOLE ǅ Ⅻ "
  email2Tail: { capitals: 1, characters: 2 }, // "𝐀b"
  email3: { capitals: 0, characters: 16 },
};

export const MASK = maskOf(["CAPITALS", "CHARACTERS"]);

/** Segment i of a result as {capitals, characters}, after checking the other metrics are 0. */
export function segment(counts: Float64Array, i: number): { capitals: number; characters: number } {
  const row = Array.from(counts.subarray(i * METRIC_COUNT, (i + 1) * METRIC_COUNT));
  const capitals = row[METRIC_INDEX.CAPITALS];
  const characters = row[METRIC_INDEX.CHARACTERS];
  row[METRIC_INDEX.CAPITALS] = 0;
  row[METRIC_INDEX.CHARACTERS] = 0;
  if (row.some((v) => v !== 0)) throw new Error(`unrequested metrics are non-zero: ${row}`);
  return { capitals, characters };
}

export interface CorpusDb {
  dir: string;
  file: string;
  setVersion(version: number): void;
  cleanup(): void;
}

/** A fresh SQLite corpus in its own temp dir, built from the real migration DDL. */
export function createCorpusDb(version = 1): CorpusDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "capstats-worker-"));
  const file = path.join(dir, "corpus.db");
  const db = openSqlite(file);
  try {
    for (const sql of migrationSql()) db.exec(sql);
    const insert = db.prepare("INSERT INTO Email (Id, RawText, RawTextBytes) VALUES (?, ?, ?)");
    let totalBytes = 0;
    for (const { id, text } of EMAILS) {
      const bytes = Buffer.byteLength(text);
      totalBytes += bytes;
      insert.run(id, text, bytes);
    }
    db.prepare(
      "INSERT INTO Corpus (id, version, emailCount, totalBytes, source, loadedAt) VALUES (1, ?, ?, ?, 'fixture', ?)",
    ).run(version, EMAILS.length, totalBytes, new Date().toISOString());
  } finally {
    db.close();
  }
  return {
    dir,
    file,
    setVersion(v: number): void {
      const w = openSqlite(file);
      try {
        w.prepare("UPDATE Corpus SET version = ? WHERE id = 1").run(v);
      } finally {
        w.close();
      }
    },
    cleanup(): void {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The UTF-8 bytes of all emails end to end in shared memory, with each email's range. */
export function residentCorpus(): {
  bytes: SharedArrayBuffer;
  ranges: Map<number, [number, number]>;
} {
  // A leading pad byte keeps every range off offset 0, so a kernel that ignored starts would fail.
  const parts = [Buffer.from("#"), ...EMAILS.map((e) => Buffer.from(e.text))];
  const total = parts.reduce((n, p) => n + p.length, 0);
  const bytes = new SharedArrayBuffer(total);
  const view = new Uint8Array(bytes);
  const ranges = new Map<number, [number, number]>();
  let at = parts[0].length;
  view.set(parts[0], 0);
  EMAILS.forEach((e, i) => {
    view.set(parts[i + 1], at);
    ranges.set(e.id, [at, at + parts[i + 1].length]);
    at += parts[i + 1].length;
  });
  return { bytes, ranges };
}

/** One segment of a task: an email's id and a byte range of its text, all of it by default. */
export type SegmentOf = readonly [id: number, from?: number, to?: number];

function byteLength(id: number): number {
  const email = EMAILS.find((e) => e.id === id);
  if (!email) throw new Error(`no fixture email ${id}`);
  return Buffer.byteLength(email.text);
}

/** A task over residentCorpus(), one segment per entry, in the order given. */
export function residentTaskOf(segments: readonly SegmentOf[]): ResidentTask {
  const { bytes, ranges } = residentCorpus();
  const at = segments.map(([id]) => (ranges.get(id) as [number, number])[0]);
  return {
    kind: "resident",
    version: 1,
    bytes,
    starts: Float64Array.from(segments, ([, from = 0], i) => at[i] + from),
    ends: Float64Array.from(segments, ([id, , to = byteLength(id)], i) => at[i] + to),
    mask: MASK,
  };
}

/** A task over the corpus in `db`, one segment per entry, in the order given. */
export function sqliteTaskOf(
  db: CorpusDb,
  segments: readonly SegmentOf[],
  overrides: Partial<SqliteTask> = {},
): SqliteTask {
  return {
    kind: "sqlite",
    version: 1,
    dbFile: db.file,
    ids: Int32Array.from(segments, ([id]) => id),
    starts: Float64Array.from(segments, ([, from = 0]) => from),
    ends: Float64Array.from(segments, ([id, , to = byteLength(id)]) => to),
    mask: MASK,
    ...overrides,
  };
}

function migrationSql(): string[] {
  const migrations = path.join(repoRoot(), "prisma", "migrations");
  return fs
    .readdirSync(migrations, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => fs.readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
}

function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "prisma", "migrations"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no prisma/migrations above ${__dirname}`);
  }
}
