import { daysFromCivil } from "./calendar";
import { GIVEN_NAMES, SURNAMES, words } from "./vocabulary";

/** A correspondent: "Last, First M" as the file writes names, with a stable person id. */
export interface Person {
  name: string;
  address: string;
  id: number;
}

/** The principal: every email is to or from her, as in the real release. */
export const PRINCIPAL: Person = { name: "H", address: "hrod17@clintonemail.com", id: 80 };

const INITIALS = "ABCDEFGHJKLMNPRSTW";

function staffMember(surname: string, given: string, i: number): Person {
  const initial = i % 3 === 0 ? "" : INITIALS[i % INITIALS.length];
  const name = initial ? `${surname}, ${given} ${initial}` : `${surname}, ${given}`;
  const tag = (given[0] + (initial || "")).toUpperCase();
  return { name, address: `${surname}${tag}@state.gov`, id: 81 + i * 7 };
}

export const STAFF: readonly Person[] = [
  ...SURNAMES.map((surname, i) => staffMember(surname, GIVEN_NAMES[i], i)),
  // Names with non-ASCII capitals reach the metadata columns, not just RawText.
  { name: "Núñez, Óscar", address: "NunezO@state.gov", id: 412 },
  { name: "Østergaard, Åse", address: "OstergaardA@state.gov", id: 415 },
];

/** One tranche of the monthly court-ordered releases. */
export interface ReleaseBatch {
  documentClass: string;
  caseNumber: string;
  /** Days since 1970-01-01 of MetadataDateReleased. */
  releasedDays: number;
  /** Days since 1970-01-01 of the "Date:" stamp printed on every page. */
  stampDays: number;
  pdfFolder: string;
  /** Pages carry the House Select Committee on Benghazi legend. */
  benghazi: boolean;
}

/** A tranche of the later releases, from a row "documentClass YYYY-MM-DD" (release date). */
function batch(row: string): ReleaseBatch {
  const [documentClass, released] = words(row);
  const [year, month, day] = released.split("-").map(Number);
  const releasedDays = daysFromCivil({ year, month, day });
  return {
    documentClass,
    caseNumber: "F-2014-20439",
    releasedDays,
    stampDays: releasedDays,
    pdfFolder: documentClass,
    benghazi: false,
  };
}

export const FIRST_RELEASE: ReleaseBatch = {
  documentClass: "HRC_Email_296",
  caseNumber: "F-2015-04841",
  releasedDays: daysFromCivil({ year: 2015, month: 5, day: 22 }),
  stampDays: daysFromCivil({ year: 2015, month: 5, day: 13 }),
  pdfFolder: "HRC_Email_1_296",
  benghazi: true,
};

/** Each later tranche's document class (also its PDF folder) and release date, in order. */
export const LATER_RELEASES: readonly ReleaseBatch[] = `
  HRCEmail_JuneWeb              2015-06-30
  HRCEmail_JulyWeb              2015-07-31
  Clinton_Email_August_Release  2015-08-31
  HRCEmail_SeptemberWeb         2015-09-30
  HRCEmail_OctWeb               2015-10-30
  HRCEmail_NovWeb               2015-11-30
  HRCEmail_DecWeb               2015-12-31
  HRCEmail_Jan7thWeb            2016-01-07
  HRCEmail_Jan29thWeb           2016-01-29
  HRCEmail_Feb13thWeb           2016-02-13
  HRCEmail_Feb19thWeb           2016-02-19
  HRCEmail_Feb26thWeb           2016-02-26
  HRCEmail_Feb29thWeb           2016-02-29
`
  .trim()
  .split("\n")
  .map(batch);

/** The span of MetadataDateSent: the four years of the term. */
export const FIRST_SENT_DAY = daysFromCivil({ year: 2009, month: 1, day: 21 });
export const LAST_SENT_DAY = daysFromCivil({ year: 2013, month: 1, day: 31 });

export const BENGHAZI_LEGEND = [
  "STATE DEPT. - PRODUCED TO HOUSE SELECT BENGHAZI COMM.",
  "SUBJECT TO AGREEMENT ON SENSITIVE INFORMATION & REDACTIONS. NO FOIA WAIVER.",
];
