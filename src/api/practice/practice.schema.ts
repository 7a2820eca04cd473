import { z } from "zod";
import { GRADE } from "../../domain/sm2.js";

export const skillParamsSchema = z.strictObject({ skillId: z.string().min(1).max(100) });
export const questionParamsSchema = z.strictObject({
  skillId: z.string().min(1).max(100),
  questionIndex: z.coerce.number().int().min(0).max(1000),
});

export const reviewBodySchema = z.strictObject({
  grade: z
    .number()
    .int()
    .min(GRADE.min)
    .max(GRADE.max)
    .describe(
      "how well you answered: 5 perfect, 4 after hesitation, 3 with difficulty, 2 wrong but familiar, 1 wrong, 0 blank",
    ),
});

export const practiceQuestionSchema = z
  .object({
    skillId: z.string(),
    questionIndex: z.number(),
    question: z.string(),
    answer: z.string().describe("a model answer to compare yours with"),
    dueOn: z.string().describe("YYYY-MM-DD, UTC; today for a question never practised"),
    schedule: z
      .object({
        repetitions: z.number(),
        intervalDays: z.number(),
        easeFactor: z.number(),
        lastGrade: z.number(),
        reviewedAt: z.string(),
      })
      .nullable()
      .describe("null: never practised"),
  })
  .meta({ id: "PracticeQuestion" });

export const practiceListSchema = z.object({ items: z.array(practiceQuestionSchema) });
