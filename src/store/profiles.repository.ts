/** All SQL about learner profiles. */
import type { Kysely } from "kysely";
import type { Database, ProfileRow } from "./database.types.js";

export interface ProfilesRepository {
  findByUser(userId: string): Promise<ProfileRow | undefined>;
  findBySlug(slug: string): Promise<ProfileRow | undefined>;
  /** insert or replace the learner's profile; the share slug is kept once set */
  save(profile: ProfileRow): Promise<ProfileRow>;
}

export function profilesRepository(db: Kysely<Database>): ProfilesRepository {
  return {
    findByUser: (userId) =>
      db.selectFrom("profiles").selectAll().where("user_id", "=", userId).executeTakeFirst(),
    findBySlug: (slug) =>
      db.selectFrom("profiles").selectAll().where("share_slug", "=", slug).executeTakeFirst(),
    save: (profile) =>
      db
        .insertInto("profiles")
        .values(profile)
        .onConflict((oc) =>
          oc.column("user_id").doUpdateSet({
            track: profile.track,
            hours_per_week: profile.hours_per_week,
            start_date: profile.start_date,
            target_level: profile.target_level,
            visibility: profile.visibility,
            headline: profile.headline,
            updated_at: profile.updated_at,
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow(),
  };
}
