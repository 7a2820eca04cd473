/** /healthz: the process answers. /readyz: and its database does too (for load balancers). */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../composition.js";
import { DevladderError } from "../../errors.js";
import { problemSchema } from "../plugins/error-handler.js";

export const healthRoutes: FastifyPluginCallbackZod<{ services: Services }> = (
  app,
  { services },
  done,
) => {
  app.get(
    "/healthz",
    {
      schema: {
        tags: ["health"],
        summary: "liveness: the process is up",
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    () => ({ status: "ok" as const }),
  );
  app.get(
    "/readyz",
    {
      schema: {
        tags: ["health"],
        summary: "readiness: the database answers",
        response: {
          200: z.object({ status: z.literal("ready"), database: z.enum(["sqlite", "postgres"]) }),
          503: problemSchema,
        },
      },
    },
    async (request) => {
      try {
        await services.store.ping();
      } catch (error) {
        request.log.warn({ err: error }, "database is not reachable");
        throw new DevladderError("unavailable", "the database is not reachable", [], {
          cause: error,
        });
      }
      return { status: "ready" as const, database: services.store.dialect.name };
    },
  );
  done();
};
