import { z } from "zod";
import { ANALYSIS_STATUSES } from "../../store/database.types.js";
import { idSchema } from "../common.schema.js";

export const analysisParamsSchema = z.strictObject({ analysisId: idSchema });

export const reportQuerySchema = z.strictObject({
  format: z.enum(["json", "md"]).default("json").describe("json (the EvidenceReport) or md"),
});

export const analysisSchema = z
  .object({
    id: z.string().describe("the analysis id, which is also its job id"),
    repositoryId: z.string(),
    status: z.enum(ANALYSIS_STATUSES),
    progress: z.number().int().min(0).max(100),
    phase: z.string(),
    attempts: z.number().int(),
    error: z.string().nullable().describe("why the last attempt failed (kept while a retry waits)"),
    commit: z.string().nullable(),
    score: z.number().int().nullable(),
    reusedFrom: z
      .string()
      .nullable()
      .describe("the analysis whose report was reused because the commit had not changed"),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    links: z.object({ self: z.string(), report: z.string(), badge: z.string() }),
  })
  .meta({ id: "Analysis" });

/**
 * The EvidenceReport (schemaVersion 1) as `devladder analyze --json` writes it; its fields are
 * documented by that contract (src/analyzer/report.ts), so only its envelope is checked here.
 */
export const evidenceReportSchema = z
  .looseObject({
    schemaVersion: z.literal(1),
    repository: z.looseObject({ commit: z.string().nullable() }),
    score: z.number(),
  })
  .meta({ id: "EvidenceReport" });
