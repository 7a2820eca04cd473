import { z } from "zod";
import { idSchema, userSummarySchema } from "../common.schema.js";

export const grantBodySchema = z.strictObject({
  mentorEmail: z.email().max(254).describe("the email of the mentor's account"),
});

export const mentorParamsSchema = z.strictObject({ mentorId: idSchema });

export const mentorGrantSchema = z
  .object({ mentor: userSummarySchema, grantedAt: z.string() })
  .meta({ id: "MentorGrant" });

export const menteeSchema = z
  .object({ learner: userSummarySchema, grantedAt: z.string() })
  .meta({ id: "Mentee" });
