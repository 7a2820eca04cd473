/**
 * "Did you mean …?" for ids: a mistyped skill id should point at the id the author or user meant,
 * both in content errors and in CLI input errors.
 */

/** Levenshtein distance, with a single reused row (ids are short, so this is cheap). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] ?? 0;
      const left = row[j - 1] ?? 0;
      row[j] = Math.min(above + 1, left + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * The known ids closest to `wanted`, best first. An id counts as close when it contains the
 * wanted text (or the reverse) or is within a third of its length in edits.
 */
export function closestIds(wanted: string, known: Iterable<string>, limit = 3): string[] {
  const needle = wanted.toLowerCase();
  const scored: { id: string; score: number }[] = [];
  for (const id of known) {
    const contains = id.includes(needle) || needle.includes(id);
    const distance = editDistance(needle, id);
    const threshold = Math.max(2, Math.ceil(Math.max(needle.length, id.length) / 3));
    if (contains || distance <= threshold) {
      scored.push({ id, score: contains ? Math.min(distance, 1) : distance });
    }
  }
  scored.sort((x, y) => x.score - y.score || x.id.localeCompare(y.id));
  return scored.slice(0, limit).map((entry) => entry.id);
}
