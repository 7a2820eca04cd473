/**
 * Orders a signal's evidence so that its first example (the one a check's reason cites) comes
 * from the application itself: places at the edge of a repository — scripts, one-off console
 * commands, data migrations, seeds and factories, experiments — go after the others, each group
 * in its own order. Input validation shown in an Artisan command or password hashing in a Prisma
 * data migration is true, but says less about the app than the same in a request handler.
 */
import type { Evidence } from "./report.js";

const EDGE_DIRS =
  /(^|\/)(?:scripts?|bin|tools|experiments?|playground|sandbox|seeds?|seeders|factories|fixtures|migrations|console\/commands|management\/commands)\//i;

export function centralFirst(evidence: readonly Evidence[]): readonly Evidence[] {
  const edge = evidence.filter((e) => EDGE_DIRS.test(e.file));
  if (edge.length === 0 || edge.length === evidence.length) return evidence;
  return [...evidence.filter((e) => !EDGE_DIRS.test(e.file)), ...edge];
}
