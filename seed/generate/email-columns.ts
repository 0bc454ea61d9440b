/** The 22 columns of the State Department's Emails.csv, in file order (its header row). */
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

export type EmailRecord = Record<EmailColumn, string>;
