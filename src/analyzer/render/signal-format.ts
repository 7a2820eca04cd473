/** Short human wording of signal values, shared by the text and Markdown renderers. */
import type { GitSummary, SignalResult } from "../report.js";

export function formatSignalValue(result: SignalResult<unknown>): string {
  const { value } = result;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.join(", ");
  return String(value);
}

export function isPresent(result: SignalResult<unknown>): boolean {
  const { value } = result;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value > 0;
  return Array.isArray(value) && value.length > 0;
}

export function formatEvidencePlace(e: { file: string; line: number }): string {
  return e.line > 0 ? `${e.file}:${e.line}` : e.file;
}

export function shortSha(sha: string | null): string {
  return sha ? sha.slice(0, 10) : "no commit";
}

export function datePart(iso: string | null): string {
  return iso ? iso.slice(0, 10) : "—";
}

/** A count with its noun, singular for one ("1 branch", "2 branches"). */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** What a report says when git lacked some file contents (GitSummary.unreadable_paths). */
export function unreadableNote(paths: number): string {
  return `${counted(paths, "path")} left out of the line counts: the repository lacks their contents`;
}

const CONVENTION_WORDS: Readonly<Record<NonNullable<GitSummary["commit_convention"]>, string>> = {
  conventional: "Conventional Commits",
  gitmoji: "gitmoji",
  scope: "area prefixes",
};

/**
 * "62% of subjects follow a convention (mostly gitmoji)", or "" for a report stored before the
 * figure existed (the fields are then missing).
 */
export function conventionPart(
  git: Partial<Pick<GitSummary, "commit_convention_share" | "commit_convention">>,
): string {
  const share = git.commit_convention_share;
  if (share === undefined) return "";
  const convention = git.commit_convention;
  const mostly = convention ? ` (mostly ${CONVENTION_WORDS[convention]})` : "";
  return `${percent(share)} of subjects follow a convention${mostly}`;
}
