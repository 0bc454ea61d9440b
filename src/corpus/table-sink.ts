import type { Statement } from "better-sqlite3";
import type { Sqlite } from "../db/sqlite";
import type { CsvSink } from "./csv-stream";
import { CsvLoadError } from "./load-error";
import type { SqlValue } from "./row-mapper";

/** Turns one file's records into insert values; problems come back as strings. */
export interface RowMapper<H> {
  header(record: readonly string[]): H | string;
  /** Values in the order of the insert's columns; values[0] is the row's Id. */
  row(record: readonly string[], header: H): SqlValue[] | string;
}

/**
 * Writes the records of one CSV into a staged table in batched transactions. Inserts are
 * synchronous (better-sqlite3), so the parser never runs ahead of the database and memory
 * stays flat. A duplicate Id is reported at the line of the repeated record.
 */
export class TableSink<H> implements CsvSink {
  rows = 0;
  private headerMap: H | null = null;
  private batch: SqlValue[][] = [];
  private lines: number[] = [];

  constructor(
    private readonly db: Sqlite,
    private readonly file: string,
    private readonly insert: Statement,
    private readonly mapper: RowMapper<H>,
    private readonly batchSize: number,
    private readonly onFlush: (rows: number) => void = () => undefined,
  ) {}

  header(record: readonly string[]): string | null {
    const mapped = this.mapper.header(record);
    if (typeof mapped === "string") return mapped;
    this.headerMap = mapped;
    return null;
  }

  record(record: readonly string[], line: number): string | null {
    const values = this.mapper.row(record, this.headerMap as H);
    if (typeof values === "string") return values;
    this.batch.push(values);
    this.lines.push(line);
    if (this.batch.length >= this.batchSize) this.flush();
    return null;
  }

  end(): void {
    this.flush();
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    const rows = this.batch;
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
    if (failedAt >= 0) {
      throw new CsvLoadError(this.file, this.lines[failedAt], `duplicate Id ${rows[failedAt][0]}`);
    }
    this.rows += rows.length;
    this.batch = [];
    this.lines = [];
    this.onFlush(this.rows);
  }
}
