import { z } from "zod";
import { CERTIFICATION_STATUSES } from "../../store/database.types.js";
import { EXPIRES_SOON_DAYS } from "../../domain/certification-validity.js";
import { idSchema, webUrlSchema } from "../common.schema.js";

const date = z.iso.date();

export const learnerParamsSchema = z.strictObject({ userId: idSchema });
export const certificationParamsSchema = z.strictObject({
  certificationId: z.string().min(1).max(100),
});

export const certificationBodySchema = z.strictObject({
  status: z.enum(CERTIFICATION_STATUSES),
  targetDate: date.nullable().optional().describe("when you aim to sit the exam"),
  startedOn: date.nullable().optional(),
  earnedOn: date.nullable().optional().describe("required when the status is earned"),
  credentialUrl: webUrlSchema.nullable().optional().describe("the issuer's verification page"),
});

export const learnerCertificationSchema = z
  .object({
    certificationId: z.string(),
    title: z.string(),
    issuer: z.string(),
    status: z.enum(CERTIFICATION_STATUSES),
    targetDate: z.string().nullable(),
    startedOn: z.string().nullable(),
    earnedOn: z.string().nullable(),
    credentialUrl: z.string().nullable(),
    expiresOn: z.string().nullable().describe("null: not earned, or does not expire"),
    expired: z.boolean(),
    expiresSoon: z
      .boolean()
      .describe(`earned and expiring within ${EXPIRES_SOON_DAYS} days, renewal time`),
    skills: z.array(z.string()).describe("the roadmap skills it covers"),
    updatedAt: z.string(),
  })
  .meta({ id: "LearnerCertification" });

export const certificationListSchema = z.object({ items: z.array(learnerCertificationSchema) });

export const savedCertificationSchema = learnerCertificationSchema
  .extend({
    markedDone: z.array(z.string()).describe("skills this save marked done in your progress"),
  })
  .meta({ id: "SavedCertification" });
