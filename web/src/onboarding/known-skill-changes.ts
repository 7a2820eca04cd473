/**
 * What the onboarding checklist changes: ticked skills become done, and skills that were done but
 * are now unticked go back to not started. Anything else (learning, skipped) is left as it is.
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
    if (ticked.has(skillId) && status !== "done") changes.push({ skillId, status: "done" });
    else if (!ticked.has(skillId) && status === "done")
      changes.push({ skillId, status: "pending" });
  }
  return changes;
}
