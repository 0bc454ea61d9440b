import fs from "node:fs";
import path from "node:path";
import { writeCorpusFile } from "../src/corpus/synthetic/corpus-file";
import { openSqlite, type Sqlite } from "../src/db/sqlite";
import { applyMigrations } from "../src/db/migrate";
import { loadCsv } from "../src/corpus/csv-loader";
import { readCorpusState } from "../src/corpus/corpus-store";
import type { CorpusSpec } from "./bench-options";
import type { CorpusInfo } from "./results.types";

/** Bumped when the layout of the generated files changes, so old ones are rebuilt. */
const FORMAT = 1;

interface Sidecar {
  format: number;
  emails: number;
  seed: number;
  csvBytes: number;
  rawTextBytes: number;
  corpusVersion: number;
}

export type Log = (message: string) => void;

function filesFor(workDir: string, spec: CorpusSpec, seed: number) {
  const base = path.join(workDir, `corpus-${spec.emails}-seed${seed}`);
  return { csv: `${base}.csv`, db: `${base}.db`, sidecar: `${base}.json` };
}

function readSidecar(file: string): Sidecar | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Sidecar;
  } catch {
    return null;
  }
}

function firstId(db: Sqlite): number {
  const row = db.prepare(`SELECT min(Id) AS id FROM Email`).get() as { id: number | null };
  if (row.id === null) throw new Error("the corpus database holds no emails");
  return row.id;
}

/**
 * Whether the files of an earlier run are exactly this corpus: same generator
 * format, count and seed, the CSV of the recorded size, and the database holding
 * the recorded version and byte total (a half-finished or foreign load fails this).
 */
function reusable(files: ReturnType<typeof filesFor>, spec: CorpusSpec, seed: number): boolean {
  const meta = readSidecar(files.sidecar);
  if (!meta || meta.format !== FORMAT || meta.emails !== spec.emails || meta.seed !== seed) {
    return false;
  }
  if (
    !fs.existsSync(files.db) ||
    fs.statSync(files.csv, { throwIfNoEntry: false })?.size !== meta.csvBytes
  ) {
    return false;
  }
  const db = openSqlite(files.db, { readonly: true });
  try {
    const state = readCorpusState(db);
    return (
      state !== null &&
      state.emailCount === spec.emails &&
      state.totalBytes === meta.rawTextBytes &&
      state.version === meta.corpusVersion
    );
  } catch {
    return false;
  } finally {
    db.close();
  }
}

function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}

/**
 * The CSV and SQLite file of one corpus size under `workDir`: generated with the
 * seed's generator and loaded with the real loader, or reused from an earlier run.
 */
export async function ensureCorpus(
  spec: CorpusSpec,
  workDir: string,
  seed: number,
  log: Log,
): Promise<CorpusInfo> {
  fs.mkdirSync(workDir, { recursive: true });
  const files = filesFor(workDir, spec, seed);
  let generateMs: number | null = null;
  let loadMs: number | null = null;
  const reused = reusable(files, spec, seed);
  if (!reused) {
    log(`corpus ${spec.label}: generating ${spec.emails} emails (seed ${seed})`);
    removeDatabase(files.db);
    fs.rmSync(files.sidecar, { force: true });
    let started = performance.now();
    const summary = await writeCorpusFile(files.csv, { emails: spec.emails, seed });
    generateMs = performance.now() - started;
    log(`corpus ${spec.label}: loading ${(summary.bytes / 1e6).toFixed(0)} MB of CSV into SQLite`);
    started = performance.now();
    const db = openSqlite(files.db);
    try {
      applyMigrations(db);
      const state = await loadCsv(db, files.csv);
      loadMs = performance.now() - started;
      const sidecar: Sidecar = {
        format: FORMAT,
        emails: spec.emails,
        seed,
        csvBytes: summary.bytes,
        rawTextBytes: state.totalBytes,
        corpusVersion: state.version,
      };
      fs.writeFileSync(files.sidecar, JSON.stringify(sidecar, null, 2));
    } finally {
      db.close();
    }
  }
  const db = openSqlite(files.db, { readonly: true });
  try {
    const state = readCorpusState(db);
    return {
      label: spec.label,
      scale: spec.scale,
      emails: spec.emails,
      csvFile: files.csv,
      dbFile: files.db,
      csvBytes: fs.statSync(files.csv).size,
      rawTextBytes: state?.totalBytes ?? 0,
      firstId: firstId(db),
      reused,
      generateMs,
      loadMs,
    };
  } finally {
    db.close();
  }
}
