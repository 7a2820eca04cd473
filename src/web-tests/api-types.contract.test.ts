/**
 * The web app writes the API's types out by hand (web/src/api/api-types.ts) so the browser bundle
 * holds no server code. These assertions are checked by `tsc`: when a server schema changes and
 * the web type does not follow, the typecheck fails here, naming the type.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { registerBodySchema, sessionSchema, userSchema } from "../api/auth/auth.schema.js";
import type { candidateResultsSchema } from "../api/candidates/candidates.schema.js";
import type {
  catalogCertificationSchema,
  catalogLevelSchema,
} from "../api/catalog/catalog.schema.js";
import type {
  certificationBodySchema,
  learnerCertificationSchema,
} from "../api/certifications/certifications.schema.js";
import type {
  endorsementBodySchema,
  endorsementSchema,
} from "../api/endorsements/endorsements.schema.js";
import type { menteeSchema, mentorGrantSchema } from "../api/grants/grants.schema.js";
import type {
  growthCommentSchema,
  growthEntryBodySchema,
  growthEntrySchema,
  growthSummarySchema,
} from "../api/growth/growth.schema.js";
import type { learnerPlanSchema, planSchema } from "../api/plan/plan.schema.js";
import type { practiceQuestionSchema } from "../api/practice/practice.schema.js";
import type { readinessSchema } from "../api/readiness/readiness.schema.js";
import type { problemSchema } from "../api/plugins/error-handler.js";
import type {
  ownProfileSchema,
  profileBodySchema,
  publicProfileSchema,
} from "../api/profiles/profiles.schema.js";
import type {
  bulkProgressBodySchema,
  progressEntrySchema,
  sharedProgressEntrySchema,
} from "../api/progress/progress.schema.js";
import type { roadmapSchema } from "../api/roadmap/roadmap.schema.js";
import {
  EVIDENCE_KINDS as SERVER_EVIDENCE_KINDS,
  GROWTH_DIMENSIONS as SERVER_DIMENSIONS,
  TRACK_IDS as SERVER_TRACK_IDS,
} from "../content/content.schema.js";
import type { ROLES } from "../store/database.types.js";
import {
  CERTIFICATION_STATUSES as SERVER_CERTIFICATION_STATUSES,
  PROGRESS_STATUSES as SERVER_STATUSES,
} from "../store/database.types.js";
import { SELF_SERVICE_ROLES as SERVER_SELF_SERVICE } from "../services/auth.service.js";
import {
  CERTIFICATION_STATUSES,
  GROWTH_DIMENSIONS,
  LEVEL_EVIDENCE_KINDS,
  PROGRESS_STATUSES,
  SELF_SERVICE_ROLES,
  TRACK_IDS,
  type CandidateResults,
  type CatalogCertification,
  type CatalogLevel,
  type CertificationBody,
  type Endorsement,
  type EndorsementBody,
  type GrowthComment,
  type GrowthEntry,
  type GrowthEntryBody,
  type GrowthSummary,
  type LearnerCertification,
  type Mentee,
  type MentorGrant,
  type PracticeQuestion,
  type PublicProfile,
  type Readiness,
  type SharedProgressEntry,
  type LearnerPlan,
  type OwnProfile,
  type Plan,
  type Problem,
  type ProfileBody,
  type ProgressChange,
  type ProgressEntry,
  type RegisterBody,
  type Role,
  type Roadmap,
  type Session,
  type User,
} from "../../web/src/api/api-types.js";
import {
  ANALYSIS_STATUSES,
  type Analysis,
  type EvidenceReport as WebEvidenceReport,
  type LearnerRepository,
  type Repository,
  type VerifiedSkill,
} from "../../web/src/api/analysis-types.js";
import { SIGNAL_AREAS as WEB_SIGNAL_AREAS } from "../../web/src/repositories/signal-areas.js";
import type { analysisSchema } from "../api/analyses/analyses.schema.js";
import type {
  learnerRepositorySchema,
  repositorySchema,
} from "../api/repositories/repositories.schema.js";
import type { verifiedSkillSchema } from "../api/skills/verified-skills.schema.js";
import type { EvidenceReport } from "../analyzer/report.js";
import { SIGNAL_AREAS } from "../content/signals.js";
import { ANALYSIS_STATUSES as SERVER_ANALYSIS_STATUSES } from "../store/database.types.js";

describe("the web app's API types", () => {
  it("equal what the server sends", () => {
    expectTypeOf<User>().toEqualTypeOf<z.output<typeof userSchema>>();
    expectTypeOf<Session>().toEqualTypeOf<z.output<typeof sessionSchema>>();
    expectTypeOf<OwnProfile>().toEqualTypeOf<z.output<typeof ownProfileSchema>>();
    expectTypeOf<Roadmap>().toEqualTypeOf<z.output<typeof roadmapSchema>>();
    expectTypeOf<ProgressEntry>().toEqualTypeOf<z.output<typeof progressEntrySchema>>();
    expectTypeOf<Plan>().toEqualTypeOf<z.output<typeof planSchema>>();
    expectTypeOf<LearnerPlan>().toEqualTypeOf<z.output<typeof learnerPlanSchema>>();
    expectTypeOf<Problem>().toEqualTypeOf<z.output<typeof problemSchema>>();
    expectTypeOf<Role>().toEqualTypeOf<(typeof ROLES)[number]>();
  });

  it("equal what the server sends about mentors, recruiters, growth, readiness and practice", () => {
    expectTypeOf<MentorGrant>().toEqualTypeOf<z.output<typeof mentorGrantSchema>>();
    expectTypeOf<Mentee>().toEqualTypeOf<z.output<typeof menteeSchema>>();
    expectTypeOf<SharedProgressEntry>().toEqualTypeOf<z.output<typeof sharedProgressEntrySchema>>();
    expectTypeOf<Endorsement>().toEqualTypeOf<z.output<typeof endorsementSchema>>();
    expectTypeOf<PublicProfile>().toEqualTypeOf<z.output<typeof publicProfileSchema>>();
    expectTypeOf<CandidateResults>().toEqualTypeOf<z.output<typeof candidateResultsSchema>>();
    expectTypeOf<GrowthEntry>().toEqualTypeOf<z.output<typeof growthEntrySchema>>();
    expectTypeOf<GrowthComment>().toEqualTypeOf<z.output<typeof growthCommentSchema>>();
    expectTypeOf<GrowthSummary>().toEqualTypeOf<z.output<typeof growthSummarySchema>>();
    expectTypeOf<Readiness>().toEqualTypeOf<z.output<typeof readinessSchema>>();
    expectTypeOf<LearnerCertification>().toEqualTypeOf<
      z.output<typeof learnerCertificationSchema>
    >();
    expectTypeOf<PracticeQuestion>().toEqualTypeOf<z.output<typeof practiceQuestionSchema>>();
    expectTypeOf<CatalogLevel>().toEqualTypeOf<z.output<typeof catalogLevelSchema>>();
    expectTypeOf<CatalogCertification>().toEqualTypeOf<
      z.output<typeof catalogCertificationSchema>
    >();
  });

  it("are accepted by the server's request schemas", () => {
    expectTypeOf<RegisterBody>().toExtend<z.input<typeof registerBodySchema>>();
    expectTypeOf<ProfileBody>().toExtend<z.input<typeof profileBodySchema>>();
    expectTypeOf<{ changes: ProgressChange[] }>().toExtend<
      z.input<typeof bulkProgressBodySchema>
    >();
    expectTypeOf<EndorsementBody>().toExtend<z.input<typeof endorsementBodySchema>>();
    expectTypeOf<GrowthEntryBody>().toExtend<z.input<typeof growthEntryBodySchema>>();
    expectTypeOf<CertificationBody>().toExtend<z.input<typeof certificationBodySchema>>();
  });

  it("list the same tracks, statuses and self-service roles as the server", () => {
    expect(TRACK_IDS).toEqual(SERVER_TRACK_IDS);
    expect(PROGRESS_STATUSES).toEqual(SERVER_STATUSES);
    expect(SELF_SERVICE_ROLES).toEqual(SERVER_SELF_SERVICE);
    expect(GROWTH_DIMENSIONS).toEqual(SERVER_DIMENSIONS);
    expect(CERTIFICATION_STATUSES).toEqual(SERVER_CERTIFICATION_STATUSES);
    expect(LEVEL_EVIDENCE_KINDS).toEqual(SERVER_EVIDENCE_KINDS);
  });

  it("read repositories, analyses and the EvidenceReport as the server sends them", () => {
    expectTypeOf<Repository>().toEqualTypeOf<z.output<typeof repositorySchema>>();
    expectTypeOf<Analysis>().toEqualTypeOf<z.output<typeof analysisSchema>>();
    expectTypeOf<LearnerRepository>().toEqualTypeOf<z.output<typeof learnerRepositorySchema>>();
    expectTypeOf<VerifiedSkill>().toEqualTypeOf<z.output<typeof verifiedSkillSchema>>();
    // the page reads a part of the report: every report the analyzer writes must fit that part
    expectTypeOf<EvidenceReport>().toExtend<WebEvidenceReport>();
    expect(ANALYSIS_STATUSES).toEqual(SERVER_ANALYSIS_STATUSES);
    expect(WEB_SIGNAL_AREAS).toEqual(SIGNAL_AREAS);
  });
});
