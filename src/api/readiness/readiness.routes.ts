/**
 * /api/v1/readiness: for each career level, which criteria your evidence meets, by what, and
 * what is missing. /api/v1/learners/:userId/readiness: the same for a granted mentor or an admin.
 */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import type { Services } from "../../composition.js";
import { authErrors } from "../common.schema.js";
import { authenticator, callerOf } from "../plugins/authenticate.js";
import { presentReadiness } from "./readiness.presenter.js";
import { learnerParamsSchema, readinessSchema } from "./readiness.schema.js";

export const readinessRoutes: FastifyPluginCallbackZod<{ services: Services }> = (
  app,
  { services },
  done,
) => {
  const onRequest = authenticator(services.auth);
  const tags = ["readiness"];
  const security = [{ bearer: [] }];

  app.get(
    "/readiness",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "your readiness for each career level, with evidence and what is missing",
        response: { 200: readinessSchema, ...authErrors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      return presentReadiness(await services.readiness.of(caller, caller.id));
    },
  );

  app.get(
    "/learners/:userId/readiness",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "a learner's readiness (granted mentor or admin)",
        params: learnerParamsSchema,
        response: { 200: readinessSchema, ...authErrors },
      },
    },
    async (request) =>
      presentReadiness(await services.readiness.of(callerOf(request), request.params.userId)),
  );
  done();
};
