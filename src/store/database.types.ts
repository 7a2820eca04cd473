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
  /** when the status last changed; editing the note alone does not move it */
  updated_at: string;
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

export interface Database {
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  grants: GrantsTable;
  profiles: ProfilesTable;
  progress: ProgressTable;
  progress_history: ProgressHistoryTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
export type GrantRow = Selectable<GrantsTable>;
export type ProfileRow = Selectable<ProfilesTable>;
export type ProgressRow = Selectable<ProgressTable>;
export type ProgressHistoryRow = Selectable<ProgressHistoryTable>;
