/**
 * Word lists for the body text. Weights come from repetition in the sampling code, not
 * here; these are plain readonly lists so nothing in a run can change them.
 */

/** The words of `text`, split at white space (no word contains any): a list written as prose. */
export function words(text: string): readonly string[] {
  return text.trim().split(/\s+/);
}

export const FUNCTION_WORDS: readonly string[] = words(`
  the of and to a in that is for on with as we it be this have are will at not by from
  but they he she was has our an or would there their which about can if been more all
  so also what who them when just up out than other should into could some these its one
  after very any over now only those how were may then had before still because while
  through do I I I you his her my me us no
`);

export const CONTENT_WORDS: readonly string[] = words(`
  government president secretary meeting call statement week today tomorrow report people
  country talk discuss support security foreign policy military election minister team
  office schedule time issue visit plan draft speech press question vote agreement deal
  forces regime opposition council resolution aid assistance development women rights
  leaders officials embassy trip morning afternoon evening night update note memo points
  language proposal review process briefing conference summit negotiations sanctions crisis
  situation response effort pressure concerns important good new great strong clear
  political economic public international national senior possible next last first few
  many want need think know see make take send hope believe working going said told asked
  agreed called sent reached spoke thanks please sure help back well really already again
  soon here budget funding staff bill committee hearing testimony article story interview
  reporters coverage message line list copy version numbers details timing approach
  strategy options decision outcome partners allies region border refugees violence
  protests ceasefire transition reform economy jobs energy climate health food water
  program initiative campaign event dinner lunch remarks toast readout letter cable
  don't can't it's we're I'll let's that's won't
`);

export const PLACES: readonly string[] = words(`
  Libya Benghazi Tripoli Egypt Cairo Israel Jerusalem Gaza Iran Tehran Iraq Baghdad Syria
  Damascus Afghanistan Kabul Pakistan Islamabad India Delhi China Beijing Russia Moscow
  Haiti Mexico Brazil Turkey Ankara Yemen Sudan Somalia Europe Africa Asia Washington
  London Paris Berlin Brussels Geneva Congress Senate House Treasury Pentagon Tunisia
  Jordan Lebanon Kenya Nigeria Japan Korea Burma Colombia Honduras Ireland Oslo Lisbon
`);

export const CALENDAR_WORDS: readonly string[] = words(`
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
  May June July August September October November December
`);

/** Fictional surnames; the corpus imitates the file's shape, not its people. */
export const SURNAMES: readonly string[] = words(`
  Marsh Okafor Brennan Alvarez Lindqvist Haddad Kowalski Tanaka Ferreira Nakamura
  Whitfield Castellano Obi Mendel Harlow Quinlan Desai Moreau Vasquez Abernathy Pryce
  Delgado Sato Kerrigan Holloway Ibsen Carver Rowan Ashby Fenwick
`);

export const GIVEN_NAMES: readonly string[] = words(`
  Daniel Grace Claire Sofia Erik Nadia Piotr Kenji Lucas Aiko Thomas Elena Chidi Ruth
  Oliver Maeve Ravi Camille Diego Helen Owen Marisol Yuki Patrick Nora Henrik Samuel
  Leah Victor Iris
`);

export const TITLES: readonly string[] = ["Mr.", "Ms.", "Dr.", "Amb.", "Sen.", "Gen.", "Gov."];

export const ACRONYMS: readonly string[] = words(`
  UN NATO EU AU USAID NSC DOD CIA FBI IMF OAS NGO G-20 G-8 OK FYI POTUS VP TNC UNSC OSCE
  WTO ASEAN S/P NEA SCA AFR AIDS HIV US U.S. DC
`);

export const CAPS_HEADINGS: readonly string[] = [
  "PRIVATE AND CONFIDENTIAL",
  "MEMORANDUM",
  "FOR IMMEDIATE RELEASE",
  "TALKING POINTS",
  "SENSITIVE BUT UNCLASSIFIED",
  "BACKGROUND",
  "SUMMARY",
  "AGENDA",
  "CONFIDENTIAL",
  "PRESS STATEMENT",
  "SCHEDULE",
  "NOTE FOR THE SECRETARY",
];

export const OPENERS: readonly string[] = [
  "Pls print.",
  "FYI",
  "Fyi.",
  "See below.",
  "Thx.",
  "Pls call.",
  "Can we talk?",
  "Will do.",
  "Ok.",
];

/** Names and place words with accented Latin, Greek and Cyrillic capitals. */
export const FOREIGN_PROPER: readonly string[] = words(`
  École Élysée Ñúñez Örebro Øresund Łódź Šefčovič Çelik Ümit Ángel Íñigo Ålesund
  ǅemal ΑΘΗΝΑ Ωμέγα Ελλάδα Δήμος ΣΥΝΟΔΟΣ Ψαρά Дмитрий Жуков МОСКВА Россия Украина Київ
  Ёлкин Щукин
`);

export const FOREIGN_LOWER: readonly string[] = words(`
  café résumé naïve señor über façade déjà vu coöperation straße élan piñata α β ж
  привет εντάξει
`);

/** Non-ASCII decimal digits (Arabic-Indic, Devanagari, fullwidth) and a non-decimal digit. */
export const FOREIGN_NUMBERS: readonly string[] = ["٢٠١١", "२०१२", "２０１０", "٣", "km²", "۴۵"];

/** Other_Uppercase capitals: circled letters and Roman numerals. */
export const CIRCLED_BULLETS: readonly string[] = ["Ⓐ", "Ⓑ", "Ⓒ", "Ⓓ", "Ⓔ"];
export const ROMAN_NUMERALS: readonly string[] = ["Ⅰ", "Ⅱ", "Ⅳ", "Ⅸ", "Ⅻ"];

/** Capitals outside the BMP: mathematical bold (U+1D400..) and Deseret (U+10400..). */
export const ASTRAL_HEADINGS: readonly string[] = ["𝐔𝐑𝐆𝐄𝐍𝐓", "𝐀𝐍𝐍𝐄𝐗", "𝐙𝐎𝐍𝐄", "𝐍𝐎𝐓𝐄"];
export const ASTRAL_WORDS: readonly string[] = ["𝐀", "𝐙", "𝐁𝐫𝐢𝐞𝐟", "𐐀𐐨𐐻"];

export const NON_ASCII_PUNCTUATION: readonly string[] = ["—", "…", "€", "£", "°"];
