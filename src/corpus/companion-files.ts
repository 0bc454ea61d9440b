import fs from "node:fs";
import path from "node:path";
import type { CorpusTable } from "./corpus-store";
import { missingColumns, parseInteger, type SqlValue } from "./row-mapper";
import type { RowMapper } from "./table-sink";

/**
 * The three files Kaggle's release ships beside Emails.csv. Each is optional; when present
 * it loads with the emails and is swapped in with them.
 */
export type CompanionKind = "persons" | "aliases" | "emailReceivers";

type ColumnKind = "id" | "integer" | "text" | "nonEmptyText";

interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  /** The staged table this integer must be an Id of (when that file was loaded). */
  references?: "Email" | "Person";
}

export interface CompanionSpec {
  kind: CompanionKind;
  /** The word that replaces "Emails" in the file name: Persons.csv, Aliases.csv, ... */
  stem: string;
  table: CorpusTable;
  columns: readonly ColumnSpec[];
}

/** A companion file: its Id column first (table sinks key rows by values[0]), then `columns`. */
function companion(
  kind: CompanionKind,
  stem: string,
  table: CorpusTable,
  columns: readonly ColumnSpec[],
): CompanionSpec {
  return { kind, stem, table, columns: [{ name: "Id", kind: "id" }, ...columns] };
}

/** In load order: a file's references are staged before it. */
export const COMPANIONS: readonly CompanionSpec[] = [
  companion("persons", "Persons", "Person", [{ name: "Name", kind: "text" }]),
  companion("aliases", "Aliases", "Alias", [
    { name: "Alias", kind: "nonEmptyText" },
    { name: "PersonId", kind: "integer", references: "Person" },
  ]),
  companion("emailReceivers", "EmailReceivers", "EmailReceiver", [
    { name: "EmailId", kind: "integer", references: "Email" },
    { name: "PersonId", kind: "integer", references: "Person" },
  ]),
];

/**
 * Where a companion of `emailsFile` stands: "Emails" in the name becomes the companion's
 * stem (Emails.csv -> Persons.csv, Emails.generated.csv -> Persons.generated.csv); a name
 * without it gets the stem as a suffix (big.csv -> big.Persons.csv). The generator writes
 * by the same rule.
 */
export function companionPath(emailsFile: string, stem: string): string {
  const dir = path.dirname(emailsFile);
  const base = path.basename(emailsFile);
  if (base.includes("Emails")) return path.join(dir, base.replace("Emails", stem));
  const ext = path.extname(base);
  return path.join(dir, `${base.slice(0, base.length - ext.length)}.${stem}${ext || ".csv"}`);
}

/** The companions that exist next to `emailsFile`, in load order. */
export function presentCompanions(emailsFile: string): { spec: CompanionSpec; file: string }[] {
  return COMPANIONS.map((spec) => ({ spec, file: companionPath(emailsFile, spec.stem) })).filter(
    ({ file }) => fs.existsSync(file),
  );
}

/** Lookup of staged Ids, with the file a missing one should have been in. */
export interface Reference {
  has(id: number): boolean;
  /** How the message names what was looked in, e.g. "Emails.csv". */
  file: string;
}

type Header = ReadonlyMap<string, number>;

/**
 * Records of one companion file as insert values, in the spec's column order. A reference
 * whose target file was not loaded is not checked (Persons.csv is optional).
 */
export function companionRows(
  spec: CompanionSpec,
  references: Partial<Record<"Email" | "Person", Reference>>,
): RowMapper<Header> {
  return {
    header(record) {
      const positions = new Map<string, number>();
      record.forEach((raw, i) => {
        const name = raw.trim();
        if (!positions.has(name)) positions.set(name, i);
      });
      const missing = spec.columns.map((c) => c.name).filter((c) => !positions.has(c));
      return missing.length > 0 ? missingColumns(missing) : positions;
    },
    row(record, header) {
      const values: SqlValue[] = [];
      for (const column of spec.columns) {
        const value = columnValue(column, record[header.get(column.name) as number], references);
        if (typeof value === "object" && value !== null) return value.problem;
        values.push(value);
      }
      return values;
    },
  };
}

function columnValue(
  column: ColumnSpec,
  raw: string,
  references: Partial<Record<"Email" | "Person", Reference>>,
): SqlValue | { problem: string } {
  if (column.kind === "text") return raw === "" ? null : raw;
  if (column.kind === "nonEmptyText") {
    return raw.trim() === "" ? { problem: `${column.name} is empty` } : raw;
  }
  if (raw.trim() === "") return { problem: `${column.name} is empty` };
  const n = parseInteger(raw);
  if (typeof n === "string") return { problem: `${column.name} ${n}` };
  const target = column.references ? references[column.references] : undefined;
  if (target && !target.has(n)) {
    const what = column.references === "Email" ? "email" : "person";
    return { problem: `${column.name} ${n} is not the Id of any ${what} in ${target.file}` };
  }
  return n;
}
