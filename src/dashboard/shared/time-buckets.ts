/**
 * The SENT group keys of the API (`2012-09-12`, `2012-W37`, `2012-09`, `2012-Q3`, `2012`)
 * turned back into the half-open UTC instant range they stand for, so a click on a bucket
 * can become a `sentAfter`/`sentBefore` filter. Pure; unit-tested in Node.
 */

export interface InstantRange {
  /** Inclusive. */
  sentAfter: string;
  /** Exclusive. */
  sentBefore: string;
}

const DAY_MS = 86_400_000;

function utc(year: number, month0: number, day: number): number {
  return Date.UTC(year, month0, day);
}

/** Monday of ISO week 1 is the Monday of the week holding 4 January. */
function isoWeekStart(year: number, week: number): number {
  const jan4 = utc(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - weekday * DAY_MS + (week - 1) * 7 * DAY_MS;
}

function range(start: number, end: number): InstantRange {
  return { sentAfter: new Date(start).toISOString(), sentBefore: new Date(end).toISOString() };
}

/** Null for a key that is not one of the five shapes (the "(unknown)" group has key null). */
export function sentKeyRange(key: string): InstantRange | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key))) {
    const start = utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return range(start, start + DAY_MS);
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(key))) {
    const start = isoWeekStart(Number(m[1]), Number(m[2]));
    return range(start, start + 7 * DAY_MS);
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(key))) {
    const year = Number(m[1]);
    const month0 = Number(m[2]) - 1;
    return range(utc(year, month0, 1), utc(year, month0 + 1, 1));
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(key))) {
    const year = Number(m[1]);
    const month0 = (Number(m[2]) - 1) * 3;
    return range(utc(year, month0, 1), utc(year, month0 + 3, 1));
  }
  if ((m = /^(\d{4})$/.exec(key))) {
    const year = Number(m[1]);
    return range(utc(year, 0, 1), utc(year + 1, 0, 1));
  }
  return null;
}

/** A date input's `YYYY-MM-DD` as the instant that day starts (UTC); "until" is inclusive. */
export function dayStart(day: string): string {
  return `${day}T00:00:00.000Z`;
}

export function dayAfter(day: string): string {
  return new Date(Date.parse(dayStart(day)) + DAY_MS).toISOString();
}

/** The later of two lower bounds and the earlier of two upper ones (ISO strings compare in order). */
export function intersect(
  a: { sentAfter?: string; sentBefore?: string },
  b: InstantRange,
): InstantRange {
  return {
    sentAfter: a.sentAfter && a.sentAfter > b.sentAfter ? a.sentAfter : b.sentAfter,
    sentBefore: a.sentBefore && a.sentBefore < b.sentBefore ? a.sentBefore : b.sentBefore,
  };
}
