/**
 * The database schema as Kysely sees it: one interface per table, identical on SQLite and
 * PostgreSQL. Timestamps are ISO-8601 UTC text (`2026-11-24T10:00:00.000Z`) and dates are
 * `YYYY-MM-DD` text on both dialects, so values round-trip unchanged and sort as text; ids are
 * UUIDs made in code (see dialect.ts for the one column type that differs).
 */
import type { Insertable, Selectable, Updateable } from "kysely";

export const ROLES = ["learner", "mentor", "recruiter", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const VISIBILITIES = ["private", "link", "public"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const PROGRESS_STATUSES = ["pending", "learning", "done", "skipped"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export interface UsersTable {
  id: string;
  /** lower-cased, so lookups and the unique index ignore case */
  email: string;
  password_hash: string;
  role: Role;
  display_name: string;
  created_at: string;
  /** set when an admin disables the account: it can no longer sign in or use its tokens */
  disabled_at: string | null;
}

export interface RefreshTokensTable {
  id: string;
  user_id: string;
  /** every token issued from one login shares the family; reuse revokes the family */
  family_id: string;
  /** sha256 of the opaque token: a leaked table does not hand out sessions */
  token_hash: string;
  created_at: string;
  expires_at: string;
  /** set when the token was exchanged for a new pair; a second use is reuse */
  used_at: string | null;
  revoked_at: string | null;
}

export interface GrantsTable {
  learner_id: string;
  mentor_id: string;
  created_at: string;
}

export interface ProfilesTable {
  user_id: string;
  track: string;
  hours_per_week: number;
  start_date: string;
  target_level: string | null;
  visibility: Visibility;
  /** unguessable slug for `link` sharing; kept when visibility changes so links stay stable */
  share_slug: string;
  headline: string;
  updated_at: string;
}

export interface ProgressTable {
  user_id: string;
  skill_id: string;
  status: ProgressStatus;
  /** private to the learner: never shown to mentors, recruiters or admins */
  note: string;
  /** when the status or known_before_start last changed; a note edit alone does not move it */
  updated_at: string;
  /**
   * 1 when a done skill was already known before the plan started (ticked at onboarding): the
   * plan leaves it out instead of counting it as progress. Always 0 unless status is done.
   * A 0/1 integer because the store has no boolean columns (see dialect.ts).
   */
  known_before_start: 0 | 1;
}

export interface ProgressHistoryTable {
  /** time-ordered (UUIDv7), so ordering by id is ordering by time */
  id: string;
  user_id: string;
  skill_id: string;
  from_status: ProgressStatus | null;
  to_status: ProgressStatus;
  changed_at: string;
}

export const CERTIFICATION_STATUSES = ["planned", "in_progress", "earned"] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];

export interface EndorsementsTable {
  id: string;
  learner_id: string;
  mentor_id: string;
  skill_id: string;
  comment: string;
  evidence_url: string;
  /** set when the learner hides it: then only the learner sees it, and it counts for nothing */
  hidden_at: string | null;
  created_at: string;
}

export interface GrowthEntriesTable {
  /** time-ordered (UUIDv7) */
  id: string;
  user_id: string;
  dimension: "impact" | "mastery" | "collaboration";
  title: string;
  what: string;
  /** YYYY-MM-DD: when the work happened, not when it was written down */
  happened_on: string;
  /** JSON array of URLs, as text */
  links: string;
  created_at: string;
}

export interface GrowthCommentsTable {
  id: string;
  entry_id: string;
  author_id: string;
  body: string;
  created_at: string;
}

export interface UserCertificationsTable {
  user_id: string;
  certification_id: string;
  status: CertificationStatus;
  /** YYYY-MM-DD the learner aims to sit the exam (planned / in progress) */
  target_date: string | null;
  started_on: string | null;
  earned_on: string | null;
  credential_url: string | null;
  updated_at: string;
}

export interface PracticeCardsTable {
  user_id: string;
  skill_id: string;
  question_index: number;
  repetitions: number;
  interval_days: number;
  ease_factor: number;
  /** YYYY-MM-DD of the next review */
  due_on: string;
  last_grade: number;
  reviewed_at: string;
}

export const REPOSITORY_KINDS = ["url", "path"] as const;
export type RepositoryKind = (typeof REPOSITORY_KINDS)[number];

export const ANALYSIS_STATUSES = ["queued", "running", "done", "failed"] as const;
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];

export interface RepositoriesTable {
  id: string;
  owner_id: string;
  /** `url`: a remote the service clones; `path`: a directory on the server (admins only) */
  kind: RepositoryKind;
  location: string;
  created_at: string;
}

/** One analysis of a repository; on SQLite also the job row of the in-process queue. */
export interface AnalysesTable {
  /** time-ordered (UUIDv7), so ordering by id is ordering by when it was queued */
  id: string;
  repository_id: string;
  owner_id: string;
  /** the commit analysed (known before the run when it could be resolved cheaply) */
  commit_sha: string | null;
  status: AnalysisStatus;
  /** 0-100 */
  progress: number;
  phase: string;
  /** runs started so far, the current one included */
  attempts: number;
  /** why the last attempt failed: kept for the user while a retry waits, and when it failed */
  error: string | null;
  /** the EvidenceReport as JSON text, once done */
  report: string | null;
  score: number | null;
  /** the analysis whose report was reused because the commit had not changed */
  reused_from: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** the in-process queue does not start the job before this time (retry backoff) */
  run_after: string;
  /** the in-process queue's lease: a running job whose lease ran out is taken again */
  locked_until: string | null;
}

/** A skill proved by the latest analysis of one repository. */
export interface VerifiedSkillsTable {
  repository_id: string;
  skill_id: string;
  user_id: string;
  analysis_id: string;
  /** JSON array of the signals that proved it, with their values and evidence */
  evidence: string;
  verified_at: string;
}

export interface Database {
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  grants: GrantsTable;
  profiles: ProfilesTable;
  progress: ProgressTable;
  progress_history: ProgressHistoryTable;
  repositories: RepositoriesTable;
  analyses: AnalysesTable;
  verified_skills: VerifiedSkillsTable;
  endorsements: EndorsementsTable;
  growth_entries: GrowthEntriesTable;
  growth_comments: GrowthCommentsTable;
  user_certifications: UserCertificationsTable;
  practice_cards: PracticeCardsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
export type GrantRow = Selectable<GrantsTable>;
export type ProfileRow = Selectable<ProfilesTable>;
export type ProgressRow = Selectable<ProgressTable>;
export type ProgressHistoryRow = Selectable<ProgressHistoryTable>;
export type EndorsementRow = Selectable<EndorsementsTable>;
export type GrowthEntryRow = Selectable<GrowthEntriesTable>;
export type GrowthCommentRow = Selectable<GrowthCommentsTable>;
export type UserCertificationRow = Selectable<UserCertificationsTable>;
export type PracticeCardRow = Selectable<PracticeCardsTable>;
export type RepositoryRow = Selectable<RepositoriesTable>;
export type AnalysisRow = Selectable<AnalysesTable>;
export type VerifiedSkillRow = Selectable<VerifiedSkillsTable>;
