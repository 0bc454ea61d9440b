import { DATE_COLUMNS, EMAIL_COLUMNS, type EmailColumn } from "../corpus/columns";
import type { Email } from "./email.type";
import type { EmailTexts, TextColumn } from "./email-texts";

const TEXT_COLUMNS: ReadonlySet<EmailColumn> = new Set<TextColumn>([
  "RawText",
  "ExtractedBodyText",
]);

/** Every column but the large texts, each under its GraphQL field name (MetadataFrom -> metadataFrom). */
const METADATA = EMAIL_COLUMNS.filter((c) => !TEXT_COLUMNS.has(c)).map((column) => ({
  column,
  field: column[0].toLowerCase() + column.slice(1),
  date: DATE_COLUMNS.has(column),
}));

export const METADATA_SELECT = METADATA.map((m) => `"${m.column}" AS "${m.field}"`).join(", ");

/** A row selected with METADATA_SELECT as an Email, its texts read later through `texts`. */
export function toEmail(row: Record<string, unknown>, texts: EmailTexts): Email {
  const email: Record<string, unknown> = { texts };
  for (const m of METADATA) {
    const value = row[m.field];
    email[m.field] = m.date && typeof value === "string" ? new Date(value) : (value ?? null);
  }
  return email as unknown as Email;
}
