/** All SQL about verified skills: the skills an analysed repository proves for its owner. */
import type { Kysely } from "kysely";
import type { Database, VerifiedSkillRow } from "./database.types.js";

export interface VerifiedSkillWithSource extends VerifiedSkillRow {
  readonly location: string;
  readonly commit_sha: string | null;
}

export interface VerifiedSkillsRepository {
  /** every verified skill of the user (bounded by roadmap skills × repositories), by skill */
  listForUser(userId: string): Promise<VerifiedSkillWithSource[]>;
}

export function verifiedSkillsRepository(db: Kysely<Database>): VerifiedSkillsRepository {
  return {
    listForUser: (userId) =>
      db
        .selectFrom("verified_skills")
        .innerJoin("repositories", "repositories.id", "verified_skills.repository_id")
        .innerJoin("analyses", "analyses.id", "verified_skills.analysis_id")
        .selectAll("verified_skills")
        .select(["repositories.location", "analyses.commit_sha"])
        .where("verified_skills.user_id", "=", userId)
        .orderBy("verified_skills.skill_id")
        .orderBy("verified_skills.repository_id")
        .execute(),
  };
}
