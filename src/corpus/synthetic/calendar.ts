/**
 * Proleptic Gregorian arithmetic on day numbers (days since 1970-01-01), written out
 * because the generator must not touch Date: its output has to depend on the seed alone.
 */

export interface CivilDate {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Howard Hinnant's days_from_civil. */
export function daysFromCivil({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Howard Hinnant's civil_from_days. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Sunday. */
export function weekday(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * Whether local midnight in Washington falls in daylight time (2007 rule). Clocks change
 * at 2 AM, so midnight of the spring-forward Sunday is still standard time and midnight
 * of the fall-back Sunday is still daylight time.
 */
export function isEasternDaylightAtMidnight(days: number): boolean {
  const { year, month } = civilFromDays(days);
  if (month < 3 || month > 11) return false;
  if (month > 3 && month < 11) return true;
  const first = daysFromCivil({ year, month, day: 1 });
  const firstSunday = first + ((7 - weekday(first)) % 7);
  return month === 3 ? days > firstSunday + 7 : days <= firstSunday;
}

/** "2012-09-12T04:00:00+00:00": local midnight in Washington, written in UTC as the file does. */
export function metadataTimestamp(days: number): string {
  const { year, month, day } = civilFromDays(days);
  const hour = isEasternDaylightAtMidnight(days) ? "04" : "05";
  return `${year}-${pad2(month)}-${pad2(day)}T${hour}:00:00+00:00`;
}

/** "05/13/2015". */
export function usDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad2(month)}/${pad2(day)}/${year}`;
}

/** "Thursday, March 3, 2011 9:45 AM". */
export function sentLine(days: number, minuteOfDay: number): string {
  const { year, month, day } = civilFromDays(days);
  const hour24 = Math.floor(minuteOfDay / 60);
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  const half = hour24 < 12 ? "AM" : "PM";
  const when = `${hour12}:${pad2(minuteOfDay % 60)} ${half}`;
  return `${WEEKDAYS[weekday(days)]}, ${MONTHS[month - 1]} ${day}, ${year} ${when}`;
}
