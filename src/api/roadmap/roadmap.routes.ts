/**
 * /api/v1/roadmap?track=…: the roadmap content, read-only and public. The ETag is the content
 * version plus the track, so a client revalidating with If-None-Match gets 304 until the content
 * changes. The JSON per track is built once: the content never changes while the process runs.
 */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../composition.js";
import { TRACK_IDS } from "../../content/content.schema.js";
import { cacheJson, sendCachedJson } from "../plugins/cached-json.js";
import { problemSchema } from "../plugins/error-handler.js";
import { presentRoadmap } from "./roadmap.presenter.js";
import { roadmapQuerySchema, roadmapSchema } from "./roadmap.schema.js";

export const roadmapRoutes: FastifyPluginCallbackZod<{ services: Services }> = (
  app,
  { services },
  done,
) => {
  const { roadmap } = services;
  const presented = new Map(
    TRACK_IDS.filter((id) => roadmap.tracks.some((t) => t.id === id)).map((id) => [
      id,
      // the roadmap is the hottest read: re-serialising it per request would only repeat work
      cacheJson(`"${roadmap.version}-${id}"`, roadmapSchema, presentRoadmap(roadmap, id)),
    ]),
  );

  app.get(
    "/roadmap",
    {
      schema: {
        tags: ["roadmap"],
        summary: "the roadmap for a track",
        querystring: roadmapQuerySchema,
        response: {
          200: roadmapSchema,
          304: z.undefined(),
          400: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const entry = presented.get(request.query.track);
      if (!entry) return reply.callNotFound();
      return sendCachedJson(reply, request.headers["if-none-match"], entry);
    },
  );
  done();
};
