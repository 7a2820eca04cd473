import { z } from "zod";
import { TRACK_IDS } from "../../content/content.schema.js";

export const planSchema = z
  .object({
    track: z.enum(TRACK_IDS),
    hoursPerWeek: z.number(),
    start: z.string(),
    end: z.string(),
    totalHours: z.number(),
    totalWeeks: z.number(),
    items: z.array(
      z.object({
        skillId: z.string(),
        title: z.string(),
        stage: z.string(),
        hours: z.number(),
        start: z.string(),
        end: z.string(),
      }),
    ),
    stages: z.array(
      z.object({
        id: z.string(),
        order: z.number(),
        title: z.string(),
        start: z.string().nullable(),
        end: z.string().nullable(),
        hours: z.number(),
        skills: z.number(),
      }),
    ),
  })
  .meta({ id: "Plan" });

export const learnerPlanSchema = z
  .object({
    today: z.string(),
    standing: z.enum(["ahead", "on-schedule", "behind"]),
    daysAhead: z
      .number()
      .int()
      .describe("whole study days ahead of the original plan; negative: behind"),
    completedHours: z.number(),
    expectedHours: z.number(),
    original: planSchema.describe("the plan from the profile's start date"),
    replanned: planSchema.describe("what is left, scheduled from today"),
  })
  .meta({ id: "LearnerPlan" });
