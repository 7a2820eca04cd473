/**
 * Read-only view of the analyses (built by the analysis jobs, migration 0002) as career
 * evidence: each repository's newest finished analysis reduced to the checks it passes and the
 * facts it shows, and the skills analyses verified. Reports are stored as JSON text; only the
 * parts readiness needs are read, and a report of the wrong shape is an error, never skipped.
 */
import type { Kysely } from "kysely";
import { z } from "zod";
import { DevladderError } from "../errors.js";
import type { Database } from "./database.types.js";

export interface ProjectEvidence {
  readonly analysisId: string;
  readonly repositoryId: string;
  readonly location: string;
  readonly commit: string | null;
  readonly score: number | null;
  readonly finishedAt: string | null;
  readonly passedChecks: readonly string[];
  /** signal and git facts whose value is true, non-zero or non-empty */
  readonly trueFacts: readonly string[];
}

export interface VerifiedSkillEvidence {
  readonly userId: string;
  readonly skillId: string;
  readonly analysisId: string;
  readonly location: string;
}

export interface AnalysisEvidenceRepository {
  /** the newest finished analysis of each of the user's repositories */
  projects(userId: string): Promise<ProjectEvidence[]>;
  verifiedSkills(userIds: readonly string[]): Promise<VerifiedSkillEvidence[]>;
}

const reportSchema = z.object({
  checks: z.array(z.object({ id: z.string(), verdict: z.string() })),
  signals: z.record(z.string(), z.object({ value: z.unknown() })),
  git: z.record(z.string(), z.unknown()).nullable(),
});

/** a fact holds when it is true, a number above zero, or a list with entries */
function holds(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value > 0;
  if (Array.isArray(value)) return value.length > 0;
  return false;
}

function readReport(analysisId: string, text: string): { passed: string[]; facts: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DevladderError("internal", `the report of analysis ${analysisId} is not JSON`, [], {
      cause: error,
    });
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) {
    throw new DevladderError(
      "internal",
      `the report of analysis ${analysisId} has the wrong shape`,
    );
  }
  const { checks, signals, git } = parsed.data;
  return {
    passed: checks.filter((c) => c.verdict === "pass").map((c) => c.id),
    facts: [
      ...Object.entries(signals)
        .filter(([, s]) => holds(s.value))
        .map(([id]) => id),
      ...Object.entries(git ?? {})
        .filter(([, value]) => holds(value))
        .map(([key]) => `git.${key}`),
    ],
  };
}

export function analysisEvidenceRepository(db: Kysely<Database>): AnalysisEvidenceRepository {
  return {
    async projects(userId) {
      // first the newest finished analysis per repository, then only those reports: a
      // repository analysed a hundred times does not load a hundred reports
      const finished = await db
        .selectFrom("analyses")
        .select(["id", "repository_id"])
        .where("owner_id", "=", userId)
        .where("status", "=", "done")
        .where("report", "is not", null)
        .orderBy("id", "desc")
        .execute();
      const newest = new Map<string, string>();
      // ids are time-ordered: the first row of a repository is its newest analysis
      for (const row of finished) {
        if (!newest.has(row.repository_id)) newest.set(row.repository_id, row.id);
      }
      if (newest.size === 0) return [];
      const rows = await db
        .selectFrom("analyses")
        .innerJoin("repositories", "repositories.id", "analyses.repository_id")
        .select([
          "analyses.id",
          "analyses.repository_id",
          "analyses.commit_sha",
          "analyses.score",
          "analyses.finished_at",
          "analyses.report",
          "repositories.location",
        ])
        .where("analyses.id", "in", [...newest.values()])
        .orderBy("analyses.id", "desc")
        .execute();
      return rows.flatMap((row): ProjectEvidence[] => {
        if (row.report === null) return [];
        const { passed, facts } = readReport(row.id, row.report);
        return [
          {
            analysisId: row.id,
            repositoryId: row.repository_id,
            location: row.location,
            commit: row.commit_sha,
            score: row.score,
            finishedAt: row.finished_at,
            passedChecks: passed,
            trueFacts: facts,
          },
        ];
      });
    },
    async verifiedSkills(userIds) {
      if (userIds.length === 0) return [];
      const rows = await db
        .selectFrom("verified_skills")
        .innerJoin("repositories", "repositories.id", "verified_skills.repository_id")
        .select([
          "verified_skills.user_id",
          "verified_skills.skill_id",
          "verified_skills.analysis_id",
          "repositories.location",
        ])
        .where("verified_skills.user_id", "in", userIds)
        .orderBy("verified_skills.skill_id")
        .execute();
      return rows.map((r) => ({
        userId: r.user_id,
        skillId: r.skill_id,
        analysisId: r.analysis_id,
        location: r.location,
      }));
    },
  };
}
