import { z } from "zod";

const evidenceSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  note: z.string().optional(),
});

export const verifiedSkillSchema = z
  .object({
    skillId: z.string(),
    title: z.string(),
    evidence: z
      .array(
        z.object({
          analysisId: z.string(),
          repositoryId: z.string(),
          repository: z.string(),
          commit: z.string().nullable(),
          verifiedAt: z.string(),
          report: z.string().describe("where the whole report is"),
          facts: z.array(
            z.object({
              fact: z.string(),
              value: z.union([z.boolean(), z.number(), z.array(z.string())]),
              evidence: z.array(evidenceSchema),
            }),
          ),
        }),
      )
      .describe("one entry per repository whose latest analysis proves the skill"),
  })
  .meta({ id: "VerifiedSkill" });

export const verifiedSkillListSchema = z.object({ items: z.array(verifiedSkillSchema) });
