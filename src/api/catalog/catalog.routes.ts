/**
 * /api/v1/catalog/levels and /api/v1/catalog/certifications: the career ladder and the
 * certification catalogue from the roadmap content, read-only and public like the roadmap, so a
 * form can offer them as choices. Built once, sent with an ETag of the content version.
 */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../composition.js";
import { cacheJson, sendCachedJson } from "../plugins/cached-json.js";
import { presentCertifications, presentLevels } from "./catalog.presenter.js";
import { certificationCatalogSchema, levelCatalogSchema } from "./catalog.schema.js";

export const catalogRoutes: FastifyPluginCallbackZod<{ services: Services }> = (
  app,
  { services },
  done,
) => {
  const { roadmap } = services;
  const tags = ["catalog"];
  const levels = cacheJson(
    `"${roadmap.version}-levels"`,
    levelCatalogSchema,
    presentLevels(roadmap.levels),
  );
  const certifications = cacheJson(
    `"${roadmap.version}-certifications"`,
    certificationCatalogSchema,
    presentCertifications(roadmap.certifications),
  );

  app.get(
    "/catalog/levels",
    {
      schema: {
        tags,
        summary: "the career levels, in ladder order, with what each rests on",
        response: { 200: levelCatalogSchema, 304: z.undefined() },
      },
    },
    async (request, reply) => sendCachedJson(reply, request.headers["if-none-match"], levels),
  );

  app.get(
    "/catalog/certifications",
    {
      schema: {
        tags,
        summary: "the certifications a learner can track, with issuer, skills and validity",
        response: { 200: certificationCatalogSchema, 304: z.undefined() },
      },
    },
    async (request, reply) =>
      sendCachedJson(reply, request.headers["if-none-match"], certifications),
  );
  done();
};
