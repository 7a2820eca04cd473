import { z } from "zod";
import { EVIDENCE_KINDS, TRACK_IDS } from "../../content/content.schema.js";

export const catalogLevelSchema = z
  .object({
    id: z.string(),
    order: z.number().describe("1 for the first rung of the ladder"),
    title: z.string(),
    summary: z.string(),
    criteria: z
      .array(
        z.object({
          id: z.string(),
          description: z.string(),
          evidence: z
            .array(z.enum(EVIDENCE_KINDS))
            .describe("the kinds of evidence that count towards it"),
        }),
      )
      .describe("what a promotion to the level rests on, in the content's own words"),
  })
  .meta({ id: "CatalogLevel" });

export const levelCatalogSchema = z
  .object({ items: z.array(catalogLevelSchema).describe("in ladder order") })
  .meta({ id: "LevelCatalog" });

export const catalogCertificationSchema = z
  .object({
    id: z.string().describe("the id PUT /certifications/:certificationId takes"),
    title: z.string(),
    issuer: z.string(),
    summary: z.string(),
    tracks: z.array(z.enum(TRACK_IDS)),
    levels: z.array(z.string()).describe("the career levels it suits"),
    skills: z.array(z.string()).describe("the roadmap skills it covers"),
    validityMonths: z.number().nullable().describe("null: does not expire"),
    validityNote: z.string().describe("what the issuer says about expiry and renewal"),
  })
  .meta({ id: "CatalogCertification" });

export const certificationCatalogSchema = z
  .object({ items: z.array(catalogCertificationSchema) })
  .meta({ id: "CertificationCatalog" });
