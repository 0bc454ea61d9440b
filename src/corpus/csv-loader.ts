import fs from "node:fs";
import { parse, CsvError } from "csv-parse";
import type { Sqlite } from "../db/sqlite";
import { CsvLoadError } from "./load-error";
import { LineTracker } from "./line-tracker";
import { mapHeader, mapRow, type HeaderMap, type SqlValue } from "./row-mapper";
import { StagingTable, type CorpusState } from "./corpus-store";
import { Utf8Validator } from "./utf8-validator";

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
export async function loadCsv(db: Sqlite, file: string, opts: LoadOptions = {}): Promise<LoadSummary> {
  const started = performance.now();
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new CsvLoadError(file, null, "not a regular file");
    size = stat.size;
  } catch (err) {
    if (err instanceof CsvLoadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new CsvLoadError(file, null, code === "ENOENT" ? "file not found" : `cannot open (${code ?? String(err)})`);
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

async function streamInto(staging: StagingTable, file: string, size: number, opts: LoadOptions): Promise<number> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const utf8 = new Utf8Validator();
  const lines = new LineTracker();
  const parser = parse({ bom: true, info: true, record_delimiter: ["\r\n", "\n"], relax_quotes: false });
  let header: HeaderMap | null = null;
  let batch: SqlValue[][] = [];
  let batchLines: number[] = [];
  let rows = 0;
  let bytesRead = 0;
  let recordEnd = 0; // byte offset where the previous record ended
  let failure: CsvLoadError | null = null;
  const fail = (line: number | null, problem: string): void => {
    failure ??= new CsvLoadError(file, line, problem);
  };
  const flush = (): void => {
    if (batch.length === 0) return;
    const dup = staging.insertBatch(batch);
    if (dup >= 0) fail(batchLines[dup], `duplicate Id ${String(batch[dup][0])}`);
    rows += batch.length;
    batch = [];
    batchLines = [];
  };

  let parseError: unknown = null;
  // Registered for the parser's whole life: an 'error' event without a listener would crash the process.
  parser.on("error", (err) => (parseError ??= err));
  parser.on("data", ({ record, info }: { record: string[]; info: { bytes: number } }) => {
    if (failure) return;
    const line = lines.lineAt(recordEnd);
    recordEnd = info.bytes;
    if (header === null) {
      const mapped = mapHeader(record);
      if ("missing" in mapped) {
        fail(line, `missing required column${mapped.missing.length > 1 ? "s" : ""} ${mapped.missing.join(", ")} in the header`);
      } else header = mapped;
      return;
    }
    const row = mapRow(record, header);
    if (typeof row === "string") return fail(line, row);
    batch.push(row.values);
    batchLines.push(line);
    if (batch.length >= batchSize) flush();
  });

  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      const bad = utf8.push(chunk);
      lines.push(chunk);
      if (bad >= 0) {
        fail(lines.lineAt(bad), `invalid UTF-8 at byte ${bad}`);
        break;
      }
      bytesRead += chunk.length;
      await write(parser, chunk);
      if (failure) break;
      opts.onProgress?.({ bytesRead, totalBytes: size, rows: rows + batch.length });
    }
    if (!failure) {
      const bad = utf8.end();
      if (bad >= 0) fail(lines.lineAt(bad), `invalid UTF-8 at byte ${bad} (truncated character at end of file)`);
    }
    if (!failure) await end(parser);
  } catch (err) {
    parseError ??= err;
  } finally {
    input.destroy();
  }
  if (parseError !== null && !failure) {
    if (!(parseError instanceof CsvError)) throw parseError;
    fail(lines.lineAt(recordEnd), describeCsvError(parseError));
  }
  if (!failure) flush();
  if (failure) throw failure;
  if (header === null) throw new CsvLoadError(file, 1, "empty file: no header row");
  opts.onProgress?.({ bytesRead, totalBytes: size, rows });
  return rows;
}

function describeCsvError(err: CsvError): string {
  switch (err.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "unterminated quote: a quoted field starting in this record is never closed";
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
      return `wrong number of fields: ${err.message.replace(/ on line \d+$/, "")}`;
    default:
      return err.message.replace(/ at line \d+/, "");
  }
}

function write(parser: ReturnType<typeof parse>, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    parser.write(chunk, (err) => (err ? reject(err) : resolve()));
  });
}

function end(parser: ReturnType<typeof parse>): Promise<void> {
  return new Promise((resolve, reject) => {
    parser.once("error", reject);
    parser.once("end", () => resolve());
    parser.end();
  });
}
