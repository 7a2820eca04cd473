/**
 * Date-only arithmetic for plans. A calendar date is an ISO `YYYY-MM-DD` string at the boundary
 * and a day number (days since 1970-01-01) inside, so no local timezone or daylight-saving shift
 * can move a planned day: everything goes through Date.UTC.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of an ISO calendar date, or null when the text is not a real date (2026-02-30). */
export function dayNumberOf(iso: string): number | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a round trip that changes the parts means "not a date".
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  if (date.getUTCDate() !== day) return null;
  return ms / MS_PER_DAY;
}

export function isIsoDate(text: string): boolean {
  return dayNumberOf(text) !== null;
}

/** The ISO date of a day number. */
export function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number of a date already known to be valid; throws (a programming error) otherwise. */
export function dayNumberOfValid(iso: string): number {
  const day = dayNumberOf(iso);
  if (day === null) throw new TypeError(`not an ISO calendar date: ${iso}`);
  return day;
}

export function addDays(iso: string, days: number): string {
  return isoDateOf(dayNumberOfValid(iso) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumberOfValid(to) - dayNumberOfValid(from);
}

/** Today's calendar date in UTC for the given instant. */
export function utcDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The date parts as numbers, for calendar formats that want [year, month, day]. */
export function datePartsOf(iso: string): [number, number, number] {
  const date = new Date(dayNumberOfValid(iso) * MS_PER_DAY);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}
