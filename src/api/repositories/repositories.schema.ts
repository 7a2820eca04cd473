import { z } from "zod";
import { REPOSITORY_KINDS } from "../../store/database.types.js";
import { analysisSchema } from "../analyses/analyses.schema.js";
import { idSchema } from "../common.schema.js";

export const repositoryParamsSchema = z.strictObject({ repositoryId: idSchema });

export const learnerParamsSchema = z.strictObject({ userId: idSchema });

export const linkRepositoryBodySchema = z.strictObject({
  url: z
    .string()
    .min(1)
    .max(2000)
    .describe(
      "an https:// git URL; an admin may also give an absolute server path, file:// or ssh",
    ),
});

export const repositorySchema = z
  .object({
    id: z.string(),
    kind: z.enum(REPOSITORY_KINDS),
    url: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "Repository" });

/** A learner's repository as their mentor sees it: what the owner sees, plus its latest analysis. */
export const learnerRepositorySchema = z
  .object({
    ...repositorySchema.shape,
    latestAnalysis: analysisSchema
      .nullable()
      .describe("the newest analysis, whatever its status; null before the first"),
  })
  .meta({ id: "LearnerRepository" });
