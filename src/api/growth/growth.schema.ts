import { z } from "zod";
import { GROWTH_DIMENSIONS } from "../../content/content.schema.js";
import { idSchema, pageQuerySchema, webUrlSchema } from "../common.schema.js";

export const MAX_LINKS = 10;

const dimension = z.enum(GROWTH_DIMENSIONS);

export const learnerParamsSchema = z.strictObject({ userId: idSchema });
export const entryParamsSchema = z.strictObject({ entryId: idSchema });

export const growthListQuerySchema = pageQuerySchema.extend({
  dimension: dimension.optional().describe("only entries of this dimension"),
});

export const growthEntryBodySchema = z.strictObject({
  dimension,
  title: z.string().trim().min(1).max(200),
  what: z.string().trim().min(1).max(5000).describe("what you did and what came of it"),
  happenedOn: z.iso.date().describe("when the work happened, YYYY-MM-DD"),
  links: z.array(webUrlSchema).max(MAX_LINKS).default([]),
});

export const commentBodySchema = z.strictObject({ body: z.string().trim().min(1).max(5000) });

export const growthEntrySchema = z
  .object({
    id: z.string(),
    dimension,
    title: z.string(),
    what: z.string(),
    happenedOn: z.string(),
    links: z.array(z.string()),
    createdAt: z.string(),
  })
  .meta({ id: "GrowthEntry" });

export const growthCommentSchema = z
  .object({
    id: z.string(),
    entryId: z.string(),
    author: z.object({ id: z.string(), displayName: z.string() }),
    body: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "GrowthComment" });

export const growthSummarySchema = z
  .object({
    counts: z.object({ impact: z.number(), mastery: z.number(), collaboration: z.number() }),
    levels: z.array(
      z.object({
        levelId: z.string(),
        title: z.string(),
        met: z.boolean().describe("every growth dimension the level asks about is met"),
        dimensions: z.array(
          z.object({
            dimension,
            have: z.number(),
            need: z.number(),
            met: z.boolean(),
            criteria: z.array(z.string()).describe("the level criteria asking for it"),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "GrowthSummary" });
