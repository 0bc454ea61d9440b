import { DATE_COLUMNS, EMAIL_COLUMNS, REQUIRED_COLUMNS, type EmailColumn } from "./columns";
import type { RowMapper } from "./table-sink";

export type SqlValue = string | number | null;

/** Where each known column sits in the file's header; extra columns are ignored. */
export type HeaderMap = ReadonlyMap<EmailColumn, number>;

export function mapHeader(header: readonly string[]): HeaderMap | { missing: EmailColumn[] } {
  const positions = new Map<EmailColumn, number>();
  const known = new Set<string>(EMAIL_COLUMNS);
  header.forEach((raw, i) => {
    const name = raw.trim();
    if (known.has(name) && !positions.has(name as EmailColumn))
      positions.set(name as EmailColumn, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !positions.has(c));
  return missing.length > 0 ? { missing } : positions;
}

const INTEGER = /^[+-]?\d+$/;
// pandas writes an integer column that has gaps as floats ("87.0"); accept that spelling.
const INTEGRAL_FLOAT = /^[+-]?\d+\.0*$/;

/** Parses a whole number within the safe range, or returns an explanation. */
export function parseInteger(raw: string): number | string {
  const s = raw.trim();
  if (!INTEGER.test(s) && !INTEGRAL_FLOAT.test(s)) return `"${raw}" is not an integer`;
  const n = Number(s);
  if (!Number.isSafeInteger(n)) return `"${raw}" is outside the safe integer range`;
  return n;
}

/** Prisma's SQLite adapter stores DateTime as ISO-8601 text with an explicit offset. */
export function toPrismaDateTime(raw: string): string | null {
  const s = raw.trim();
  if (s === "") return null;
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

export interface MappedRow {
  id: number;
  values: SqlValue[];
}

/** Column order of the SQL insert: the 22 file columns, then RawTextBytes. */
export const INSERT_COLUMNS = [...EMAIL_COLUMNS, "RawTextBytes"] as const;

/** A missing-columns problem, phrased the same for every file. */
export function missingColumns(missing: readonly string[]): string {
  const s = missing.length > 1 ? "s" : "";
  return `missing required column${s} ${missing.join(", ")} in the header`;
}

/** Emails.csv records as insert values in INSERT_COLUMNS order. */
export const EMAIL_ROWS: RowMapper<HeaderMap> = {
  header(record) {
    const mapped = mapHeader(record);
    return "missing" in mapped ? missingColumns(mapped.missing) : mapped;
  },
  row(record, header) {
    const mapped = mapRow(record, header);
    return typeof mapped === "string" ? mapped : mapped.values;
  },
};

/**
 * Converts one CSV record into insert values. Returns a problem string instead of
 * throwing so the caller can attach the file and line.
 */
export function mapRow(record: readonly string[], header: HeaderMap): MappedRow | string {
  const values: SqlValue[] = new Array(INSERT_COLUMNS.length);
  let id = 0;
  for (let c = 0; c < EMAIL_COLUMNS.length; c++) {
    const column = EMAIL_COLUMNS[c];
    const pos = header.get(column);
    const raw = pos === undefined ? undefined : record[pos];
    if (column === "Id") {
      if (raw === undefined || raw.trim() === "") return "Id is empty";
      const parsed = parseInteger(raw);
      if (typeof parsed === "string") return `Id ${parsed}`;
      id = parsed;
      values[c] = parsed;
    } else if (column === "SenderPersonId") {
      if (raw === undefined || raw.trim() === "") values[c] = null;
      else {
        const parsed = parseInteger(raw);
        if (typeof parsed === "string") return `SenderPersonId ${parsed}`;
        values[c] = parsed;
      }
    } else if (column === "RawText") {
      values[c] = raw ?? "";
    } else if (DATE_COLUMNS.has(column)) {
      values[c] = raw === undefined ? null : toPrismaDateTime(raw);
    } else {
      values[c] = raw === undefined || raw === "" ? null : raw;
    }
  }
  values[EMAIL_COLUMNS.length] = Buffer.byteLength(
    values[EMAIL_COLUMNS.length - 1] as string,
    "utf8",
  );
  return { id, values };
}
