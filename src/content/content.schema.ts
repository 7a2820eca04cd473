/**
 * The shape of the roadmap content in `content/*.yaml`, checked by zod when it is loaded.
 * Cross-references (ids, cycles, stage order, facts) are checked afterwards in content-validate.ts.
 */
import { z } from "zod";
import type { ContentFileName } from "./content-files.js";

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a kebab-case id such as 'rest-api-design'");
const text = z.string().trim().min(1, "must not be empty");

export const TRACK_IDS = ["python", "java", "node"] as const;
export const trackIdSchema = z.enum(TRACK_IDS);
export type TrackId = z.infer<typeof trackIdSchema>;

export const trackSchema = z.strictObject({
  id: trackIdSchema,
  title: text,
  language: text,
  frameworks: z.array(text).min(1),
  summary: text,
});

export const stageSchema = z.strictObject({
  id: kebabId,
  order: z.number().int().min(1),
  title: text,
  months: z.strictObject({
    from: z.number().int().min(0),
    /** null: open-ended (the career-growth stage goes on after the first year) */
    to: z.number().int().min(1).nullable(),
  }),
  goals: z.array(text).min(1),
});

export const interviewQuestionSchema = z.strictObject({
  question: text,
  answer: text,
});

/** Where a skill comes from in the guide, so the CLI and UI can show "learn this first" and recruiter expectations. */
export const SKILL_TAGS = [
  "first-skill",
  "recruiter-expectation",
  "industry-expectation",
  "advanced",
] as const;

export const skillSchema = z.strictObject({
  id: kebabId,
  title: text,
  description: text,
  stage: kebabId,
  tracks: z.array(trackIdSchema).min(1),
  prerequisites: z.array(kebabId).default([]),
  effort: z.strictObject({
    hours: z.number().positive().max(400),
    basis: text,
  }),
  /** fact ids (see signals.ts) whose presence in an analysed repository demonstrates the skill */
  signals: z.array(z.string()).default([]),
  tags: z.array(z.enum(SKILL_TAGS)).default([]),
  questions: z.array(interviewQuestionSchema).min(3, "needs at least three interview questions"),
});

export const skillFileSchema = z.strictObject({ skills: z.array(skillSchema).min(1) });

/** One machine-readable condition over an analysis fact. */
export const criterionSchema = z.strictObject({
  fact: z.string(),
  /** is: the boolean value; min/max: bounds on a number or on a list's length; nonEmpty: a list with entries */
  expect: z.union([
    z.strictObject({ is: z.boolean() }),
    z.strictObject({ min: z.number() }),
    z.strictObject({ max: z.number() }),
    z.strictObject({ nonEmpty: z.literal(true) }),
  ]),
  /** required criteria decide between fail and partial; the others only between partial and pass */
  required: z.boolean().default(false),
  label: text,
  /** what to do when the criterion is not met; may use {value} for the observed value */
  nextStep: text,
  /**
   * the fact of another criterion that has to be met first ("tests" for the number of test
   * files): while a check finds that one unmet, this criterion's next step is not said on its
   * own, and the points it would add go to that fact's step
   */
  after: z.string().optional(),
  /**
   * met only while the `after` fact is met too: a figure that means nothing without it (the share
   * of commits touching tests, in a repository without real tests) earns no points alone
   */
  gated: z.boolean().optional(),
  /**
   * a next step that cannot wait for the points it adds (committed credentials have to be
   * revoked now): said before every other step
   */
  urgent: z.boolean().optional(),
});

export const CHECK_KINDS = ["skill-gap", "recruiter"] as const;

export const checkSchema = z.strictObject({
  id: kebabId,
  kind: z.enum(CHECK_KINDS),
  title: text,
  description: text,
  /** share of the 0-100 score; weights of all checks are normalised */
  weight: z.number().positive(),
  skills: z.array(kebabId).default([]),
  criteria: z.array(criterionSchema).min(1),
});

export const EVIDENCE_KINDS = [
  "analysis",
  "endorsement",
  "growth-impact",
  "growth-mastery",
  "growth-collaboration",
  "certification",
  "progress",
] as const;

/** How readiness for a level criterion is measured from a learner's evidence. */
export const levelMeasureSchema = z.discriminatedUnion("type", [
  /** analysed repositories that pass all the named checks */
  z.strictObject({
    type: z.literal("projects"),
    min: z.number().int().min(1),
    checks: z.array(kebabId).min(1),
  }),
  /** skills verified by analyses or endorsements */
  z.strictObject({
    type: z.literal("skills-verified"),
    skills: z.array(kebabId).min(1),
    min: z.number().int().min(1),
  }),
  /** a fact true/non-empty in at least one analysed repository */
  z.strictObject({ type: z.literal("fact"), fact: z.string() }),
  z.strictObject({
    type: z.literal("growth"),
    dimension: z.enum(["impact", "mastery", "collaboration"]),
    min: z.number().int().min(1),
  }),
  z.strictObject({ type: z.literal("endorsements"), min: z.number().int().min(1) }),
  z.strictObject({ type: z.literal("certifications"), min: z.number().int().min(1) }),
]);

export const levelSchema = z.strictObject({
  id: kebabId,
  order: z.number().int().min(1),
  title: text,
  summary: text,
  criteria: z
    .array(
      z.strictObject({
        id: kebabId,
        description: text,
        evidence: z.array(z.enum(EVIDENCE_KINDS)).min(1),
        measure: levelMeasureSchema,
      }),
    )
    .min(1),
});

export const certificationSchema = z.strictObject({
  id: kebabId,
  title: text,
  issuer: text,
  tracks: z.array(trackIdSchema).min(1),
  levels: z.array(kebabId).min(1),
  skills: z.array(kebabId).min(1),
  /** null: does not expire */
  validityMonths: z.number().int().positive().nullable(),
  validityNote: text,
  summary: text,
});

export const GROWTH_DIMENSIONS = ["impact", "mastery", "collaboration"] as const;

export const growthDimensionSchema = z.strictObject({
  id: z.enum(GROWTH_DIMENSIONS),
  title: text,
  summary: text,
  questions: z.array(text).min(1),
  exampleEvidence: z.array(text).min(1),
});

export const faqSchema = z.strictObject({ id: kebabId, question: text, answer: text });

export const contentFiles = {
  "tracks.yaml": z.strictObject({ tracks: z.array(trackSchema).min(1) }),
  "stages.yaml": z.strictObject({ stages: z.array(stageSchema).min(1) }),
  "checks.yaml": z.strictObject({ checks: z.array(checkSchema).min(1) }),
  "levels.yaml": z.strictObject({ levels: z.array(levelSchema).min(1) }),
  "certifications.yaml": z.strictObject({ certifications: z.array(certificationSchema).min(1) }),
  "growth.yaml": z.strictObject({ dimensions: z.array(growthDimensionSchema).length(3) }),
  "faq.yaml": z.strictObject({ faq: z.array(faqSchema).min(1) }),
} as const satisfies Record<ContentFileName, z.ZodType>;

export type Track = z.infer<typeof trackSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type Skill = z.infer<typeof skillSchema>;
export type InterviewQuestion = z.infer<typeof interviewQuestionSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type Check = z.infer<typeof checkSchema>;
export type Level = z.infer<typeof levelSchema>;
export type LevelMeasure = z.infer<typeof levelMeasureSchema>;
export type Certification = z.infer<typeof certificationSchema>;
export type GrowthDimension = z.infer<typeof growthDimensionSchema>;
export type FaqEntry = z.infer<typeof faqSchema>;

/** The whole roadmap, loaded and cross-checked. Skills are in stage order, then file order. */
export interface Roadmap {
  readonly version: string;
  readonly tracks: readonly Track[];
  readonly stages: readonly Stage[];
  readonly skills: readonly Skill[];
  readonly checks: readonly Check[];
  readonly levels: readonly Level[];
  readonly certifications: readonly Certification[];
  readonly growth: readonly GrowthDimension[];
  readonly faq: readonly FaqEntry[];
}
