/**
 * Cursor pagination for every list: the cursor is the opaque (base64url) sort key (usually the
 * id) of the last item of the previous page; pages are bounded so no request can ask for the
 * whole table. A cursor is checked before it reaches SQL.
 */
import { invalidInput } from "../errors.js";
import { isId } from "../store/ids.js";

export const PAGE_SIZE = { min: 1, max: 100, default: 20 } as const;

export interface PageRequest {
  readonly cursor?: string | undefined;
  readonly limit?: number | undefined;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** null on the last page */
  readonly nextCursor: string | null;
}

/** The repository query for a page: one extra row tells whether another page follows. */
export function pageQuery(
  request: PageRequest,
  isKey: (key: string) => boolean = isId,
): { after?: string; limit: number } {
  const limit = request.limit ?? PAGE_SIZE.default;
  if (!Number.isInteger(limit) || limit < PAGE_SIZE.min || limit > PAGE_SIZE.max) {
    throw invalidInput("the page size is out of range", [
      {
        where: "limit",
        problem: `${limit} is out of range`,
        accepted: `a whole number from ${PAGE_SIZE.min} to ${PAGE_SIZE.max}`,
      },
    ]);
  }
  if (request.cursor === undefined) return { limit: limit + 1 };
  const after = Buffer.from(request.cursor, "base64url").toString("utf8");
  if (!isKey(after)) {
    throw invalidInput("the cursor is not one this server issued", [
      { where: "cursor", problem: "is malformed", accepted: "the nextCursor of a previous page" },
    ]);
  }
  return { after, limit: limit + 1 };
}

export function pageOf<T>(
  rows: readonly T[],
  request: PageRequest,
  idOf: (row: T) => string,
): Page<T> {
  const limit = request.limit ?? PAGE_SIZE.default;
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > limit && last !== undefined
        ? Buffer.from(idOf(last), "utf8").toString("base64url")
        : null,
  };
}
