import { z } from "zod";
import { TRACK_IDS } from "../../content/content.schema.js";
import { HOURS_PER_WEEK } from "../../domain/plan.types.js";
import { VISIBILITIES } from "../../store/database.types.js";
import { idSchema } from "../common.schema.js";

export const profileBodySchema = z.strictObject({
  track: z.enum(TRACK_IDS),
  hoursPerWeek: z.number().min(HOURS_PER_WEEK.min).max(HOURS_PER_WEEK.max),
  startDate: z.iso.date().describe("first study day, YYYY-MM-DD"),
  targetLevel: z.string().max(60).nullable().default(null).describe("a career level id, or null"),
  visibility: z
    .enum(VISIBILITIES)
    .default("private")
    .describe(
      "private: you, granted mentors and admins; link: also whoever has the share link; public: any signed-in user",
    ),
  headline: z.string().max(200).default(""),
});

/** What others (mentors, recruiters, link holders) see: no share slug. */
export const publicProfileSchema = z
  .object({
    userId: z.string(),
    track: z.enum(TRACK_IDS),
    hoursPerWeek: z.number(),
    startDate: z.string(),
    targetLevel: z.string().nullable(),
    headline: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "PublicProfile" });

/** What the owner sees: also the visibility and the share link path. */
export const ownProfileSchema = publicProfileSchema
  .extend({
    visibility: z.enum(VISIBILITIES),
    sharePath: z
      .string()
      .describe("the path of the share link, usable while visibility is link or public"),
  })
  .meta({ id: "OwnProfile" });

export const profileParamsSchema = z.strictObject({ userId: idSchema });
export const sharedParamsSchema = z.strictObject({ slug: z.string().min(1).max(100) });
