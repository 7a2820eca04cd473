/** All SQL about the growth log: a learner's Impact / Mastery / Collaboration entries and the
 * mentor comments on them. */
import type { Kysely } from "kysely";
import { z } from "zod";
import { DevladderError } from "../errors.js";
import type {
  Database,
  GrowthCommentRow,
  GrowthEntriesTable,
  GrowthEntryRow,
  UserRow,
} from "./database.types.js";
import type { PageQuery } from "./users.repository.js";

export type GrowthDimensionId = GrowthEntriesTable["dimension"];

/** An entry as the service sees it: links parsed from their JSON text. */
export type GrowthEntry = Omit<GrowthEntryRow, "links"> & { readonly links: readonly string[] };

export type GrowthCommentWithAuthor = GrowthCommentRow & {
  readonly author: Pick<UserRow, "id" | "display_name">;
};

export interface GrowthCounts {
  readonly impact: number;
  readonly mastery: number;
  readonly collaboration: number;
}

export interface GrowthRepository {
  create(entry: GrowthEntry): Promise<GrowthEntry>;
  find(id: string): Promise<GrowthEntry | undefined>;
  /** newest first (by id); `after` is the id of the last entry of the previous page */
  page(
    userId: string,
    dimension: GrowthDimensionId | undefined,
    page: PageQuery,
  ): Promise<GrowthEntry[]>;
  /** false when the user has no such entry; its comments go with it */
  remove(userId: string, id: string): Promise<boolean>;
  countsFor(userIds: readonly string[]): Promise<Map<string, GrowthCounts>>;
  /** every entry of the user, oldest first, without comments (for readiness and export) */
  allFor(userId: string): Promise<GrowthEntry[]>;
  addComment(comment: GrowthCommentRow): Promise<void>;
  findComment(id: string): Promise<GrowthCommentWithAuthor | undefined>;
  /** oldest first, as a conversation reads */
  comments(entryId: string, page: PageQuery): Promise<GrowthCommentWithAuthor[]>;
}

const linksSchema = z.array(z.string());

/** An entry row with its JSON links read and checked. */
export function parseEntry(row: GrowthEntryRow): GrowthEntry {
  let links: unknown;
  try {
    links = JSON.parse(row.links);
  } catch (error) {
    throw new DevladderError("internal", `growth entry ${row.id} has unreadable links`, [], {
      cause: error,
    });
  }
  const parsed = linksSchema.safeParse(links);
  if (!parsed.success) {
    throw new DevladderError("internal", `growth entry ${row.id} has links of the wrong shape`);
  }
  return { ...row, links: parsed.data };
}

export function growthRepository(db: Kysely<Database>): GrowthRepository {
  const withAuthor = () =>
    db
      .selectFrom("growth_comments")
      .innerJoin("users", "users.id", "growth_comments.author_id")
      .selectAll("growth_comments")
      .select("users.display_name as author_name");
  return {
    async create(entry) {
      const row = await db
        .insertInto("growth_entries")
        .values({ ...entry, links: JSON.stringify(entry.links) })
        .returningAll()
        .executeTakeFirstOrThrow();
      return parseEntry(row);
    },
    async find(id) {
      const row = await db
        .selectFrom("growth_entries")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return row && parseEntry(row);
    },
    async page(userId, dimension, { after, limit }) {
      let query = db
        .selectFrom("growth_entries")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("id", "desc")
        .limit(limit);
      if (dimension !== undefined) query = query.where("dimension", "=", dimension);
      if (after !== undefined) query = query.where("id", "<", after);
      return (await query.execute()).map(parseEntry);
    },
    async remove(userId, id) {
      const result = await db
        .deleteFrom("growth_entries")
        .where("user_id", "=", userId)
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async allFor(userId) {
      const rows = await db
        .selectFrom("growth_entries")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("id")
        .execute();
      return rows.map(parseEntry);
    },
    async countsFor(userIds) {
      const counts = new Map<string, { impact: number; mastery: number; collaboration: number }>();
      if (userIds.length === 0) return counts;
      const rows = await db
        .selectFrom("growth_entries")
        .select(["user_id", "dimension", (eb) => eb.fn.countAll<string | number>().as("n")])
        .where("user_id", "in", userIds)
        .groupBy(["user_id", "dimension"])
        .execute();
      for (const id of userIds) counts.set(id, { impact: 0, mastery: 0, collaboration: 0 });
      for (const row of rows) {
        const entry = counts.get(row.user_id);
        // PostgreSQL returns count(*) as a bigint string, SQLite as a number
        if (entry) entry[row.dimension] = Number(row.n);
      }
      return counts;
    },
    async addComment(comment) {
      await db.insertInto("growth_comments").values(comment).execute();
    },
    async findComment(id) {
      const row = await withAuthor().where("growth_comments.id", "=", id).executeTakeFirst();
      return row && splitAuthor(row);
    },
    async comments(entryId, { after, limit }) {
      let query = withAuthor()
        .where("growth_comments.entry_id", "=", entryId)
        .orderBy("growth_comments.id")
        .limit(limit);
      if (after !== undefined) query = query.where("growth_comments.id", ">", after);
      return (await query.execute()).map(splitAuthor);
    },
  };
}

function splitAuthor({
  author_name,
  ...row
}: GrowthCommentRow & { author_name: string }): GrowthCommentWithAuthor {
  return { ...row, author: { id: row.author_id, display_name: author_name } };
}
