/** The SQL prefilter of recruiter search: public profiles by track and by verified skills. */
import type { Kysely } from "kysely";
import type { Database } from "./database.types.js";

export interface CandidateRow {
  readonly user_id: string;
  readonly display_name: string;
  readonly headline: string;
  readonly track: string;
}

export interface CandidateFilter {
  readonly track?: string | undefined;
  /** every one must be verified: by an analysis, or by an endorsement the learner did not hide */
  readonly skills: readonly string[];
}

export interface CandidatesRepository {
  /** matching candidates ordered by user id, at most `limit` */
  search(filter: CandidateFilter, limit: number): Promise<CandidateRow[]>;
}

export function candidatesRepository(db: Kysely<Database>): CandidatesRepository {
  return {
    search: (filter, limit) => {
      let query = db
        .selectFrom("profiles")
        .innerJoin("users", "users.id", "profiles.user_id")
        .select(["profiles.user_id", "users.display_name", "profiles.headline", "profiles.track"])
        // search lists public profiles only: a `link` profile is for whoever holds its link
        .where("profiles.visibility", "=", "public")
        .where("users.disabled_at", "is", null)
        // candidates are learners: a mentor's or recruiter's public profile is not a job search
        .where("users.role", "=", "learner")
        .orderBy("profiles.user_id")
        .limit(limit);
      if (filter.track !== undefined) query = query.where("profiles.track", "=", filter.track);
      for (const skill of filter.skills) {
        query = query.where((eb) =>
          eb.or([
            eb.exists(
              eb
                .selectFrom("verified_skills")
                .select("verified_skills.skill_id")
                .whereRef("verified_skills.user_id", "=", "profiles.user_id")
                .where("verified_skills.skill_id", "=", skill),
            ),
            eb.exists(
              eb
                .selectFrom("endorsements")
                .select("endorsements.id")
                .whereRef("endorsements.learner_id", "=", "profiles.user_id")
                .where("endorsements.skill_id", "=", skill)
                .where("endorsements.hidden_at", "is", null),
            ),
          ]),
        );
      }
      return query.execute();
    },
  };
}
