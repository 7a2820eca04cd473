/**
 * Linked repositories, their analyses (which are also the job rows of the SQLite queue), and the
 * skills an analysis proved. Reports are stored as JSON text, like every other structured value,
 * so one query means the same on both dialects.
 */
import type { Kysely } from "kysely";
import type { DialectRules } from "../dialect.js";

export async function up(db: Kysely<unknown>, dialect: DialectRules): Promise<void> {
  const id = dialect.idType;
  await db.schema
    .createTable("repositories")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("owner_id", id, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("location", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("repositories_owner_location", ["owner_id", "location"])
    .execute();

  await db.schema
    .createTable("analyses")
    .addColumn("id", id, (c) => c.primaryKey())
    .addColumn("repository_id", id, (c) =>
      c.notNull().references("repositories.id").onDelete("cascade"),
    )
    .addColumn("owner_id", id, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("commit_sha", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("progress", "integer", (c) => c.notNull())
    .addColumn("phase", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("error", "text")
    .addColumn("report", "text")
    .addColumn("score", "integer")
    .addColumn("reused_from", id)
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("started_at", "text")
    .addColumn("finished_at", "text")
    .addColumn("run_after", "text", (c) => c.notNull())
    .addColumn("locked_until", "text")
    .execute();
  await db.schema
    .createIndex("analyses_repository")
    .on("analyses")
    .columns(["repository_id", "id"])
    .execute();
  await db.schema
    .createIndex("analyses_queue")
    .on("analyses")
    .columns(["status", "run_after"])
    .execute();

  await db.schema
    .createTable("verified_skills")
    .addColumn("repository_id", id, (c) =>
      c.notNull().references("repositories.id").onDelete("cascade"),
    )
    .addColumn("skill_id", "text", (c) => c.notNull())
    .addColumn("user_id", id, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("analysis_id", id, (c) => c.notNull().references("analyses.id").onDelete("cascade"))
    .addColumn("evidence", "text", (c) => c.notNull())
    .addColumn("verified_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("verified_skills_pk", ["repository_id", "skill_id"])
    .execute();
  await db.schema
    .createIndex("verified_skills_user")
    .on("verified_skills")
    .columns(["user_id", "skill_id"])
    .execute();
}
