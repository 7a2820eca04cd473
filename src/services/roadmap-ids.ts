/** Checks that an id a caller sent names something in the roadmap, with a close-match hint. */
import { closestIds } from "../content/closest-ids.js";
import { invalidInput } from "../errors.js";

export function requireKnownId(
  id: string,
  known: readonly string[],
  where: string,
  what: string,
): void {
  if (known.includes(id)) return;
  const near = closestIds(id, [...known]);
  throw invalidInput(`unknown ${what} '${id}'`, [
    {
      where,
      problem: `unknown ${what} '${id}'`,
      accepted:
        near.length > 0 ? `a roadmap ${what} id, e.g. ${near.join(", ")}` : `a roadmap ${what} id`,
    },
  ]);
}
