import { z } from "zod";
import { TRACK_IDS } from "../../content/content.schema.js";

export const roadmapQuerySchema = z.strictObject({ track: z.enum(TRACK_IDS) });

const stage = z.object({
  id: z.string(),
  order: z.number(),
  title: z.string(),
  months: z.object({ from: z.number(), to: z.number().nullable() }),
  goals: z.array(z.string()),
});

const skill = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  stage: z.string(),
  prerequisites: z.array(z.string()),
  hours: z.number(),
  tags: z.array(z.string()),
  signals: z
    .array(z.object({ id: z.string(), description: z.string() }))
    .describe("the analysis facts that show the skill in a repository"),
  questions: z.array(z.object({ question: z.string(), answer: z.string() })),
});

export const roadmapSchema = z
  .object({
    version: z.string().describe("content version; changes whenever the roadmap content does"),
    track: z.object({
      id: z.enum(TRACK_IDS),
      title: z.string(),
      language: z.string(),
      frameworks: z.array(z.string()),
      summary: z.string(),
    }),
    stages: z.array(stage),
    skills: z.array(skill),
  })
  .meta({ id: "Roadmap" });
