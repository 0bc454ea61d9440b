import fs from "node:fs";
import Papa from "papaparse";
import type { Sqlite } from "../db/sqlite";
import { CsvLoadError } from "./load-error";
import { mapHeader, mapRow, type HeaderMap, type SqlValue } from "./row-mapper";
import { StagingTable, type CorpusState } from "./corpus-store";
import { Utf8DecodeStream } from "./utf8-decode.stream";

export interface LoadProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

export interface LoadOptions {
  /** Rows per insert transaction. */
  batchSize?: number;
  onProgress?: (p: LoadProgress) => void;
}

export interface LoadSummary extends CorpusState {
  file: string;
  rows: number;
  bytes: number;
  ms: number;
}

export const DEFAULT_BATCH_SIZE = 2000;

/**
 * Streams a CSV with the Emails.csv columns into a staging table, then swaps it in
 * atomically. Any problem aborts the load with a CsvLoadError naming the file and
 * physical line, and leaves the previous corpus untouched.
 */
export async function loadCsv(
  db: Sqlite,
  file: string,
  opts: LoadOptions = {},
): Promise<LoadSummary> {
  const started = performance.now();
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new CsvLoadError(file, null, "not a regular file");
    size = stat.size;
  } catch (err) {
    if (err instanceof CsvLoadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new CsvLoadError(
      file,
      null,
      code === "ENOENT" ? "file not found" : `cannot open (${code ?? String(err)})`,
    );
  }
  const staging = new StagingTable(db);
  try {
    const rows = await streamInto(staging, file, size, opts);
    const state = staging.publish(file);
    return { ...state, file, rows, bytes: size, ms: performance.now() - started };
  } catch (err) {
    staging.discard();
    throw err;
  }
}

async function streamInto(
  staging: StagingTable,
  file: string,
  size: number,
  opts: LoadOptions,
): Promise<number> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const decoded = new Utf8DecodeStream(file);
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  let header: HeaderMap | null = null;
  let width = 0;
  let batch: SqlValue[][] = [];
  let batchLines: number[] = [];
  let rows = 0;
  let line = 1; // physical line where the current record starts
  let failure: Error | null = null;

  const flush = (): void => {
    if (batch.length === 0 || failure) return;
    const dup = staging.insertBatch(batch);
    if (dup >= 0)
      failure = new CsvLoadError(file, batchLines[dup], `duplicate Id ${String(batch[dup][0])}`);
    rows += batch.length;
    batch = [];
    batchLines = [];
    opts.onProgress?.({ bytesRead: decoded.bytesRead, totalBytes: size, rows });
  };

  // Returns a problem for the record, or null. Inserts are synchronous (better-sqlite3),
  // so the parser never runs ahead of the database and memory stays flat.
  const onRecord = (record: string[], errors: Papa.ParseError[]): string | null => {
    if (errors.length > 0) return describeParseError(errors[0]);
    if (record.length === 1 && record[0] === "") return null; // a blank line
    if (header === null) {
      const mapped = mapHeader(record);
      if ("missing" in mapped) {
        const s = mapped.missing.length > 1 ? "s" : "";
        return `missing required column${s} ${mapped.missing.join(", ")} in the header`;
      }
      header = mapped;
      width = record.length;
      return null;
    }
    if (record.length !== width) {
      return `wrong number of fields: expected ${width} as in the header, found ${record.length}`;
    }
    const row = mapRow(record, header);
    if (typeof row === "string") return row;
    batch.push(row.values);
    batchLines.push(line);
    if (batch.length >= batchSize) flush();
    return null;
  };

  await new Promise<void>((resolve) => {
    input.on("error", (err) => {
      failure ??= new CsvLoadError(file, null, `read failed: ${err.message}`);
      decoded.destroy();
    });
    decoded.on("error", (err) => {
      failure ??= err;
      resolve();
    });
    Papa.parse<string[]>(decoded, {
      delimiter: ",",
      quoteChar: '"',
      escapeChar: '"',
      step: (results, parser) => {
        if (failure) return parser.abort();
        const problem = onRecord(results.data, results.errors);
        if (problem !== null) failure = new CsvLoadError(file, line, problem);
        line += 1 + newlinesIn(results.data);
        if (failure) {
          parser.abort();
          input.destroy();
        }
      },
      complete: () => resolve(),
      error: (err: Error) => {
        failure ??= err;
        resolve();
      },
    });
    input.pipe(decoded);
  });
  flush();
  if (failure) throw failure;
  if (header === null) throw new CsvLoadError(file, 1, "empty file: no header row");
  return rows;
}

/** Physical lines a record spans beyond its first: the newlines inside its quoted fields. */
function newlinesIn(record: readonly string[]): number {
  let n = 0;
  for (const field of record) {
    let i = field.indexOf("\n");
    while (i !== -1) {
      n++;
      i = field.indexOf("\n", i + 1);
    }
  }
  return n;
}

function describeParseError(err: Papa.ParseError): string {
  switch (err.code) {
    case "MissingQuotes":
      return "unterminated quote: a quoted field starting in this record is never closed";
    case "InvalidQuotes":
      return "invalid quote: a quoted field is followed by text before the next comma or line end";
    default:
      return `${err.code}: ${err.message}`;
  }
}
