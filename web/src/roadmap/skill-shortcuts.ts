/** The keys that set the status of the focused skill on the roadmap. */
import type { ProgressStatus } from "../api/api-types.js";

export const SKILL_SHORTCUTS: readonly { key: string; status: ProgressStatus; label: string }[] = [
  { key: "d", status: "done", label: "done" },
  { key: "l", status: "learning", label: "learning" },
  { key: "s", status: "skipped", label: "skipped" },
  { key: "r", status: "pending", label: "reset to not started" },
];

/**
 * The status a key press asks for, or null. Presses with a modifier belong to the browser or the
 * system (Ctrl+R reloads, Ctrl+D bookmarks), so they never change a skill.
 */
export function statusForKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): ProgressStatus | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const key = event.key.toLowerCase();
  return SKILL_SHORTCUTS.find((s) => s.key === key)?.status ?? null;
}

export const STATUS_LABELS: Readonly<Record<ProgressStatus, string>> = {
  pending: "Not started",
  learning: "Learning",
  done: "Done",
  skipped: "Skipped",
};
