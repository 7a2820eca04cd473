/** Calendar dates as the API writes them (YYYY-MM-DD), counted and shown without time zones. */
const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  if (y === undefined || m === undefined || d === undefined) {
    throw new Error(`'${date}' is not a YYYY-MM-DD date`);
  }
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

const LONG = new Intl.DateTimeFormat("en", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const MONTH = new Intl.DateTimeFormat("en", { month: "short", year: "numeric", timeZone: "UTC" });

export function formatDate(date: string): string {
  return LONG.format(new Date(dayNumber(date) * DAY_MS));
}

export function formatMonth(date: string): string {
  return MONTH.format(new Date(dayNumber(date) * DAY_MS));
}

/** "ahead by 3 days", "behind by 1 day", "on schedule". */
export function standingText(daysAhead: number): string {
  if (daysAhead === 0) return "on schedule";
  const n = Math.abs(daysAhead);
  return `${daysAhead > 0 ? "ahead" : "behind"} by ${n} study day${n === 1 ? "" : "s"}`;
}

/** Hours as a person reads them: whole when whole, else one decimal ("25.1 h", not 25.142857). */
export function formatHours(hours: number): string {
  return `${Math.round(hours * 10) / 10} h`;
}
