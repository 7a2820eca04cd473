/**
 * /api/v1/certifications: the signed-in user's certifications from the catalogue, with derived
 * expiry. /api/v1/learners/:userId/certifications: whoever may see the learner's profile.
 */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../composition.js";
import { authErrors } from "../common.schema.js";
import { authenticator, callerOf } from "../plugins/authenticate.js";
import { presentCertification } from "./certifications.presenter.js";
import {
  certificationBodySchema,
  certificationListSchema,
  certificationParamsSchema,
  learnerParamsSchema,
  savedCertificationSchema,
} from "./certifications.schema.js";

export const certificationsRoutes: FastifyPluginCallbackZod<{ services: Services }> = (
  app,
  { services },
  done,
) => {
  const onRequest = authenticator(services.auth);
  const tags = ["certifications"];
  const security = [{ bearer: [] }];

  app.get(
    "/certifications",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "your certifications, with expiry derived from the catalogue",
        response: { 200: certificationListSchema, ...authErrors },
      },
    },
    async (request) => ({
      items: (await services.certifications.list(callerOf(request))).map(presentCertification),
    }),
  );

  app.put(
    "/certifications/:certificationId",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "plan, start or record earning a catalogue certification",
        description:
          "Earning one marks the roadmap skills it covers as done, in the same transaction.",
        params: certificationParamsSchema,
        body: certificationBodySchema,
        response: { 200: savedCertificationSchema, ...authErrors },
      },
    },
    async (request) => {
      const saved = await services.certifications.save(
        callerOf(request),
        request.params.certificationId,
        request.body,
      );
      return { ...presentCertification(saved), markedDone: [...saved.markedDone] };
    },
  );

  app.delete(
    "/certifications/:certificationId",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "take a certification off your list (progress stays as it is)",
        params: certificationParamsSchema,
        response: { 204: z.undefined(), ...authErrors },
      },
    },
    async (request, reply) => {
      await services.certifications.remove(callerOf(request), request.params.certificationId);
      return reply.code(204).send();
    },
  );

  app.get(
    "/learners/:userId/certifications",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "a learner's certifications (whoever may see their profile)",
        params: learnerParamsSchema,
        response: { 200: certificationListSchema, ...authErrors },
      },
    },
    async (request) => ({
      items: (await services.certifications.listFor(callerOf(request), request.params.userId)).map(
        presentCertification,
      ),
    }),
  );
  done();
};
