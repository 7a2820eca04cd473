import { z } from "zod";

const text = z.string();
const maybe = z.string().nullable();

const endorsementRow = z.object({
  id: text,
  learnerId: text,
  mentorId: text,
  skillId: text,
  comment: text,
  evidenceUrl: text,
  hiddenAt: maybe,
  createdAt: text,
});

/** The allow-list of the export: everything the user owns, and no secret. */
export const accountExportSchema = z
  .object({
    exportedAt: text,
    user: z.object({
      id: text,
      email: text,
      displayName: text,
      role: text,
      createdAt: text,
      disabledAt: maybe,
    }),
    profile: z
      .object({
        track: text,
        hoursPerWeek: z.number(),
        startDate: text,
        targetLevel: maybe,
        visibility: text,
        shareSlug: text,
        headline: text,
        updatedAt: text,
      })
      .optional()
      .describe("absent when no profile was saved"),
    progress: z.array(
      z.object({
        skillId: text,
        status: text,
        note: text,
        knownBeforeStart: z.boolean(),
        updatedAt: text,
      }),
    ),
    progressHistory: z.array(z.object({ skillId: text, from: maybe, to: text, changedAt: text })),
    grants: z.array(z.object({ learnerId: text, mentorId: text, createdAt: text })),
    endorsementsReceived: z.array(endorsementRow),
    endorsementsGiven: z.array(endorsementRow),
    growthEntries: z.array(
      z.object({
        id: text,
        dimension: text,
        title: text,
        what: text,
        happenedOn: text,
        links: z.array(text),
        createdAt: text,
      }),
    ),
    growthComments: z.array(
      z.object({ id: text, entryId: text, authorId: text, body: text, createdAt: text }),
    ),
    certifications: z.array(
      z.object({
        certificationId: text,
        status: text,
        targetDate: maybe,
        startedOn: maybe,
        earnedOn: maybe,
        credentialUrl: maybe,
        updatedAt: text,
      }),
    ),
    practiceCards: z.array(
      z.object({
        skillId: text,
        questionIndex: z.number(),
        repetitions: z.number(),
        intervalDays: z.number(),
        easeFactor: z.number(),
        dueOn: text,
        lastGrade: z.number(),
        reviewedAt: text,
      }),
    ),
    repositories: z.array(z.object({ id: text, kind: text, location: text, createdAt: text })),
    analyses: z.array(
      z.object({
        id: text,
        repositoryId: text,
        commit: maybe,
        status: text,
        score: z.number().nullable(),
        error: maybe,
        createdAt: text,
        finishedAt: maybe,
      }),
    ),
    verifiedSkills: z.array(
      z.object({ skillId: text, repositoryId: text, analysisId: text, verifiedAt: text }),
    ),
  })
  .meta({ id: "AccountExport" });

export const jsonResumeSchema = z
  .object({
    $schema: text,
    basics: z.object({ name: text, label: text, email: text, summary: text }),
    skills: z.array(z.object({ name: text, level: text, keywords: z.array(text) })),
    projects: z.array(
      z.object({
        name: text,
        url: text,
        description: text,
        keywords: z.array(text),
        endDate: text.optional(),
      }),
    ),
    certificates: z.array(z.object({ name: text, issuer: text, date: text, url: text.optional() })),
    meta: z.object({ version: text, lastModified: text }),
  })
  .meta({ id: "JsonResume", description: "https://jsonresume.org/schema (v1.0.0)" });
