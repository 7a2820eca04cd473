/**
 * What the onboarding checklist changes: ticked skills become done and known before the start
 * (so the plan leaves them out rather than counting them as progress made today), and skills
 * that were done but are now unticked go back to not started. Anything else is left as it is:
 * learning and skipped skills that stay unticked, and skills already done that stay ticked (one
 * finished on the plan stays progress when the learner only saves their settings again).
 */
import type { ProgressChange, ProgressStatus } from "../api/api-types.js";

export function knownSkillChanges(
  current: ReadonlyMap<string, ProgressStatus>,
  ticked: ReadonlySet<string>,
  onTrack: readonly string[],
): ProgressChange[] {
  const changes: ProgressChange[] = [];
  for (const skillId of onTrack) {
    const status = current.get(skillId) ?? "pending";
    if (ticked.has(skillId) && status !== "done")
      changes.push({ skillId, status: "done", knownBeforeStart: true });
    else if (!ticked.has(skillId) && status === "done")
      changes.push({ skillId, status: "pending" });
  }
  return changes;
}
