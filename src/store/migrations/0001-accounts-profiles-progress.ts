/** The platform's first tables: accounts, sessions, mentor grants, profiles and progress. */
import type { Kysely } from "kysely";
import type { DialectRules } from "../dialect.js";

// Migrations see an untyped database: the schema types describe the latest state, not this one.
export async function up(db: Kysely<unknown>, dialect: DialectRules): Promise<void> {
  const id = dialect.idType;
  await db.schema
    .createTable("users")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("disabled_at", "text")
    .execute();

  await db.schema
    .createTable("refresh_tokens")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("user_id", id, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("family_id", id, (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema
    .createIndex("refresh_tokens_family")
    .on("refresh_tokens")
    .column("family_id")
    .execute();

  await db.schema
    .createTable("grants")
    .addColumn("learner_id", id, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("mentor_id", id, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("grants_pk", ["learner_id", "mentor_id"])
    .execute();
  await db.schema
    .createIndex("grants_mentor")
    .on("grants")
    .columns(["mentor_id", "learner_id"])
    .execute();

  await db.schema
    .createTable("profiles")
    .addColumn("user_id", id, (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("track", "text", (c) => c.notNull())
    .addColumn("hours_per_week", dialect.floatType, (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("target_level", "text")
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("share_slug", "text", (c) => c.notNull().unique())
    .addColumn("headline", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("progress")
    .addColumn("user_id", id, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("skill_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("progress_pk", ["user_id", "skill_id"])
    .execute();

  await db.schema
    .createTable("progress_history")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("user_id", id, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("skill_id", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("changed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("progress_history_user")
    .on("progress_history")
    .columns(["user_id", "id"])
    .execute();
}
