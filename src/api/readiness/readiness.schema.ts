import { z } from "zod";
import { idSchema } from "../common.schema.js";

export const learnerParamsSchema = z.strictObject({ userId: idSchema });

export const readinessSchema = z
  .object({
    reachedLevel: z
      .string()
      .nullable()
      .describe("the highest level met together with every level below it; null: none yet"),
    levels: z.array(
      z.object({
        levelId: z.string(),
        title: z.string(),
        met: z.boolean(),
        criteria: z.array(
          z.object({
            criterionId: z.string(),
            description: z.string(),
            measure: z.string().describe("how it is measured: projects, skills-verified, fact, …"),
            have: z.number(),
            need: z.number(),
            met: z.boolean(),
            evidence: z.array(
              z.object({
                kind: z.enum(["analysis", "endorsement", "growth", "certification"]),
                id: z.string(),
                label: z.string(),
              }),
            ),
            missing: z.array(z.string()).describe("what would meet it; empty when met"),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "Readiness" });
