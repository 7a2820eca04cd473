/**
 * /api/v1/learners/:userId/endorsements: a granted mentor endorses a skill; whoever may see the
 * learner's profile reads the visible ones. /api/v1/endorsements: the learner's own, hidden ones
 * included, and hiding or showing one.
 */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import type { Services } from "../../composition.js";
import { authErrors, pageQuerySchema, pageSchema } from "../common.schema.js";
import { problemSchema } from "../plugins/error-handler.js";
import { authenticator, callerOf } from "../plugins/authenticate.js";
import { presentEndorsement } from "./endorsements.presenter.js";
import {
  endorsementBodySchema,
  endorsementParamsSchema,
  endorsementSchema,
  hideBodySchema,
  learnerParamsSchema,
} from "./endorsements.schema.js";

export const endorsementsRoutes: FastifyPluginCallbackZod<{ services: Services }> = (
  app,
  { services },
  done,
) => {
  const onRequest = authenticator(services.auth);
  const tags = ["endorsements"];
  const security = [{ bearer: [] }];

  app.post(
    "/learners/:userId/endorsements",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "endorse a skill of a learner who granted you access (mentors)",
        params: learnerParamsSchema,
        body: endorsementBodySchema,
        response: { 201: endorsementSchema, ...authErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const row = await services.endorsements.endorse(
        callerOf(request),
        request.params.userId,
        request.body,
      );
      return reply.status(201).send(presentEndorsement(row));
    },
  );

  app.get(
    "/learners/:userId/endorsements",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "a learner's endorsements, newest first (hidden ones only for the learner)",
        params: learnerParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(endorsementSchema), ...authErrors },
      },
    },
    async (request) => {
      const page = await services.endorsements.listFor(
        callerOf(request),
        request.params.userId,
        request.query,
      );
      return { items: page.items.map(presentEndorsement), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/endorsements",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "your endorsements, newest first, hidden ones included",
        querystring: pageQuerySchema,
        response: { 200: pageSchema(endorsementSchema), ...authErrors },
      },
    },
    async (request) => {
      const page = await services.endorsements.listOwn(callerOf(request), request.query);
      return { items: page.items.map(presentEndorsement), nextCursor: page.nextCursor };
    },
  );

  app.patch(
    "/endorsements/:endorsementId",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "hide one of your endorsements from everyone else, or show it again",
        params: endorsementParamsSchema,
        body: hideBodySchema,
        response: { 200: endorsementSchema, ...authErrors },
      },
    },
    async (request) => {
      const row = await services.endorsements.setHidden(
        callerOf(request),
        request.params.endorsementId,
        request.body.hidden,
      );
      return presentEndorsement(row);
    },
  );
  done();
};
