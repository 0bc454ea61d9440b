/** The 22 columns of the State Department's Emails.csv, in file order. */
export const EMAIL_COLUMNS = [
  "Id",
  "DocNumber",
  "MetadataSubject",
  "MetadataTo",
  "MetadataFrom",
  "SenderPersonId",
  "MetadataDateSent",
  "MetadataDateReleased",
  "MetadataPdfLink",
  "MetadataCaseNumber",
  "MetadataDocumentClass",
  "ExtractedSubject",
  "ExtractedTo",
  "ExtractedFrom",
  "ExtractedCc",
  "ExtractedDateSent",
  "ExtractedCaseNumber",
  "ExtractedDocNumber",
  "ExtractedDateReleased",
  "ExtractedReleaseInPartOrFull",
  "ExtractedBodyText",
  "RawText",
] as const;

export type EmailColumn = (typeof EMAIL_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly EmailColumn[] = ["Id", "RawText"];

/** Columns stored as SQLite DATETIME (Prisma DateTime) when they parse. */
export const DATE_COLUMNS: ReadonlySet<EmailColumn> = new Set([
  "MetadataDateSent",
  "MetadataDateReleased",
]);
