import type { Sqlite } from "../db/sqlite";

/** SQL name of the case folding function every text filter compares through. */
export const FOLD_FUNCTION = "capstats_fold";

/**
 * Case folding for "contains" filters, beyond ASCII: upper-casing first turns ß into SS and
 * ﬁ into FI, then lower-casing, with final ς as σ (toLowerCase picks ς by position, which a
 * substring must not depend on). So "STRASSE" finds "Straße", "ΟΔΥΣΣΈΑΣ" finds "Οδυσσέας" and
 * "JÜRGEN" finds "Jürgen". No accent folding and no Unicode normalisation: é and e differ.
 */
export function foldCase(text: string): string {
  return text.toUpperCase().toLowerCase().replace(/ς/g, "σ");
}

/** Registers FOLD_FUNCTION on a connection; every connection that runs filters needs it. */
export function registerTextFunctions(db: Sqlite): void {
  db.function(FOLD_FUNCTION, { deterministic: true }, (value: unknown) =>
    typeof value === "string" ? foldCase(value) : null,
  );
}

/**
 * `column` contains `needle`, case-insensitively (foldCase), as a SQL condition and its one
 * parameter. instr() matches the needle literally: no character of it is a wildcard, so a
 * filter for "%", "_" or "\" finds exactly the values containing that character.
 */
export function containsFolded(column: string, needle: string): { sql: string; param: string } {
  return { sql: `instr(${FOLD_FUNCTION}("${column}"), ?) > 0`, param: foldCase(needle) };
}
