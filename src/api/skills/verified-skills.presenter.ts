import type { VerifiedSkillView } from "../../services/analyses.service.js";
import { ANALYSES_PATH } from "../analyses/analyses.presenter.js";

export const presentVerifiedSkill = (skill: VerifiedSkillView) => ({
  skillId: skill.skillId,
  title: skill.title,
  evidence: skill.evidence.map((e) => ({
    analysisId: e.analysisId,
    repositoryId: e.repositoryId,
    repository: e.repository,
    commit: e.commit,
    verifiedAt: e.verifiedAt,
    report: `${ANALYSES_PATH}/${e.analysisId}/report`,
    facts: e.facts.map((f) => ({
      fact: f.fact,
      value: typeof f.value === "object" ? [...f.value] : f.value,
      evidence: [...f.evidence],
    })),
  })),
});
