/**
 * /api/v1/roadmap?track=…: the roadmap content, read-only and public. The ETag is the content
 * version plus the track, so a client revalidating with If-None-Match gets 304 until the content
 * changes. The JSON per track is built once: the content never changes while the process runs.
 */
import type { FastifyReply } from "fastify";
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../composition.js";
import { TRACK_IDS } from "../../content/content.schema.js";
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
      {
        etag: `"${roadmap.version}-${id}"`,
        // checked against the response schema once here, then sent as-is: the roadmap is the
        // hottest read and re-serialising it per request would only repeat this work
        json: JSON.stringify(roadmapSchema.parse(presentRoadmap(roadmap, id))),
      },
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
      void reply
        .header("etag", entry.etag)
        .header("cache-control", "public, max-age=0, must-revalidate");
      if (matches(request.headers["if-none-match"], entry.etag)) return reply.code(304).send();
      // Fastify sends a string body as-is; the typed reply only knows the object form
      const raw: FastifyReply = reply;
      return raw.type("application/json; charset=utf-8").send(entry.json);
    },
  );
  done();
};

function matches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}
