import { EMAIL_COLUMNS } from "../../src/corpus/columns";

/**
 * A small corpus whose counts were worked out by hand (and agree with Python:
 * sum(c.isupper() for c in s), len(s)). Every column of Emails.csv is present.
 */
export interface FixtureEmail {
  id: number;
  from: string;
  subject: string;
  sent: string;
  text: string;
  capitals: number;
  characters: number;
}

export const FIXTURE: readonly FixtureEmail[] = [
  // H, W
  {
    id: 1,
    from: "Sullivan, Jacob J",
    subject: "WOW",
    sent: "2012-09-12T04:00:00+00:00",
    text: "Hello World",
    capitals: 2,
    characters: 11,
  },
  // É C O L E; "école" has none
  {
    id: 2,
    from: "Mills, Cheryl D",
    subject: 'Re: "Libya", update',
    sent: "2011-03-03T05:00:00+00:00",
    text: "ÉCOLE école",
    capitals: 5,
    characters: 11,
  },
  // Α Β Γ Д Ж (Greek and Cyrillic), δ is lowercase
  {
    id: 3,
    from: "sullivan, jake",
    subject: "Greek",
    sent: "2010-01-15T05:00:00+00:00",
    text: "ΑΒΓ δ ДЖ",
    capitals: 5,
    characters: 8,
  },
  // Ⅻ and Ⓐ are Other_Uppercase; 𝐀 is one code point; ǅ is titlecase, not uppercase
  {
    id: 4,
    from: "Abedin, Huma",
    subject: "Symbols",
    sent: "",
    text: "Ⅻ Ⓐ 𝐀 ǅ",
    capitals: 3,
    characters: 7,
  },
  // empty text
  {
    id: 5,
    from: "",
    subject: "",
    sent: "2009-06-01T04:00:00+00:00",
    text: "",
    capitals: 0,
    characters: 0,
  },
  // L I N E; CRLF inside a quoted field is two characters
  {
    id: 7,
    from: "Mills, Cheryl D",
    subject: "Two lines",
    sent: "2012-12-01T05:00:00+00:00",
    text: "lower only\r\nsecond LINE",
    capitals: 4,
    characters: 23,
  },
  // UNCLASSIFIED (12) + U S D S (4) + C N F (3) + D N C (3) = 22; 13 + 25 + 22 + 17 characters
  {
    id: 9,
    from: "H",
    subject: "Header, with comma",
    sent: "2013-01-31T05:00:00+00:00",
    text: "UNCLASSIFIED\nU.S. Department of State\nCase No. F-2015-04841\nDoc No. C05739545",
    characters: 77,
    capitals: 22,
  },
];

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * An Emails.csv (header and all 22 columns) of one record per entry, each giving some
 * columns by name (the rest empty), "\n" between records.
 */
export function emailsCsv(records: readonly Partial<Record<string, string>>[]): string {
  const lines = [EMAIL_COLUMNS.join(",")];
  for (const values of records) {
    lines.push(EMAIL_COLUMNS.map((c) => quote(values[c] ?? "")).join(","));
  }
  return lines.join("\n") + "\n";
}

/** The fixture as an Emails.csv (header and all 22 columns), "\n" between records. */
export function fixtureCsv(rows: readonly FixtureEmail[] = FIXTURE): string {
  return emailsCsv(
    rows.map((e) => ({
      Id: String(e.id),
      DocNumber: `C0${e.id}`,
      MetadataSubject: e.subject,
      MetadataTo: "H",
      MetadataFrom: e.from,
      SenderPersonId: e.from === "" ? "" : String(80 + e.id),
      MetadataDateSent: e.sent,
      MetadataDateReleased: "2015-05-22T04:00:00+00:00",
      MetadataPdfLink: `DOCUMENTS/HRC_Email_1_296/HRCH2/DOC_0C0${e.id}/C0${e.id}.pdf`,
      MetadataCaseNumber: "F-2015-04841",
      MetadataDocumentClass: "HRC_Email_296",
      ExtractedReleaseInPartOrFull: "RELEASE IN FULL",
      RawText: e.text,
    })),
  );
}
