/**
 * A whole account at once: everything stored about one user, for the data export, and deleting
 * the account with all of it in one transaction.
 */
import type { Kysely } from "kysely";
import type {
  AnalysisRow,
  Database,
  EndorsementRow,
  GrantRow,
  GrowthCommentRow,
  PracticeCardRow,
  ProfileRow,
  ProgressHistoryRow,
  ProgressRow,
  RepositoryRow,
  UserCertificationRow,
  UserRow,
  VerifiedSkillRow,
} from "./database.types.js";
import { parseEntry, type GrowthEntry } from "./growth.repository.js";

export interface AccountData {
  readonly user: UserRow;
  readonly profile: ProfileRow | undefined;
  readonly progress: readonly ProgressRow[];
  readonly progressHistory: readonly ProgressHistoryRow[];
  /** as the learner (mentor_id = the mentors they granted) and as the mentor */
  readonly grants: readonly GrantRow[];
  readonly endorsementsReceived: readonly EndorsementRow[];
  readonly endorsementsGiven: readonly EndorsementRow[];
  readonly growthEntries: readonly GrowthEntry[];
  /** comments on the user's entries, and comments the user wrote on others' entries */
  readonly growthComments: readonly GrowthCommentRow[];
  readonly certifications: readonly UserCertificationRow[];
  readonly practiceCards: readonly PracticeCardRow[];
  readonly repositories: readonly RepositoryRow[];
  /** without reports: each can be fetched from the analyses API while the account exists */
  readonly analyses: readonly Omit<AnalysisRow, "report">[];
  readonly verifiedSkills: readonly VerifiedSkillRow[];
}

export interface AccountRepository {
  /** undefined when there is no such user */
  exportData(userId: string): Promise<AccountData | undefined>;
  /**
   * Deletes the user and, through ON DELETE CASCADE, every row that hangs off them, in one
   * transaction; their refresh tokens are removed first and explicitly so no session outlives
   * the account even if a cascade were missing. false when there was no such user.
   */
  deleteAccount(userId: string): Promise<boolean>;
}

export function accountRepository(db: Kysely<Database>): AccountRepository {
  return {
    async exportData(userId) {
      const user = await db
        .selectFrom("users")
        .selectAll()
        .where("id", "=", userId)
        .executeTakeFirst();
      if (!user) return undefined;
      const growthEntries = (
        await db
          .selectFrom("growth_entries")
          .selectAll()
          .where("user_id", "=", userId)
          .orderBy("id")
          .execute()
      ).map(parseEntry);
      const entryIds = growthEntries.map((e) => e.id);
      const analyses = await db
        .selectFrom("analyses")
        .select([
          "id",
          "repository_id",
          "owner_id",
          "commit_sha",
          "status",
          "progress",
          "phase",
          "attempts",
          "error",
          "score",
          "reused_from",
          "created_at",
          "started_at",
          "finished_at",
          "run_after",
          "locked_until",
        ])
        .where("owner_id", "=", userId)
        .orderBy("id")
        .execute();
      return {
        user,
        profile: await db
          .selectFrom("profiles")
          .selectAll()
          .where("user_id", "=", userId)
          .executeTakeFirst(),
        progress: await db
          .selectFrom("progress")
          .selectAll()
          .where("user_id", "=", userId)
          .orderBy("skill_id")
          .execute(),
        progressHistory: await db
          .selectFrom("progress_history")
          .selectAll()
          .where("user_id", "=", userId)
          .orderBy("id")
          .execute(),
        grants: await db
          .selectFrom("grants")
          .selectAll()
          .where((eb) => eb.or([eb("learner_id", "=", userId), eb("mentor_id", "=", userId)]))
          .orderBy("created_at")
          .execute(),
        endorsementsReceived: await db
          .selectFrom("endorsements")
          .selectAll()
          .where("learner_id", "=", userId)
          .orderBy("id")
          .execute(),
        endorsementsGiven: await db
          .selectFrom("endorsements")
          .selectAll()
          .where("mentor_id", "=", userId)
          .orderBy("id")
          .execute(),
        growthEntries,
        growthComments: await db
          .selectFrom("growth_comments")
          .selectAll()
          .where((eb) =>
            entryIds.length === 0
              ? eb("author_id", "=", userId)
              : eb.or([eb("author_id", "=", userId), eb("entry_id", "in", entryIds)]),
          )
          .orderBy("id")
          .execute(),
        certifications: await db
          .selectFrom("user_certifications")
          .selectAll()
          .where("user_id", "=", userId)
          .orderBy("certification_id")
          .execute(),
        practiceCards: await db
          .selectFrom("practice_cards")
          .selectAll()
          .where("user_id", "=", userId)
          .orderBy("skill_id")
          .orderBy("question_index")
          .execute(),
        repositories: await db
          .selectFrom("repositories")
          .selectAll()
          .where("owner_id", "=", userId)
          .orderBy("id")
          .execute(),
        analyses,
        verifiedSkills: await db
          .selectFrom("verified_skills")
          .selectAll()
          .where("user_id", "=", userId)
          .orderBy("skill_id")
          .execute(),
      };
    },
    deleteAccount: (userId) =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom("refresh_tokens").where("user_id", "=", userId).execute();
        const result = await trx.deleteFrom("users").where("id", "=", userId).executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
      }),
  };
}
