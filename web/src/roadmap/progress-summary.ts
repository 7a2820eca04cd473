/**
 * How far a learner is along the roadmap, per stage and overall. Skipped skills are left out of
 * the share, so skipping what you will not learn does not hold the bar below 100%.
 */
import type { ProgressStatus, Roadmap, RoadmapSkill } from "../api/api-types.js";

export type StatusOf = (skillId: string) => ProgressStatus;

export interface ProgressTally {
  readonly total: number;
  readonly done: number;
  readonly learning: number;
  readonly skipped: number;
  readonly pending: number;
  /** done share of the skills not skipped, 0–100, rounded down so 100 means all of them */
  readonly percent: number;
  readonly hoursDone: number;
  readonly hoursLeft: number;
}

export interface StageProgress extends ProgressTally {
  readonly stageId: string;
}

export function tally(skills: readonly RoadmapSkill[], statusOf: StatusOf): ProgressTally {
  const counts: Record<ProgressStatus, number> = { pending: 0, learning: 0, done: 0, skipped: 0 };
  let hoursDone = 0;
  let hoursLeft = 0;
  for (const skill of skills) {
    const status = statusOf(skill.id);
    counts[status] += 1;
    if (status === "done") hoursDone += skill.hours;
    else if (status !== "skipped") hoursLeft += skill.hours;
  }
  const counted = skills.length - counts.skipped;
  const percent = counted === 0 ? 100 : Math.floor((counts.done / counted) * 100);
  return { total: skills.length, ...counts, percent, hoursDone, hoursLeft };
}

export function progressByStage(roadmap: Roadmap, statusOf: StatusOf): StageProgress[] {
  return [...roadmap.stages]
    .sort((a, b) => a.order - b.order)
    .map((stage) => ({
      stageId: stage.id,
      ...tally(
        roadmap.skills.filter((s) => s.stage === stage.id),
        statusOf,
      ),
    }));
}

export function statusLookup(
  entries: readonly { skillId: string; status: ProgressStatus }[],
): StatusOf {
  const byId = new Map(entries.map((e) => [e.skillId, e.status]));
  return (skillId) => byId.get(skillId) ?? "pending";
}
