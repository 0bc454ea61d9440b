import { civilFromDays, daysFromCivil } from "./calendar";
import { FIRST_SENT_DAY, LAST_SENT_DAY, PRINCIPAL, STAFF, type Person } from "./catalog";
import type { Prng } from "./prng";

/**
 * Who writes to whom, and when, shaped like the real release: a handful of close aides
 * write most of the mail (the release's top senders are H, Abedin, Mills and Sullivan), and
 * the volume moves month to month: heavier in the first two years, quieter in August and
 * around the holidays, with bursts when the news broke (Haiti, Libya, Benghazi).
 */

/** Picks from `items` with probability proportional to `weights`, by one uniform draw. */
class WeightedPick<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let sum = 0;
    for (const w of weights) this.cumulative.push((sum += w));
    this.total = sum;
  }

  pick(rng: Prng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

// Zipf-like: the first aides of the list write far more than the last.
const STAFF_BY_VOLUME = new WeightedPick(
  STAFF,
  STAFF.map((_, rank) => 1 / (rank + 1)),
);

/** Share of the mail the principal writes herself. */
const PRINCIPAL_SHARE = 0.24;

export function pickSender(rng: Prng): Person {
  return rng.chance(PRINCIPAL_SHARE) ? PRINCIPAL : STAFF_BY_VOLUME.pick(rng);
}

/** The other side of an email: she writes to her aides, her aides write to her. */
export function pickRecipient(rng: Prng, sender: Person): Person {
  return sender === PRINCIPAL ? STAFF_BY_VOLUME.pick(rng) : PRINCIPAL;
}

export function pickCc(rng: Prng): Person[] {
  if (!rng.chance(0.2)) return [];
  return [STAFF_BY_VOLUME.pick(rng), rng.pick(STAFF)];
}

const YEAR_VOLUME: Record<number, number> = {
  2009: 1.0,
  2010: 1.15,
  2011: 0.75,
  2012: 0.5,
  2013: 0.3,
};
const MONTH_VOLUME = [0.9, 1.0, 1.1, 1.05, 1.0, 0.95, 0.85, 0.6, 1.05, 1.1, 1.0, 0.75];
const BURSTS: Record<string, number> = {
  "2009-12": 1.4, // Copenhagen
  "2010-01": 1.9, // the Haiti earthquake
  "2011-02": 1.5, // Egypt
  "2011-03": 2.2, // Libya
  "2012-09": 2.0, // Benghazi
};

interface Month {
  first: number;
  last: number;
}

function sendingMonths(): { months: Month[]; weights: number[] } {
  const months: Month[] = [];
  const weights: number[] = [];
  let { year, month } = civilFromDays(FIRST_SENT_DAY);
  for (;;) {
    const first = Math.max(FIRST_SENT_DAY, daysFromCivil({ year, month, day: 1 }));
    if (first > LAST_SENT_DAY) break;
    const [nextYear, nextMonth] = month === 12 ? [year + 1, 1] : [year, month + 1];
    const last = Math.min(
      LAST_SENT_DAY,
      daysFromCivil({ year: nextYear, month: nextMonth, day: 1 }) - 1,
    );
    const burst = BURSTS[`${year}-${String(month).padStart(2, "0")}`] ?? 1;
    const volume = (YEAR_VOLUME[year] ?? 0.3) * MONTH_VOLUME[month - 1] * burst;
    months.push({ first, last });
    // Per day of the month that falls in the term, so partial months weigh less.
    weights.push((volume * (last - first + 1)) / 30);
    [year, month] = [nextYear, nextMonth];
  }
  return { months, weights };
}

const { months: MONTHS, weights: MONTH_WEIGHTS } = sendingMonths();
const MONTH_BY_VOLUME = new WeightedPick(MONTHS, MONTH_WEIGHTS);

/** A day (days since 1970-01-01) in the term, weighted by the month's volume. */
export function pickSentDay(rng: Prng): number {
  const month = MONTH_BY_VOLUME.pick(rng);
  return rng.range(month.first, month.last);
}
