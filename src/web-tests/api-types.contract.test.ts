/**
 * The web app writes the API's types out by hand (web/src/api/api-types.ts) so the browser bundle
 * holds no server code. These assertions are checked by `tsc`: when a server schema changes and
 * the web type does not follow, the typecheck fails here, naming the type.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { registerBodySchema, sessionSchema, userSchema } from "../api/auth/auth.schema.js";
import type { learnerPlanSchema, planSchema } from "../api/plan/plan.schema.js";
import type { problemSchema } from "../api/plugins/error-handler.js";
import type { ownProfileSchema, profileBodySchema } from "../api/profiles/profiles.schema.js";
import type {
  bulkProgressBodySchema,
  progressEntrySchema,
} from "../api/progress/progress.schema.js";
import type { roadmapSchema } from "../api/roadmap/roadmap.schema.js";
import { TRACK_IDS as SERVER_TRACK_IDS } from "../content/content.schema.js";
import type { ROLES } from "../store/database.types.js";
import { PROGRESS_STATUSES as SERVER_STATUSES } from "../store/database.types.js";
import { SELF_SERVICE_ROLES as SERVER_SELF_SERVICE } from "../services/auth.service.js";
import {
  PROGRESS_STATUSES,
  SELF_SERVICE_ROLES,
  TRACK_IDS,
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

  it("are accepted by the server's request schemas", () => {
    expectTypeOf<RegisterBody>().toExtend<z.input<typeof registerBodySchema>>();
    expectTypeOf<ProfileBody>().toExtend<z.input<typeof profileBodySchema>>();
    expectTypeOf<{ changes: ProgressChange[] }>().toExtend<
      z.input<typeof bulkProgressBodySchema>
    >();
  });

  it("list the same tracks, statuses and self-service roles as the server", () => {
    expect(TRACK_IDS).toEqual(SERVER_TRACK_IDS);
    expect(PROGRESS_STATUSES).toEqual(SERVER_STATUSES);
    expect(SELF_SERVICE_ROLES).toEqual(SERVER_SELF_SERVICE);
  });
});
