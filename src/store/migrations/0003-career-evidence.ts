/**
 * Career evidence a learner collects on the service: mentor endorsements, the growth log with
 * mentor comments, certifications from the catalogue, and spaced-repetition practice cards.
 * Every row hangs off a user with ON DELETE CASCADE, so deleting an account removes all of it in
 * the same statement (and the same transaction).
 */
import type { Kysely } from "kysely";
import type { DialectRules } from "../dialect.js";

// Migrations see an untyped database: the schema types describe the latest state, not this one.
export async function up(db: Kysely<unknown>, dialect: DialectRules): Promise<void> {
  const id = dialect.idType;
  await db.schema
    .createTable("endorsements")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("learner_id", id, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("mentor_id", id, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("skill_id", "text", (c) => c.notNull())
    .addColumn("comment", "text", (c) => c.notNull())
    .addColumn("evidence_url", "text", (c) => c.notNull())
    .addColumn("hidden_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("endorsements_learner")
    .on("endorsements")
    .columns(["learner_id", "id"])
    .execute();
  // one endorsement per mentor and skill: a second one is a conflict, not a louder vote
  await db.schema
    .createIndex("endorsements_mentor_skill")
    .on("endorsements")
    .columns(["mentor_id", "learner_id", "skill_id"])
    .unique()
    .execute();

  await db.schema
    .createTable("growth_entries")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("user_id", id, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("dimension", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("what", "text", (c) => c.notNull())
    .addColumn("happened_on", "text", (c) => c.notNull())
    // a JSON array of URLs as text: both dialects store and return it unchanged
    .addColumn("links", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("growth_entries_user")
    .on("growth_entries")
    .columns(["user_id", "id"])
    .execute();

  await db.schema
    .createTable("growth_comments")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("entry_id", id, (c) =>
      c.notNull().references("growth_entries.id").onDelete("cascade"),
    )
    .addColumn("author_id", id, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("growth_comments_entry")
    .on("growth_comments")
    .columns(["entry_id", "id"])
    .execute();
  await db.schema
    .createIndex("growth_comments_author")
    .on("growth_comments")
    .column("author_id")
    .execute();

  await db.schema
    .createTable("user_certifications")
    .addColumn("user_id", id, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("certification_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("target_date", "text")
    .addColumn("started_on", "text")
    .addColumn("earned_on", "text")
    .addColumn("credential_url", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_certifications_pk", ["user_id", "certification_id"])
    .execute();

  await db.schema
    .createTable("practice_cards")
    .addColumn("user_id", id, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("skill_id", "text", (c) => c.notNull())
    .addColumn("question_index", "integer", (c) => c.notNull())
    .addColumn("repetitions", "integer", (c) => c.notNull())
    .addColumn("interval_days", "integer", (c) => c.notNull())
    .addColumn("ease_factor", dialect.floatType, (c) => c.notNull())
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("last_grade", "integer", (c) => c.notNull())
    .addColumn("reviewed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("practice_cards_pk", ["user_id", "skill_id", "question_index"])
    .execute();
  await db.schema
    .createIndex("practice_cards_due")
    .on("practice_cards")
    .columns(["user_id", "due_on"])
    .execute();
}
