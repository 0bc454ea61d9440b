import { TimeGranularity } from "./group-enums";

const DAY_MS = 86_400_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** How one granularity cuts UTC time into buckets; each takes the date of a bucket's start. */
interface Calendar {
  start(d: Date): number;
  next(start: Date): number;
  key(start: Date): string;
}

/** Calendar months `months` long (1, 3 or 12), starting in January. */
function monthly(months: number, key: (year: string, month: number) => string): Calendar {
  const first = (d: Date): number => d.getUTCMonth() - (d.getUTCMonth() % months);
  return {
    start: (d) => Date.UTC(d.getUTCFullYear(), first(d), 1),
    next: (d) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1),
    key: (d) => key(pad(d.getUTCFullYear(), 4), d.getUTCMonth()),
  };
}

const CALENDARS: Readonly<Record<TimeGranularity, Calendar>> = {
  DAY: {
    start: (d) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()),
    next: (d) => d.getTime() + DAY_MS,
    key: (d) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
  },
  WEEK: {
    // Back to Monday: getUTCDay() counts from Sunday.
    start: (d) =>
      Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)),
    next: (d) => d.getTime() + 7 * DAY_MS,
    key: (d) => {
      // The ISO week-year is the year of the week's Thursday; week 1 holds January 4th.
      const thursday = new Date(d.getTime() + 3 * DAY_MS);
      const year = thursday.getUTCFullYear();
      const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
      return `${pad(year, 4)}-W${pad(week)}`;
    },
  },
  MONTH: monthly(1, (y, m) => `${y}-${pad(m + 1)}`),
  QUARTER: monthly(3, (y, m) => `${y}-Q${Math.floor(m / 3) + 1}`),
  YEAR: monthly(12, (y) => y),
};

/** Start (UTC ms) of the bucket holding `ms`. */
export function bucketStart(ms: number, granularity: TimeGranularity): number {
  return CALENDARS[granularity].start(new Date(ms));
}

/** Start of the bucket after the one starting at `start`. */
export function nextBucket(start: number, granularity: TimeGranularity): number {
  return CALENDARS[granularity].next(new Date(start));
}

/**
 * The key of the bucket starting at `start`: 2012-09-12, 2012-W37, 2012-09, 2012-Q3, 2012.
 * Keys of one granularity sort chronologically as strings (for years 0000 to 9999).
 */
export function bucketKey(start: number, granularity: TimeGranularity): string {
  return CALENDARS[granularity].key(new Date(start));
}
