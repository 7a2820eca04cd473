/**
 * The JSON the devladder API sends and accepts, as the web app uses it. Written out by hand so the
 * browser bundle carries no server code; src/web-tests/api-types.contract.test.ts checks at
 * type-check time that each one still equals the server's zod schema.
 */
export const TRACK_IDS = ["python", "java", "node"] as const;
export type TrackId = (typeof TRACK_IDS)[number];

export const PROGRESS_STATUSES = ["pending", "learning", "done", "skipped"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const SELF_SERVICE_ROLES = ["learner", "mentor", "recruiter"] as const;
export type Role = "learner" | "mentor" | "recruiter" | "admin";
export type Visibility = "private" | "link" | "public";

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
}

export interface Session {
  tokenType: "Bearer";
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  user: User;
}

export interface RegisterBody {
  email: string;
  password: string;
  displayName: string;
  role: (typeof SELF_SERVICE_ROLES)[number];
}

export interface ProfileBody {
  track: TrackId;
  hoursPerWeek: number;
  startDate: string;
  targetLevel: string | null;
  visibility: Visibility;
  headline: string;
}

export interface OwnProfile {
  userId: string;
  track: TrackId;
  hoursPerWeek: number;
  startDate: string;
  targetLevel: string | null;
  headline: string;
  updatedAt: string;
  visibility: Visibility;
  sharePath: string;
}

export interface RoadmapStage {
  id: string;
  order: number;
  title: string;
  months: { from: number; to: number | null };
  goals: string[];
}

export interface RoadmapSkill {
  id: string;
  title: string;
  description: string;
  stage: string;
  prerequisites: string[];
  hours: number;
  tags: string[];
  signals: { id: string; description: string }[];
  questions: { question: string; answer: string }[];
}

export interface Roadmap {
  version: string;
  track: { id: TrackId; title: string; language: string; frameworks: string[]; summary: string };
  stages: RoadmapStage[];
  skills: RoadmapSkill[];
}

export interface ProgressEntry {
  skillId: string;
  status: ProgressStatus;
  note: string;
  updatedAt: string;
  /** done, and known before the start date: the plan does not count it as progress */
  knownBeforeStart: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ProgressChange {
  skillId: string;
  status: ProgressStatus;
  note?: string | undefined;
  /** true only with status done; omitted keeps the current value while the skill stays done */
  knownBeforeStart?: boolean | undefined;
}

export interface Plan {
  track: TrackId;
  hoursPerWeek: number;
  start: string;
  end: string;
  totalHours: number;
  totalWeeks: number;
  items: {
    skillId: string;
    title: string;
    stage: string;
    hours: number;
    start: string;
    end: string;
  }[];
  stages: {
    id: string;
    order: number;
    title: string;
    start: string | null;
    end: string | null;
    hours: number;
    skills: number;
  }[];
}

export interface LearnerPlan {
  today: string;
  standing: "ahead" | "on-schedule" | "behind";
  daysAhead: number;
  completedHours: number;
  expectedHours: number;
  original: Plan;
  replanned: Plan;
}

/** RFC 9457 problem details, as every API error arrives. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  errors?: { where: string; problem: string; accepted?: string | undefined }[] | undefined;
}

export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
}

/** A mentor the learner let in. */
export interface MentorGrant {
  mentor: UserSummary;
  grantedAt: string;
}

/** A learner who let the signed-in mentor in. */
export interface Mentee {
  learner: UserSummary;
  grantedAt: string;
}

/** A learner's progress as a mentor sees it: without the private note. */
export interface SharedProgressEntry {
  skillId: string;
  status: ProgressStatus;
  updatedAt: string;
  knownBeforeStart: boolean;
}

export interface EndorsementBody {
  skillId: string;
  comment: string;
  evidenceUrl: string;
}

export interface Endorsement {
  id: string;
  skillId: string;
  comment: string;
  evidenceUrl: string;
  mentor: { id: string; displayName: string };
  hidden: boolean;
  createdAt: string;
}

export const GROWTH_DIMENSIONS = ["impact", "mastery", "collaboration"] as const;
export type GrowthDimension = (typeof GROWTH_DIMENSIONS)[number];

export interface GrowthEntry {
  id: string;
  dimension: GrowthDimension;
  title: string;
  what: string;
  happenedOn: string;
  links: string[];
  createdAt: string;
}

export interface GrowthComment {
  id: string;
  entryId: string;
  author: { id: string; displayName: string };
  body: string;
  createdAt: string;
}

/** What others see of a learner's profile. */
export interface PublicProfile {
  userId: string;
  track: TrackId;
  hoursPerWeek: number;
  startDate: string;
  targetLevel: string | null;
  headline: string;
  updatedAt: string;
}

export interface CandidateFilters {
  skills: readonly string[];
  track: TrackId | null;
  /** a level id from the level catalogue: candidates who reached at least this level */
  level: string | null;
}

export interface Candidate {
  userId: string;
  displayName: string;
  headline: string;
  track: string;
  reachedLevel: string | null;
  strength: number;
  verifiedSkills: { skillId: string; by: ("analysis" | "endorsement")[] }[];
  currentCertifications: string[];
}

export interface CandidateResults {
  items: Candidate[];
  nextCursor: string | null;
  truncated: boolean;
}

export interface Readiness {
  reachedLevel: string | null;
  levels: {
    levelId: string;
    title: string;
    met: boolean;
    criteria: {
      criterionId: string;
      description: string;
      measure: string;
      have: number;
      need: number;
      met: boolean;
      evidence: {
        kind: "analysis" | "endorsement" | "growth" | "certification";
        id: string;
        label: string;
      }[];
      missing: string[];
    }[];
  }[];
}

export interface GrowthEntryBody {
  dimension: GrowthDimension;
  title: string;
  what: string;
  happenedOn: string;
  links: string[];
}

export interface GrowthSummary {
  counts: Record<GrowthDimension, number>;
  levels: {
    levelId: string;
    title: string;
    met: boolean;
    dimensions: {
      dimension: GrowthDimension;
      have: number;
      need: number;
      met: boolean;
      criteria: string[];
    }[];
  }[];
}

/** The kinds of evidence a level criterion rests on (GET /catalog/levels). */
export const LEVEL_EVIDENCE_KINDS = [
  "analysis",
  "endorsement",
  "growth-impact",
  "growth-mastery",
  "growth-collaboration",
  "certification",
  "progress",
] as const;

/** A career level from GET /catalog/levels, in ladder order. */
export interface CatalogLevel {
  id: string;
  order: number;
  title: string;
  summary: string;
  criteria: {
    id: string;
    description: string;
    evidence: (typeof LEVEL_EVIDENCE_KINDS)[number][];
  }[];
}

/** A certification from GET /catalog/certifications; its id is what PUT /certifications takes. */
export interface CatalogCertification {
  id: string;
  title: string;
  issuer: string;
  summary: string;
  tracks: TrackId[];
  levels: string[];
  skills: string[];
  validityMonths: number | null;
  validityNote: string;
}

export const CERTIFICATION_STATUSES = ["planned", "in_progress", "earned"] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];

export interface LearnerCertification {
  certificationId: string;
  title: string;
  issuer: string;
  status: CertificationStatus;
  targetDate: string | null;
  startedOn: string | null;
  earnedOn: string | null;
  credentialUrl: string | null;
  expiresOn: string | null;
  expired: boolean;
  expiresSoon: boolean;
  skills: string[];
  updatedAt: string;
}

export interface CertificationBody {
  status: CertificationStatus;
  targetDate?: string | null;
  startedOn?: string | null;
  earnedOn?: string | null;
  credentialUrl?: string | null;
}

export interface PracticeQuestion {
  skillId: string;
  questionIndex: number;
  question: string;
  answer: string;
  dueOn: string;
  schedule: {
    repetitions: number;
    intervalDays: number;
    easeFactor: number;
    lastGrade: number;
    reviewedAt: string;
  } | null;
}
