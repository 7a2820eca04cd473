/**
 * Gathers one learner's career evidence from every store (analyses, endorsements, growth log,
 * certifications, progress) and judges it with domain/readiness.ts. Readiness, candidate search
 * and the resume all read evidence through here, so they can never disagree about what counts.
 */
import type { Certification, Level, Roadmap } from "../content/content.schema.js";
import { utcDateOf } from "../domain/calendar-date.js";
import {
  certificationValidity,
  type CertificationValidity,
} from "../domain/certification-validity.js";
import {
  readiness,
  type Readiness,
  type ReadinessEvidence,
  type SkillProof,
} from "../domain/readiness.js";
import { showcaseReadiness } from "../domain/readiness-showcase.js";
import type {
  AnalysisEvidenceRepository,
  ProjectEvidence,
  VerifiedSkillEvidence,
} from "../store/analysis-evidence.repository.js";
import type { CertificationsRepository } from "../store/certifications.repository.js";
import type { ProgressRow, UserCertificationRow } from "../store/database.types.js";
import type {
  EndorsementWithMentor,
  EndorsementsRepository,
} from "../store/endorsements.repository.js";
import type { GrowthEntry, GrowthRepository } from "../store/growth.repository.js";
import type { ProgressRepository } from "../store/progress.repository.js";
import type { Clock } from "./clock.js";

export interface LearnerEvidence {
  readonly projects: readonly ProjectEvidence[];
  readonly verifiedSkills: readonly VerifiedSkillEvidence[];
  /** visible ones only: a hidden endorsement is not evidence */
  readonly endorsements: readonly EndorsementWithMentor[];
  readonly growth: readonly GrowthEntry[];
  readonly certifications: readonly {
    readonly row: UserCertificationRow;
    readonly catalog: Certification;
    readonly validity: CertificationValidity;
  }[];
  readonly progress: readonly ProgressRow[];
  /** skill id → what proves it (analyses, then endorsements) */
  readonly skillProofs: ReadonlyMap<string, readonly SkillProof[]>;
  readonly readiness: Readiness;
  /** readiness as the profile shows it to others (domain/readiness-showcase.ts) */
  readonly showcaseReadiness: Readiness;
}

export interface LearnerEvidenceDeps {
  readonly analyses: AnalysisEvidenceRepository;
  readonly endorsements: Pick<EndorsementsRepository, "visibleFor">;
  readonly growth: Pick<GrowthRepository, "allFor">;
  readonly certifications: Pick<CertificationsRepository, "listFor">;
  readonly progress: Pick<ProgressRepository, "listForUser">;
  readonly roadmap: Roadmap;
  readonly clock: Clock;
}

export type LearnerEvidenceLoader = (learnerId: string) => Promise<LearnerEvidence>;

export function learnerEvidenceLoader(deps: LearnerEvidenceDeps): LearnerEvidenceLoader {
  const catalog = new Map(deps.roadmap.certifications.map((c) => [c.id, c]));
  return async (learnerId) => {
    const [projects, verifiedSkills, endorsements, growth, certRows, progress] = await Promise.all([
      deps.analyses.projects(learnerId),
      deps.analyses.verifiedSkills([learnerId]),
      deps.endorsements.visibleFor([learnerId]),
      deps.growth.allFor(learnerId),
      deps.certifications.listFor([learnerId]),
      deps.progress.listForUser(learnerId),
    ]);
    const today = utcDateOf(deps.clock.now());
    const certifications = certRows.flatMap((row) => {
      const entry = catalog.get(row.certification_id);
      if (!entry) return [];
      const earned = row.status === "earned" ? row.earned_on : null;
      return [
        {
          row,
          catalog: entry,
          validity: certificationValidity(earned, entry.validityMonths, today),
        },
      ];
    });

    const skillProofs = new Map<string, SkillProof[]>();
    const prove = (skillId: string, proof: SkillProof) =>
      skillProofs.set(skillId, [...(skillProofs.get(skillId) ?? []), proof]);
    for (const v of verifiedSkills) {
      prove(v.skillId, { kind: "analysis", analysisId: v.analysisId, location: v.location });
    }
    for (const e of endorsements) {
      prove(e.skill_id, {
        kind: "endorsement",
        endorsementId: e.id,
        mentor: e.mentor.display_name,
      });
    }

    return {
      projects,
      verifiedSkills,
      endorsements,
      growth,
      certifications,
      progress,
      skillProofs,
      ...readinessViews(deps.roadmap.levels, {
        projects: projects.map((p) => ({
          analysisId: p.analysisId,
          location: p.location,
          passedChecks: new Set(p.passedChecks),
          trueFacts: new Set(p.trueFacts),
        })),
        skillProofs,
        selfDone: new Set(progress.filter((p) => p.status === "done").map((p) => p.skill_id)),
        growth: growth.map((g) => ({ id: g.id, dimension: g.dimension, title: g.title })),
        endorsements: endorsements.map((e) => ({
          id: e.id,
          skillId: e.skill_id,
          mentor: e.mentor.display_name,
        })),
        currentCertifications: certifications
          .filter((c) => c.row.status === "earned" && !c.validity.expired)
          .map((c) => ({ id: c.catalog.id, title: c.catalog.title })),
      }),
    };
  };
}

function readinessViews(
  levels: readonly Level[],
  input: ReadinessEvidence,
): Pick<LearnerEvidence, "readiness" | "showcaseReadiness"> {
  return {
    readiness: readiness(levels, input),
    showcaseReadiness: showcaseReadiness(levels, input),
  };
}
