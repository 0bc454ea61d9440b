import path from "node:path";
import type { Sqlite } from "../db/sqlite";
import {
  companionRows,
  presentCompanions,
  type CompanionKind,
  type Reference,
} from "./companion-files";
import { CorpusStaging, type CorpusState } from "./corpus-store";
import { csvFileSize, streamCsv } from "./csv-stream";
import { EMAIL_ROWS, INSERT_COLUMNS } from "./row-mapper";
import { TableSink } from "./table-sink";

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
  /** Emails loaded. */
  rows: number;
  /** Bytes of every file read, companions included. */
  bytes: number;
  ms: number;
  /** The companion files that stood next to the emails and were loaded with them. */
  companions: Partial<Record<CompanionKind, { file: string; rows: number }>>;
}

export const DEFAULT_BATCH_SIZE = 2000;

/**
 * Streams a CSV with the Emails.csv columns, and the release's companion files that stand
 * next to it (Persons.csv, Aliases.csv, EmailReceivers.csv; see companion-files.ts), into
 * staging tables, then swaps all of them in atomically. Any problem aborts the load with a
 * CsvLoadError naming the file and physical line, and leaves the previous corpus untouched.
 */
export async function loadCsv(
  db: Sqlite,
  file: string,
  opts: LoadOptions = {},
): Promise<LoadSummary> {
  const started = performance.now();
  const companions = presentCompanions(file);
  const sizes = [file, ...companions.map((c) => c.file)].map(csvFileSize);
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const staging = new CorpusStaging(db);
  try {
    let doneBytes = 0;
    let doneRows = 0;
    const stream = async <H>(
      name: string,
      size: number,
      sink: (onFlush: (rows: number) => void) => TableSink<H>,
    ): Promise<number> => {
      const meter = { bytesRead: 0 };
      const report = (rows: number): void =>
        opts.onProgress?.({
          bytesRead: doneBytes + meter.bytesRead,
          totalBytes,
          rows: doneRows + rows,
        });
      const target = sink(report);
      await streamCsv(name, target, meter);
      doneBytes += size;
      doneRows += target.rows;
      return target.rows;
    };
    const insertEmail = staging.insert("Email", INSERT_COLUMNS);
    const rows = await stream(
      file,
      sizes[0],
      (onFlush) => new TableSink(db, file, insertEmail, EMAIL_ROWS, batchSize, onFlush),
    );
    const references: Partial<Record<"Email" | "Person", Reference>> = {
      Email: { has: staging.has("Email"), file: path.basename(file) },
    };
    const loaded: LoadSummary["companions"] = {};
    for (const [i, { spec, file: companion }] of companions.entries()) {
      const insert = staging.insert(
        spec.table,
        spec.columns.map((c) => c.name),
      );
      const mapper = companionRows(spec, references);
      const n = await stream(
        companion,
        sizes[i + 1],
        (onFlush) => new TableSink(db, companion, insert, mapper, batchSize, onFlush),
      );
      loaded[spec.kind] = { file: companion, rows: n };
      if (spec.table === "Person") {
        references.Person = { has: staging.has("Person"), file: path.basename(companion) };
      }
    }
    const state = staging.publish(file);
    return {
      ...state,
      file,
      rows,
      bytes: totalBytes,
      ms: performance.now() - started,
      companions: loaded,
    };
  } catch (err) {
    staging.discard();
    throw err;
  }
}
