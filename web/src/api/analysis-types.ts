/**
 * The repositories and analyses part of the API, as the web app reads it. Written out by hand like
 * api-types.ts (no server code in the bundle); src/web-tests/api-types.contract.test.ts checks that
 * the server's schemas and its EvidenceReport contract still fit these types.
 */
export const ANALYSIS_STATUSES = ["queued", "running", "done", "failed"] as const;
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];

export interface Repository {
  id: string;
  kind: "url" | "path";
  url: string;
  createdAt: string;
}

export interface Analysis {
  id: string;
  repositoryId: string;
  status: AnalysisStatus;
  progress: number;
  phase: string;
  attempts: number;
  error: string | null;
  commit: string | null;
  score: number | null;
  reusedFrom: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  links: { self: string; report: string; badge: string };
}

/** A learner's repository as their mentor (or an admin) reads it: with its newest analysis. */
export interface LearnerRepository extends Repository {
  /** the newest analysis, whatever its status; null before the first */
  latestAnalysis: Analysis | null;
}

export interface ReportEvidence {
  readonly file: string;
  /** 0 when the evidence is the file as a whole */
  readonly line: number;
  readonly note?: string;
}

export type Verdict = "pass" | "partial" | "fail";

export interface ReportCheck {
  readonly id: string;
  readonly kind: "skill-gap" | "recruiter";
  readonly title: string;
  readonly verdict: Verdict;
  readonly reasons: readonly string[];
  readonly evidence: readonly ReportEvidence[];
}

export interface ReportSignal {
  readonly value: boolean | number | readonly string[];
  readonly evidence: readonly ReportEvidence[];
}

/** The parts of the EvidenceReport (schemaVersion 1) the report page shows. */
export interface EvidenceReport {
  readonly schemaVersion: 1;
  readonly repository: { readonly commit: string | null; readonly files: number };
  readonly languages: readonly { readonly name: string; readonly code: number }[];
  readonly frameworks: readonly { readonly id: string; readonly category: string }[];
  readonly endpoints: readonly {
    readonly method: string;
    readonly path: string;
    readonly framework: string;
    readonly file: string;
    readonly line: number;
    readonly resolved: boolean;
  }[];
  readonly signals: Readonly<Record<string, ReportSignal>>;
  readonly git: {
    readonly commits: number;
    readonly authors: number;
    readonly active_weeks: number;
    readonly first_commit: string | null;
    readonly last_commit: string | null;
    /** [weekStart (YYYY-MM-DD), commits], oldest first */
    readonly weekly: readonly (readonly [string, number])[];
  } | null;
  readonly checks: readonly ReportCheck[];
  readonly score: number;
  readonly next_steps: readonly {
    readonly check: string;
    readonly impact: number;
    readonly text: string;
  }[];
}

/** A roadmap skill your analysed repositories prove, with the repositories and facts that do. */
export interface VerifiedSkill {
  skillId: string;
  title: string;
  evidence: {
    analysisId: string;
    repositoryId: string;
    repository: string;
    commit: string | null;
    verifiedAt: string;
    report: string;
    facts: {
      fact: string;
      value: boolean | number | string[];
      evidence: { file: string; line: number; note?: string | undefined }[];
    }[];
  }[];
}
