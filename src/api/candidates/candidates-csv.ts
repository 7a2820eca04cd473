/**
 * The shortlist as CSV (RFC 4180): comma-separated, CRLF line ends, every field quoted when it
 * holds a comma, a quote or a line break, quotes doubled. Text a candidate wrote (name, headline)
 * that starts with =, +, -, @, tab or CR is prefixed with an apostrophe, so a spreadsheet shows
 * it as text instead of running it as a formula (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
