/** /api/v1/plan: your dated plan and how you stand against it; /api/v1/plan.ics: as a calendar. */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../composition.js";
// the CLI's renderer is the one iCalendar writer; the API reuses it rather than keep a second
import { renderPlanIcs } from "../../cli/format/plan-ics.js";
import { authErrors } from "../common.schema.js";
import { authenticator, callerOf } from "../plugins/authenticate.js";
import { presentLearnerPlan } from "./plan.presenter.js";
import { learnerPlanSchema } from "./plan.schema.js";

export const planRoutes: FastifyPluginCallbackZod<{ services: Services }> = (
  app,
  { services },
  done,
) => {
  const onRequest = authenticator(services.auth);
  const tags = ["plan"];
  const security = [{ bearer: [] }];

  app.get(
    "/plan",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "your plan: original, re-planned from today, and ahead/behind",
        response: { 200: learnerPlanSchema, ...authErrors },
      },
    },
    async (request) => presentLearnerPlan(await services.plans.forLearner(callerOf(request))),
  );

  app.get(
    "/plan.ics",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "what is left of your plan as an iCalendar file (one all-day event per skill)",
        response: { 200: z.string().describe("text/calendar"), ...authErrors },
      },
    },
    async (request, reply) => {
      const plan = await services.plans.forLearner(callerOf(request));
      return reply
        .type("text/calendar; charset=utf-8")
        .header("content-disposition", 'attachment; filename="devladder-plan.ics"')
        .send(renderPlanIcs(plan.comparison.replanned));
    },
  );
  done();
};
