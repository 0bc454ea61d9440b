import { TimeGranularity } from "./group-enums";

const DAY_MS = 86_400_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** Start (UTC ms) of the bucket holding `ms`. */
export function bucketStart(ms: number, granularity: TimeGranularity): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (granularity) {
    case TimeGranularity.DAY:
      return Date.UTC(y, m, d.getUTCDate());
    case TimeGranularity.WEEK: {
      const monday = (d.getUTCDay() + 6) % 7; // days since Monday
      return Date.UTC(y, m, d.getUTCDate() - monday);
    }
    case TimeGranularity.MONTH:
      return Date.UTC(y, m, 1);
    case TimeGranularity.QUARTER:
      return Date.UTC(y, m - (m % 3), 1);
    case TimeGranularity.YEAR:
      return Date.UTC(y, 0, 1);
  }
}

/** Start of the bucket after the one starting at `start`. */
export function nextBucket(start: number, granularity: TimeGranularity): number {
  const d = new Date(start);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (granularity) {
    case TimeGranularity.DAY:
      return start + DAY_MS;
    case TimeGranularity.WEEK:
      return start + 7 * DAY_MS;
    case TimeGranularity.MONTH:
      return Date.UTC(y, m + 1, 1);
    case TimeGranularity.QUARTER:
      return Date.UTC(y, m + 3, 1);
    case TimeGranularity.YEAR:
      return Date.UTC(y + 1, 0, 1);
  }
}

/**
 * The key of the bucket starting at `start`: 2012-09-12, 2012-W37, 2012-09, 2012-Q3, 2012.
 * Keys of one granularity sort chronologically as strings (for years 0000 to 9999).
 */
export function bucketKey(start: number, granularity: TimeGranularity): string {
  const d = new Date(start);
  const y = pad(d.getUTCFullYear(), 4);
  const m = d.getUTCMonth();
  switch (granularity) {
    case TimeGranularity.DAY:
      return `${y}-${pad(m + 1)}-${pad(d.getUTCDate())}`;
    case TimeGranularity.WEEK: {
      // The ISO week-year is the year of the week's Thursday; week 1 holds January 4th.
      const thursday = new Date(start + 3 * DAY_MS);
      const year = thursday.getUTCFullYear();
      const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
      return `${pad(year, 4)}-W${pad(week)}`;
    }
    case TimeGranularity.MONTH:
      return `${y}-${pad(m + 1)}`;
    case TimeGranularity.QUARTER:
      return `${y}-Q${Math.floor(m / 3) + 1}`;
    case TimeGranularity.YEAR:
      return y;
  }
}
