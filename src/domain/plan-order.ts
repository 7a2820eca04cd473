/**
 * The order in which a learner works through skills: stage by stage (stage `order`), and inside a
 * stage every skill after its prerequisites. Among skills that are ready at the same time the one
 * that comes first in the content wins, so the order is stable and reads like the roadmap.
 */
import type { Roadmap, Skill } from "../content/content.schema.js";
import { DevladderError } from "../errors.js";

/**
 * Orders the skills in `remaining` (ids). Prerequisites outside `remaining` (done, skipped or not
 * on the track) count as already satisfied. Throws content_invalid when the content makes an
 * order impossible (a cycle, a prerequisite in a later stage, an unknown stage); the content
 * loader rejects those first, so this only guards against unvalidated roadmaps.
 */
export function learningOrder(roadmap: Roadmap, remaining: ReadonlySet<string>): Skill[] {
  const stageRank = new Map(
    [...roadmap.stages]
      .map((stage, index) => ({ stage, index }))
      .sort((a, b) => a.stage.order - b.stage.order || a.index - b.index)
      .map(({ stage }, rank) => [stage.id, rank] as const),
  );
  const contentIndex = new Map(roadmap.skills.map((skill, index) => [skill.id, index]));
  const byStage = new Map<number, Skill[]>();
  for (const skill of roadmap.skills) {
    if (!remaining.has(skill.id)) continue;
    const rank = stageRank.get(skill.stage);
    if (rank === undefined) {
      throw contentError(`skill '${skill.id}' names stage '${skill.stage}', which does not exist`);
    }
    const list = byStage.get(rank) ?? [];
    list.push(skill);
    byStage.set(rank, list);
  }
  const skillById = new Map(roadmap.skills.map((skill) => [skill.id, skill]));
  for (const [rank, skills] of byStage) {
    for (const skill of skills) {
      for (const prerequisite of skill.prerequisites) {
        const other = skillById.get(prerequisite);
        if (!other || !remaining.has(prerequisite)) continue;
        if ((stageRank.get(other.stage) ?? -1) > rank) {
          throw contentError(
            `skill '${skill.id}' needs '${prerequisite}', which is in a later stage ('${other.stage}')`,
          );
        }
      }
    }
  }

  const order: Skill[] = [];
  for (const rank of [...byStage.keys()].sort((a, b) => a - b)) {
    order.push(...orderWithinStage(byStage.get(rank) ?? [], contentIndex));
  }
  return order;
}

function orderWithinStage(skills: readonly Skill[], contentIndex: Map<string, number>): Skill[] {
  const inStage = new Set(skills.map((skill) => skill.id));
  const waitingOn = new Map(
    skills.map((skill) => [
      skill.id,
      new Set(skill.prerequisites.filter((id) => inStage.has(id) && id !== skill.id)),
    ]),
  );
  const selfDependent = skills.find((skill) => skill.prerequisites.includes(skill.id));
  if (selfDependent) throw cycleError([selfDependent.id, selfDependent.id]);

  const ordered: Skill[] = [];
  const pending = [...skills].sort(
    (a, b) => (contentIndex.get(a.id) ?? 0) - (contentIndex.get(b.id) ?? 0),
  );
  while (pending.length > 0) {
    const nextIndex = pending.findIndex((skill) => waitingOn.get(skill.id)?.size === 0);
    if (nextIndex < 0) throw cycleError(findCycle(pending, waitingOn));
    const [next] = pending.splice(nextIndex, 1);
    if (!next) break;
    ordered.push(next);
    for (const waiting of waitingOn.values()) waiting.delete(next.id);
  }
  return ordered;
}

/** Walks unmet prerequisites from the first stuck skill until a skill repeats: that loop is a cycle. */
function findCycle(stuck: readonly Skill[], waitingOn: Map<string, Set<string>>): string[] {
  const path: string[] = [];
  let current = stuck[0]?.id;
  while (current !== undefined && !path.includes(current)) {
    path.push(current);
    current = [...(waitingOn.get(current) ?? [])][0];
  }
  if (current === undefined) return path;
  return [...path.slice(path.indexOf(current)), current];
}

function cycleError(cycle: readonly string[]): DevladderError {
  return contentError(`prerequisite cycle: ${cycle.join(" -> ")}`);
}

function contentError(problem: string): DevladderError {
  return new DevladderError("content_invalid", `the roadmap cannot be ordered: ${problem}`, [
    { where: "skills", problem },
  ]);
}
