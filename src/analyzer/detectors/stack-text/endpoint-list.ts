/** Small helpers shared by the stack detectors for endpoint lists, evidence lists and HTTP verbs. */
import type { Endpoint, Evidence, HttpMethod } from "../../report.js";

const VERBS = new Set<string>(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

/** The HttpMethod for a verb written in any case (`get`, `Get`, `GET`), or null. */
export function httpVerb(word: string): HttpMethod | null {
  const upper = word.toUpperCase();
  return VERBS.has(upper) ? (upper as HttpMethod) : null;
}

/** Sorted by path, then method, then place, and without exact duplicates. */
export function sortEndpoints(list: readonly Endpoint[]): Endpoint[] {
  const seen = new Set<string>();
  const unique = list.filter((e) => {
    const key = `${e.method} ${e.path} ${e.file}:${e.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      compare(a.path, b.path) ||
      compare(a.method, b.method) ||
      compare(a.file, b.file) ||
      a.line - b.line,
  );
}

/** The first evidence of each place (file and line), in list order. */
export function uniquePlaces(list: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = `${e.file}:${e.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Code-unit order, so the result does not depend on the machine's locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
