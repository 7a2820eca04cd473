import type { Readiness } from "../../domain/readiness.js";

export const presentReadiness = (readiness: Readiness) => ({
  reachedLevel: readiness.reachedLevel,
  levels: readiness.levels.map((level) => ({
    levelId: level.levelId,
    title: level.title,
    met: level.met,
    criteria: level.criteria.map((c) => ({
      criterionId: c.criterionId,
      description: c.description,
      measure: c.measure,
      have: c.have,
      need: c.need,
      met: c.met,
      evidence: c.evidence.map((e) => ({ kind: e.kind, id: e.id, label: e.label })),
      missing: [...c.missing],
    })),
  })),
});
