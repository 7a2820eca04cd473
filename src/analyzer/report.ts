/**
 * The EvidenceReport: the stable JSON contract of `devladder analyze --json` (schemaVersion 1).
 * Field names here are the wire names; change them only with a new schemaVersion.
 */
import type { SignalId } from "../content/signals.js";

export interface Evidence {
  /** repository-relative POSIX path */
  readonly file: string;
  /** 1-based line; 0 when the evidence is the file as a whole */
  readonly line: number;
  readonly note?: string;
}

export type SignalValueType = {
  boolean: boolean;
  number: number;
  list: string[];
};

/** Value types per signal, mirroring SIGNALS in content/signals.ts. */
export interface SignalValues {
  rest_api: boolean;
  http_endpoints: number;
  sql_database: boolean;
  sql_engines: string[];
  orms: string[];
  migrations: boolean;
  nosql_databases: string[];
  crud: boolean;
  auth_jwt: boolean;
  oauth: boolean;
  password_hashing: boolean;
  authorization: boolean;
  input_validation: boolean;
  central_error_handling: boolean;
  tests: boolean;
  test_frameworks: string[];
  test_files: number;
  api_tests: boolean;
  tested_endpoints: number;
  api_error_tests: boolean;
  dockerfile: boolean;
  docker_compose: boolean;
  ci: boolean;
  ci_systems: string[];
  readme: boolean;
  readme_has_setup: boolean;
  api_docs: boolean;
  lint_config: boolean;
  formatter_config: boolean;
  microservices: boolean;
  logging: boolean;
  caching: boolean;
  env_config: boolean;
  committed_secrets: string[];
}

// Compile-time guarantee that SignalValues names exactly the catalogue's signals.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const signalValuesMatchCatalogue: Exact<keyof SignalValues, SignalId> = true;

export interface SignalResult<T> {
  readonly value: T;
  readonly evidence: readonly Evidence[];
}

export type Signals = { [K in SignalId]: SignalResult<SignalValues[K]> };

export type FrameworkCategory = "backend" | "frontend" | "test" | "orm" | "other";
export type Confidence = "declared+used" | "used" | "declared";

export interface FrameworkFinding {
  readonly id: string;
  readonly category: FrameworkCategory;
  readonly confidence: Confidence;
  readonly evidence: readonly Evidence[];
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS" | "ANY";

export interface Endpoint {
  readonly method: HttpMethod;
  /** full path after mount/prefix resolution, e.g. /api/articles/:slug */
  readonly path: string;
  readonly framework: string;
  readonly file: string;
  readonly line: number;
  /** false when a prefix or path could not be resolved statically; path then holds what is known */
  readonly resolved: boolean;
  /**
   * the library that adds this route when the app mounts it (`devise`, `devise_token_auth`,
   * `doorkeeper`, `aspnetcore-identity`); absent on the app's own routes
   */
  readonly library?: string;
}

export interface LanguageStat {
  readonly name: string;
  readonly files: number;
  readonly code: number;
  readonly comment: number;
  readonly blank: number;
}

export interface GitSummary {
  readonly commits: number;
  readonly authors: number;
  readonly bot_authors: number;
  /**
   * distinct branch names among local and remote-tracking refs and the branches the history
   * shows were merged (named by merge subjects, one per pull request merged as one commit)
   */
  readonly branches: number;
  readonly merge_commits: number;
  /** distinct pull request numbers named by merge subjects or GitHub's "Title (#12)" subjects */
  readonly pull_requests: number;
  /**
   * merge commits that merge work back (not a pull of the same branch, the mainline merged into
   * a branch to catch up, or a tag) plus pull requests merged as one commit (squash)
   */
  readonly merged_branches: number;
  readonly first_commit: string | null;
  readonly last_commit: string | null;
  readonly active_weeks: number;
  readonly longest_gap_days: number;
  readonly conventional_commit_share: number;
  /**
   * share of people's non-merge commits (bots' and translation platforms' left out) whose
   * subject follows a recognised convention: Conventional Commits, gitmoji ("✨ Add …",
   * ":bug: Fix …") or a scope prefix ("window: …", "net/http: …")
   */
  readonly commit_convention_share: number;
  /** the convention most of those subjects follow; null when none does */
  readonly commit_convention: "conventional" | "gitmoji" | "scope" | null;
  readonly bulk_upload: boolean;
  readonly tests_with_changes_share: number;
  /** commits whose line counts were read (the last 1,000 unless --full-history) */
  readonly numstat_commits: number;
  /**
   * paths left out of the line counts because git lacks their contents (a mirror without its
   * largest files); 0 for a complete repository
   */
  readonly unreadable_paths: number;
  /** commits per ISO week, oldest first, for activity charts: [weekStart (YYYY-MM-DD), count] */
  readonly weekly: readonly (readonly [string, number])[];
}

export type Verdict = "pass" | "partial" | "fail";

export interface CheckResult {
  readonly id: string;
  readonly kind: "skill-gap" | "recruiter";
  readonly title: string;
  readonly verdict: Verdict;
  readonly reasons: readonly string[];
  readonly evidence: readonly Evidence[];
}

export interface NextStep {
  readonly check: string;
  /** score points this step would add if done */
  readonly impact: number;
  readonly text: string;
}

export interface CodeFigures {
  /** lines of code in application files of programming languages */
  readonly lines: number;
  /** comment lines / (code + comment lines) in those files, 0 when there are none */
  readonly comment_ratio: number;
}

export interface LibraryEndpoints {
  readonly count: number;
  readonly tested: number;
}

export interface EvidenceReport {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: "devladder"; readonly version: string };
  readonly repository: {
    readonly root: string;
    readonly commit: string | null;
    readonly files: number;
    readonly bytes: number;
    readonly skipped: {
      readonly vendored: number;
      readonly generated: number;
      readonly binary: number;
      readonly large: number;
    };
  };
  readonly languages: readonly LanguageStat[];
  /** application code only (not tests, examples, docs or markup): the code.* facts */
  readonly code: CodeFigures;
  readonly frameworks: readonly FrameworkFinding[];
  readonly endpoints: readonly Endpoint[];
  /**
   * the endpoints a library adds (Devise's, Doorkeeper's, ASP.NET Identity's `MapIdentityApi`),
   * counted as http_endpoints counts them, and how many of them a test calls
   */
  readonly library_endpoints?: LibraryEndpoints;
  readonly signals: Signals;
  readonly git: GitSummary | null;
  readonly checks: readonly CheckResult[];
  readonly score: number;
  readonly next_steps: readonly NextStep[];
}
