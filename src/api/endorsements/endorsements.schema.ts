import { z } from "zod";
import { idSchema, webUrlSchema } from "../common.schema.js";

export const learnerParamsSchema = z.strictObject({ userId: idSchema });
export const endorsementParamsSchema = z.strictObject({ endorsementId: idSchema });

export const endorsementBodySchema = z.strictObject({
  skillId: z.string().min(1).max(100),
  comment: z.string().trim().min(1).max(2000),
  evidenceUrl: webUrlSchema.describe("where the work that shows the skill can be seen"),
});

export const hideBodySchema = z.strictObject({
  hidden: z.boolean().describe("true: shown to no one else and not counted as evidence"),
});

export const endorsementSchema = z
  .object({
    id: z.string(),
    skillId: z.string(),
    comment: z.string(),
    evidenceUrl: z.string(),
    mentor: z.object({ id: z.string(), displayName: z.string() }),
    hidden: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "Endorsement" });
