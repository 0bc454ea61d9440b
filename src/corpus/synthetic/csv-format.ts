/**
 * RFC 4180 output with Python's csv.QUOTE_MINIMAL rule: a field is quoted only when it
 * holds the delimiter, a quote, CR or LF, and embedded quotes are doubled. Records end
 * in "\n", as in the released Emails.csv.
 */

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

export function formatField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(QUOTE, '""')}"` : value;
}

export function formatRecord(values: readonly string[]): string {
  return values.map(formatField).join(",") + "\n";
}
