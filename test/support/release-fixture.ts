import fs from "node:fs";
import path from "node:path";
import { emailsCsv } from "./fixture-corpus";

/**
 * A small Kaggle-shaped release (Emails.csv and its three companions) full of the values a
 * grouping can get wrong: an empty sender, a sender id Persons.csv does not know, a person
 * without a name, "87.0" for 87, dates that are missing, unparsable, date-only, or cross a
 * year in UTC only, ISO week 53 (2015) and week 1 starting in December (2009-W01), a leap
 * day, a release value with a stray space, emails with no recipients and a repeated
 * recipient row. Tests compare against Python reading these same files, never against
 * values restated here.
 */
export interface ReleaseEmail {
  id: number;
  from: string;
  personId: string;
  sent: string;
  release: string;
  documentClass: string;
  caseNumber: string;
  text: string;
}

export const RELEASE_EMAILS: readonly ReleaseEmail[] = [
  e(1, "Sullivan, Jacob J", "87", "2012-09-12T04:00:00+00:00", "Hello World"),
  e(2, "Mills, Cheryl D", "32", "2011-03-03T05:00:00+00:00", "ÉCOLE école", "RELEASE IN PART"),
  e(3, "sullivan, jake", "87.0", "2010-01-15T05:00:00+00:00", "ΑΒΓ δ ДЖ", "RELEASE IN PART"),
  e(4, "Abedin, Huma", "81", "", "Ⅻ Ⓐ 𝐀 ǅ"),
  { ...e(5, "", "", "2009-06-01T04:00:00+00:00", ""), release: "", documentClass: "" },
  e(6, "H", "80", "2015-12-31T05:00:00+00:00", "Week FIFTY-THREE of 2015"),
  e(7, "H", "80", "2016-01-01T05:00:00+00:00", "Still 2015-W53 in ISO terms", "RELEASE IN PART"),
  e(8, "Mills, Cheryl D", "32", "2016-01-04T05:00:00+00:00", "First ISO week of 2016"),
  e(9, "Mills, Cheryl D", "32", "2012-12-31T23:30:00-05:00", "New Year in UTC, not in DC"),
  { ...e(10, "Unknown Sender", "999", "not a date", "Who SENT this?"), caseNumber: "" },
  e(11, "Nameless", "150", "2008-12-29T12:00:00+00:00", "ISO week 1 of 2009 starts in DECEMBER"),
  e(12, "H", "80", "2012-02-29T05:00:00+00:00", "Leap Day: LEAP", "RELEASE IN PART"),
  e(13, "Sullivan, Jacob J", "87", "2009-12-31T23:59:59+00:00", "Last SECOND", " RELEASE IN FULL"),
  e(
    14,
    "H",
    "80",
    "2010-01-01T00:00:00+00:00",
    "UNCLASSIFIED\nU.S. Department of State\nCase No. F-2015-04841\nDoc No. C05739545",
  ),
  e(15, "Núñez, Óscar", "412", "2012-09-30T04:00:00+00:00", "lower only\r\nsecond LINE"),
  e(16, "Abedin, Huma", "81", "2012-09-12T16:00:00+00:00", "Same DAY as email 1"),
  { ...e(17, "", "80", "2012-09-15", "Date only, NO sender name"), documentClass: "" },
];

function e(
  id: number,
  from: string,
  personId: string,
  sent: string,
  text: string,
  release = "RELEASE IN FULL",
): ReleaseEmail {
  return {
    id,
    from,
    personId,
    sent,
    release,
    documentClass: id % 2 === 0 ? "HRCEmail_JuneWeb" : "HRC_Email_296",
    caseNumber: id % 3 === 0 ? "F-2014-20439" : "F-2015-04841",
    text,
  };
}

export const PERSONS_CSV = [
  "Id,Name",
  "80,H",
  "81,Huma Abedin",
  "32,Cheryl Mills",
  "87,Jake Sullivan",
  "150,",
  "412,Óscar Núñez",
  "500,Never Sends",
].join("\n");

export const ALIASES_CSV = [
  "Id,Alias,PersonId",
  "1,h,80",
  "2,hrod17@clintonemail.com,80",
  "3,abedin huma,81",
  "4,sullivan jacob j,87",
  "5,jake.sullivan,87",
  "6,mills cheryl d,32",
].join("\n");

/** Emails 5 and 10 have no recipients; email 6 lists person 32 twice. */
export const RECEIVERS: readonly [number, number][] = [
  [1, 80],
  [2, 80],
  [2, 87],
  [3, 80],
  [4, 80],
  [4, 32],
  [4, 500],
  [6, 32],
  [6, 32],
  [7, 150],
  [8, 80],
  [9, 80],
  [11, 80],
  [12, 87],
  [12, 81],
  [13, 80],
  [14, 32],
  [15, 80],
  [16, 80],
  [17, 412],
];

export const RECEIVERS_CSV = [
  "Id,EmailId,PersonId",
  ...RECEIVERS.map(([email, person], i) => `${i + 1},${email},${person}`),
].join("\n");

export function releaseEmailsCsv(rows: readonly ReleaseEmail[] = RELEASE_EMAILS): string {
  return emailsCsv(
    rows.map((r) => ({
      Id: String(r.id),
      DocNumber: `C0${r.id}`,
      MetadataSubject: `Subject ${r.id}`,
      MetadataFrom: r.from,
      SenderPersonId: r.personId,
      MetadataDateSent: r.sent,
      MetadataCaseNumber: r.caseNumber,
      MetadataDocumentClass: r.documentClass,
      ExtractedReleaseInPartOrFull: r.release,
      RawText: r.text,
    })),
  );
}

export interface ReleaseFiles {
  emails: string;
  persons?: string | null;
  aliases?: string | null;
  receivers?: string | null;
}

/** Writes Emails.csv and the companions (null leaves one out); returns the Emails.csv path. */
export function writeRelease(dir: string, files: Partial<ReleaseFiles> = {}): string {
  const all: Record<string, string | null | undefined> = {
    "Emails.csv": files.emails ?? releaseEmailsCsv(),
    "Persons.csv": files.persons === undefined ? PERSONS_CSV : files.persons,
    "Aliases.csv": files.aliases === undefined ? ALIASES_CSV : files.aliases,
    "EmailReceivers.csv": files.receivers === undefined ? RECEIVERS_CSV : files.receivers,
  };
  for (const [name, content] of Object.entries(all)) {
    const file = path.join(dir, name);
    if (content === null || content === undefined) fs.rmSync(file, { force: true });
    else fs.writeFileSync(file, content);
  }
  return path.join(dir, "Emails.csv");
}
