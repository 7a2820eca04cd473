/** A small, complete evidence report for renderer tests: every signal absent unless overridden. */
import { SIGNAL_IDS } from "../../content/signals.js";
import { absentSignal } from "../derive-signals.js";
import type { EvidenceReport, GitSummary, SignalResult, Signals } from "../report.js";

export const sampleGit: GitSummary = {
  commits: 42,
  authors: 1,
  bot_authors: 0,
  branches: 3,
  merge_commits: 2,
  pull_requests: 0,
  merged_branches: 2,
  first_commit: "2026-01-05T10:00:00Z",
  last_commit: "2026-03-01T10:00:00Z",
  active_weeks: 8,
  longest_gap_days: 9,
  conventional_commit_share: 0.5,
  commit_convention_share: 0.5,
  commit_convention: "conventional",
  bulk_upload: false,
  tests_with_changes_share: 0.25,
  numstat_commits: 42,
  unreadable_paths: 0,
  weekly: [],
};

export function sampleReport(overrides: Partial<EvidenceReport> = {}): EvidenceReport {
  const signals = Object.fromEntries(
    SIGNAL_IDS.map((id): [string, SignalResult<unknown>] => [id, absentSignal(id)]),
  ) as unknown as Signals;
  return {
    schemaVersion: 1,
    tool: { name: "devladder", version: "0.0.0-test" },
    repository: {
      root: "/tmp/app",
      commit: "0123456789abcdef",
      files: 12,
      bytes: 3456,
      skipped: { vendored: 0, generated: 0, binary: 0, large: 0 },
    },
    languages: [],
    code: { lines: 300, comment_ratio: 0.1 },
    frameworks: [],
    endpoints: [],
    signals,
    git: sampleGit,
    checks: [],
    score: 50,
    next_steps: [],
    ...overrides,
  };
}
