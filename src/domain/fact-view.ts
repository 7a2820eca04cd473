/**
 * Every fact of the catalogue (signals.ts) with its observed value and evidence, in one flat view,
 * so rules over facts (check criteria, level measures) need not know where each fact comes from.
 */
import type {
  CodeFigures,
  Evidence,
  GitSummary,
  LibraryEndpoints,
  Signals,
} from "../analyzer/report.js";
import { SIGNAL_IDS, type DerivedFactId, type FactId } from "../content/signals.js";

export type FactValue = boolean | number | readonly string[] | null;

export interface FactObservation {
  /** null: not known for this repository (e.g. git facts of a folder without history) */
  readonly value: FactValue;
  readonly evidence: readonly Evidence[];
}

export type FactView = Readonly<Record<FactId, FactObservation>>;

const unknown: FactObservation = { value: null, evidence: [] };

/**
 * The parts of a report facts come from. A report stored by an earlier version may lack a
 * signal, a git figure or the code figures that came later: those facts read as unknown (null),
 * never as met.
 */
export interface ReportFacts {
  readonly signals: Signals;
  readonly git: GitSummary | null;
  readonly code?: CodeFigures;
  /** the routes a library adds and how many a test calls; absent in reports that predate it */
  readonly library_endpoints?: LibraryEndpoints;
}

/** The git summary fields that are facts: the scalar ones (not dates or the weekly series). */
type ScalarGitKey = {
  [K in keyof GitSummary]: GitSummary[K] extends number | boolean ? K : never;
}[keyof GitSummary];

/**
 * Facts computed from the git summary rather than read off it: `git.co_authors`, the authors
 * besides one, so that "above zero" (the rule for a skill's evidence) means two or more people.
 */
export function coAuthors(git: Pick<GitSummary, "authors"> | null | undefined): number | null {
  return git ? Math.max(0, git.authors - 1) : null;
}

/**
 * `endpoints.tested_share`: tested_endpoints over http_endpoints, or null (unknown) when the app
 * has no endpoints or the report predates tested_endpoints. Routes a library adds (Devise's,
 * ASP.NET Identity's) count only when a test calls them: the library's own tests cover the rest.
 */
export function testedEndpointShare(
  signals: Partial<Pick<Signals, "http_endpoints" | "tested_endpoints">>,
  library: LibraryEndpoints = { count: 0, tested: 0 },
): FactObservation {
  const endpoints = (signals.http_endpoints?.value ?? 0) - (library.count - library.tested);
  const tested = signals.tested_endpoints;
  if (endpoints === 0 || tested === undefined) return unknown;
  return {
    value: Math.round((1000 * Math.min(tested.value, endpoints)) / endpoints) / 1000,
    evidence: tested.evidence,
  };
}

export function factViewFromReport(parts: ReportFacts): FactView {
  const { git } = parts;
  const fromGit = (key: ScalarGitKey): FactObservation => ({
    value: (git?.[key] as FactValue | undefined) ?? null,
    evidence: [],
  });
  const derived: Record<DerivedFactId, FactObservation> = {
    "git.commits": fromGit("commits"),
    "git.authors": fromGit("authors"),
    "git.co_authors": { value: coAuthors(git), evidence: [] },
    "git.branches": fromGit("branches"),
    "git.merge_commits": fromGit("merge_commits"),
    "git.pull_requests": fromGit("pull_requests"),
    "git.merged_branches": fromGit("merged_branches"),
    "git.active_weeks": fromGit("active_weeks"),
    "git.longest_gap_days": fromGit("longest_gap_days"),
    "git.conventional_commit_share": fromGit("conventional_commit_share"),
    "git.commit_convention_share": fromGit("commit_convention_share"),
    "git.bulk_upload": fromGit("bulk_upload"),
    "git.tests_with_changes_share": fromGit("tests_with_changes_share"),
    "code.comment_ratio": { value: parts.code?.comment_ratio ?? null, evidence: [] },
    "code.lines": { value: parts.code?.lines ?? null, evidence: [] },
    "endpoints.tested_share": testedEndpointShare(parts.signals, parts.library_endpoints),
  };
  const signals = Object.fromEntries(
    SIGNAL_IDS.map((id) => {
      const signal = parts.signals[id] as Signals[typeof id] | undefined;
      return [id, signal ? { value: signal.value, evidence: signal.evidence } : unknown];
    }),
  ) as Record<(typeof SIGNAL_IDS)[number], FactObservation>;
  return { ...signals, ...derived };
}
