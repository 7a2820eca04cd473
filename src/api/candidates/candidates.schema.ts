import { z } from "zod";
import { pageQuerySchema } from "../common.schema.js";

const filters = {
  skills: z
    .string()
    .max(2000)
    .optional()
    .transform((text) =>
      (text ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== ""),
    )
    .describe("comma-separated skill ids; every one must be verified"),
  track: z.string().min(1).max(50).optional(),
  level: z.string().min(1).max(100).optional().describe("at least this career level reached"),
};

export const candidateQuerySchema = pageQuerySchema.extend(filters);
export const shortlistQuerySchema = z.strictObject(filters);

export const candidateSchema = z
  .object({
    userId: z.string(),
    displayName: z.string(),
    headline: z.string(),
    track: z.string(),
    reachedLevel: z.string().nullable(),
    strength: z.number().describe("evidence strength, the ranking key"),
    verifiedSkills: z.array(
      z.object({ skillId: z.string(), by: z.array(z.enum(["analysis", "endorsement"])) }),
    ),
    currentCertifications: z.array(z.string()),
  })
  .meta({ id: "Candidate" });

export const candidateResultsSchema = z.object({
  items: z.array(candidateSchema),
  nextCursor: z.string().nullable(),
  truncated: z
    .boolean()
    .describe("more profiles matched than one search ranks: narrow by skill or track"),
});
