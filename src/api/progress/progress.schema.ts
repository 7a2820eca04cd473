import { z } from "zod";
import { PROGRESS_STATUSES } from "../../store/database.types.js";
import { MAX_BULK_CHANGES } from "../../services/progress.service.js";
import { idSchema } from "../common.schema.js";

const skillId = z.string().min(1).max(100);
const note = z.string().max(2000).describe("private: only you ever see it");
const knownBeforeStart = z
  .boolean()
  .describe(
    "true only with status done: you knew the skill before your start date, so the plan " +
      "leaves it out rather than counting it as progress; omit to keep the current value " +
      "while the skill stays done (any other status clears it)",
  );

export const skillParamsSchema = z.strictObject({ skillId });
export const learnerParamsSchema = z.strictObject({ userId: idSchema });

export const progressBodySchema = z.strictObject({
  status: z.enum(PROGRESS_STATUSES),
  note: note.optional().describe("omit to keep the current note"),
  knownBeforeStart: knownBeforeStart.optional(),
});

export const bulkProgressBodySchema = z.strictObject({
  changes: z
    .array(
      z.strictObject({
        skillId,
        status: z.enum(PROGRESS_STATUSES),
        note: note.optional(),
        knownBeforeStart: knownBeforeStart.optional(),
      }),
    )
    .min(1)
    .max(MAX_BULK_CHANGES),
});

export const progressEntrySchema = z
  .object({
    skillId: z.string(),
    status: z.enum(PROGRESS_STATUSES),
    note: z.string(),
    updatedAt: z.string().describe("when the status last changed"),
    knownBeforeStart: z
      .boolean()
      .describe("done, and known before the start date: not progress made on the plan"),
  })
  .meta({ id: "ProgressEntry" });

/** Another learner's progress: the note is private and never included. */
export const sharedProgressEntrySchema = progressEntrySchema
  .omit({ note: true })
  .meta({ id: "SharedProgressEntry" });

/** The rows a bulk update wrote: as many as the request named, so no cursor. */
export const progressListSchema = z.object({ items: z.array(progressEntrySchema) });

export const historyEntrySchema = z
  .object({
    id: z.string(),
    skillId: z.string(),
    from: z.enum(PROGRESS_STATUSES).nullable(),
    to: z.enum(PROGRESS_STATUSES),
    changedAt: z.string(),
  })
  .meta({ id: "ProgressChange" });
