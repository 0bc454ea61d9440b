import fs from "node:fs";
import Papa from "papaparse";
import { CsvLoadError } from "./load-error";
import { Utf8DecodeStream } from "./utf8-decode.stream";

/**
 * What a loader does with each record of one file. Both methods may throw a CsvLoadError
 * (for a line other than the current one, say a duplicate found when a batch is written);
 * returning a string reports a problem on the current record's line.
 */
export interface CsvSink {
  header(record: readonly string[]): string | null;
  record(record: readonly string[], line: number): string | null;
  /** After the last record, before the stream result is known to be good. */
  end(): void;
}

/** Size of a file that must be a regular file; a CsvLoadError naming it otherwise. */
export function csvFileSize(file: string): number {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new CsvLoadError(file, null, "not a regular file");
    return stat.size;
  } catch (err) {
    if (err instanceof CsvLoadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new CsvLoadError(
      file,
      null,
      code === "ENOENT" ? "file not found" : `cannot open (${code ?? String(err)})`,
    );
  }
}

/**
 * Streams one CSV through `sink`: validated UTF-8 (a BOM dropped), RFC 4180 records, the
 * physical line of each record (counting newlines inside quoted fields), blank lines
 * skipped, and every record as wide as the header. The first problem stops the stream
 * with a CsvLoadError naming the file and line.
 */
export async function streamCsv(
  file: string,
  sink: CsvSink,
  /** Kept up to date with the bytes decoded so far, for progress reports. */
  meter: { bytesRead: number } = { bytesRead: 0 },
): Promise<void> {
  const decoded = new Utf8DecodeStream(file);
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  let width = -1;
  let line = 1; // physical line where the current record starts
  let failure: Error | null = null;

  const onRecord = (record: string[], errors: Papa.ParseError[]): string | null => {
    if (errors.length > 0) return describeParseError(errors[0]);
    if (record.length === 1 && record[0] === "") return null; // a blank line
    if (width < 0) {
      width = record.length;
      return sink.header(record);
    }
    if (record.length !== width) {
      return `wrong number of fields: expected ${width} as in the header, found ${record.length}`;
    }
    meter.bytesRead = decoded.bytesRead;
    return sink.record(record, line);
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
        try {
          const problem = onRecord(results.data, results.errors);
          if (problem !== null) failure = new CsvLoadError(file, line, problem);
        } catch (err) {
          failure = err as Error;
        }
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
  if (!failure) {
    try {
      sink.end();
    } catch (err) {
      failure = err as Error;
    }
  }
  if (failure) throw failure;
  if (width < 0) throw new CsvLoadError(file, 1, "empty file: no header row");
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
