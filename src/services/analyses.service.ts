/**
 * Analyses of linked repositories: queue one (answered at once; a worker runs it), follow its
 * status and progress, read its report, and see the skills analyses verified. Re-analysing a
 * commit that was already analysed reuses the stored report instead of queuing work.
 *
 * Who may read an analysis: whoever may see its owner's profile (access.ts) — the owner, an
 * admin, a granted mentor, and any signed-in caller (recruiters) when the profile is public.
 * Only the owner queues analyses. A "no" is a 404.
 */
import type { EvidenceReport } from "../analyzer/report.js";
import type { Roadmap } from "../content/content.schema.js";
import { verifySkills, type ProvedFact } from "../domain/verified-skills.js";
import { DevladderError, isDevladderError, notFound } from "../errors.js";
import type { JobQueue } from "../jobs/job-queue.js";
import { queuedAnalysis, type AnalysesRepository } from "../store/analyses.repository.js";
import type { AnalysisRow, RepositoryRow, VerifiedSkillRow } from "../store/database.types.js";
import type { ProfilesRepository } from "../store/profiles.repository.js";
import type { RepositoriesRepository } from "../store/repositories.repository.js";
import type { VerifiedSkillsRepository } from "../store/verified-skills.repository.js";
import { isVisibleThroughLink } from "./access.js";
import type { Caller } from "./caller.js";
import type { Clock } from "./clock.js";
import type { LearnerVisibility } from "./learner-visibility.js";
import { pageOf, pageQuery, type Page, type PageRequest } from "./pagination.js";

export interface AnalysesServiceDeps {
  readonly analyses: AnalysesRepository;
  readonly repositories: Pick<RepositoriesRepository, "findById">;
  readonly verifiedSkills: VerifiedSkillsRepository;
  /** anonymous callers (a badge in someone's README) see analyses of link and public profiles */
  readonly profiles: Pick<ProfilesRepository, "findByUser">;
  /** signed-in callers see what they may see of the learner's showcase */
  readonly visibility: Pick<LearnerVisibility, "canSeeShowcase" | "learnerBehindLink">;
  readonly queue: Pick<JobQueue, "enqueue">;
  /** the commit a repository points at now, or null when it cannot be named cheaply */
  readonly resolveCommit: (location: string) => Promise<string | null>;
  readonly roadmap: Roadmap;
  readonly clock: Clock;
}

export interface VerifiedSkillEvidence {
  readonly analysisId: string;
  readonly repositoryId: string;
  readonly repository: string;
  readonly commit: string | null;
  readonly verifiedAt: string;
  readonly facts: readonly ProvedFact[];
}

export interface VerifiedSkillView {
  readonly skillId: string;
  readonly title: string;
  /** one entry per repository whose latest analysis proves the skill */
  readonly evidence: readonly VerifiedSkillEvidence[];
}

const NO_ANALYSIS = "no such analysis";

/** The verified-skill rows an analysis' report earns for the repository's owner. */
export function verifiedSkillRows(
  roadmap: Roadmap,
  repository: Pick<RepositoryRow, "id" | "owner_id">,
  analysisId: string,
  report: Pick<EvidenceReport, "signals" | "git">,
  at: string,
): VerifiedSkillRow[] {
  return verifySkills(roadmap.skills, report).map((skill) => ({
    repository_id: repository.id,
    skill_id: skill.skillId,
    user_id: repository.owner_id,
    analysis_id: analysisId,
    evidence: JSON.stringify(skill.facts),
    verified_at: at,
  }));
}

export function analysesService(deps: AnalysesServiceDeps) {
  const { analyses, repositories, verifiedSkills, profiles, visibility, queue, roadmap, clock } =
    deps;
  const titles = new Map(roadmap.skills.map((s) => [s.id, s.title]));

  const mayView = async (caller: Caller | null, ownerId: string): Promise<boolean> => {
    if (caller !== null) return visibility.canSeeShowcase(caller, ownerId);
    const profile = await profiles.findByUser(ownerId);
    return profile !== undefined && isVisibleThroughLink(profile.visibility);
  };

  const viewable = async (caller: Caller | null, id: string): Promise<AnalysisRow> => {
    const row = await analyses.findById(id);
    if (!row || !(await mayView(caller, row.owner_id))) throw notFound(NO_ANALYSIS);
    return row;
  };

  const ownRepository = async (caller: Caller, repositoryId: string): Promise<RepositoryRow> => {
    const repository = await repositories.findById(repositoryId);
    if (!repository || repository.owner_id !== caller.id) throw notFound("no such repository");
    return repository;
  };

  /** A commit that cannot be named (git failed, no git) means "analyse", never an error here. */
  const currentCommit = async (location: string): Promise<string | null> => {
    try {
      return await deps.resolveCommit(location);
    } catch (error) {
      // the analysis itself will meet the same problem and record it for the user
      if (isDevladderError(error)) return null;
      throw error;
    }
  };

  /** A learner's verified skills, each with the analyses that prove it; callers check access. */
  const verifiedOf = async (userId: string): Promise<VerifiedSkillView[]> => {
    const rows = await verifiedSkills.listForUser(userId);
    const bySkill = new Map<string, VerifiedSkillEvidence[]>();
    for (const row of rows) {
      const list = bySkill.get(row.skill_id) ?? [];
      list.push({
        analysisId: row.analysis_id,
        repositoryId: row.repository_id,
        repository: row.location,
        commit: row.commit_sha,
        verifiedAt: row.verified_at,
        facts: JSON.parse(row.evidence) as ProvedFact[],
      });
      bySkill.set(row.skill_id, list);
    }
    return [...bySkill].map(([skillId, evidence]) => ({
      skillId,
      // a skill removed from the roadmap since keeps its id as its title
      title: titles.get(skillId) ?? skillId,
      evidence,
    }));
  };

  return {
    /**
     * Queues an analysis and returns it at once. An analysis already queued or running for the
     * repository is returned instead of a second one; an unchanged commit reuses its report.
     */
    async request(caller: Caller, repositoryId: string): Promise<AnalysisRow> {
      const repository = await ownRepository(caller, repositoryId);
      const active = await analyses.findActive(repository.id);
      if (active) return active;

      const commit = await currentCommit(repository.location);
      const now = clock.now();
      const at = now.toISOString();
      const base = queuedAnalysis(repository, commit, now);
      const previous =
        commit === null ? undefined : await analyses.findReusable(repository.id, commit);
      if (previous?.report != null && previous.score !== null) {
        const reused = await analyses.create({
          ...base,
          status: "running",
          phase: "reusing the report of an unchanged commit",
          reused_from: previous.id,
          started_at: at,
        });
        const report = JSON.parse(previous.report) as EvidenceReport;
        await analyses.complete(
          reused.id,
          { commit, report: previous.report, score: previous.score },
          verifiedSkillRows(roadmap, repository, reused.id, report, at),
          at,
        );
        return (await analyses.findById(reused.id)) ?? reused;
      }

      const row = await analyses.create(base);
      try {
        await queue.enqueue(row.id);
      } catch (error) {
        await analyses.fail(row.id, "the analysis could not be queued; try again", at);
        throw new DevladderError("unavailable", "the job queue cannot be reached", [], {
          cause: error,
        });
      }
      return row;
    },

    get: (caller: Caller | null, id: string): Promise<AnalysisRow> => viewable(caller, id),

    /** The stored EvidenceReport; 409 while the analysis has not finished. */
    async report(
      caller: Caller | null,
      id: string,
    ): Promise<{ row: AnalysisRow; report: EvidenceReport }> {
      const row = await viewable(caller, id);
      if (row.status !== "done" || row.report === null) {
        throw new DevladderError(
          "conflict",
          row.status === "failed"
            ? `the analysis failed: ${row.error ?? "no reason recorded"}`
            : `the analysis is ${row.status}; its report is not ready yet`,
        );
      }
      return { row, report: JSON.parse(row.report) as EvidenceReport };
    },

    /** A repository's analyses, newest first, for whoever may see its owner's analyses. */
    async listForRepository(
      caller: Caller,
      repositoryId: string,
      request: PageRequest,
    ): Promise<Page<AnalysisRow>> {
      const repository = await repositories.findById(repositoryId);
      if (!repository || !(await mayView(caller, repository.owner_id))) {
        throw notFound("no such repository");
      }
      const rows = await analyses.listForRepository(repository.id, pageQuery(request));
      return pageOf(rows, request, (r) => r.id);
    },

    /** The caller's verified skills, each with the analyses that prove it. */
    verified(caller: Caller): Promise<VerifiedSkillView[]> {
      return verifiedOf(caller.id);
    },

    /**
     * The verified skills of the learner behind a share link, while the profile is `link` or
     * `public`; the same 404 as the shared profile itself otherwise.
     */
    async verifiedThroughLink(slug: string): Promise<VerifiedSkillView[]> {
      const learnerId = await visibility.learnerBehindLink(slug);
      if (learnerId === null) throw notFound("no such profile");
      return verifiedOf(learnerId);
    },
  };
}

export type AnalysesService = ReturnType<typeof analysesService>;
