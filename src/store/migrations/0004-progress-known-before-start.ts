/**
 * Marks a done skill the learner already knew before their plan started (ticked at onboarding),
 * so the plan leaves it out of the original schedule instead of counting it as progress made on
 * the day it was ticked. Existing rows keep meaning "finished on updated_at": 0 for all of them.
 */
import type { Kysely } from "kysely";

// Migrations see an untyped database: the schema types describe the latest state, not this one.
// The store has no boolean columns (see dialect.ts): a 0/1 integer reads the same on both dialects.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("progress")
    .addColumn("known_before_start", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}
