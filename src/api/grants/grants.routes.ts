/**
 * /api/v1/grants: a learner grants a mentor access, lists and revokes grants.
 * /api/v1/mentees: a mentor lists the learners who granted them access.
 */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../composition.js";
import { authErrors, pageQuerySchema, pageSchema } from "../common.schema.js";
import { authenticator, callerOf } from "../plugins/authenticate.js";
import { problemSchema } from "../plugins/error-handler.js";
import { presentMentee, presentMentorGrant } from "./grants.presenter.js";
import {
  grantBodySchema,
  menteeSchema,
  mentorGrantSchema,
  mentorParamsSchema,
} from "./grants.schema.js";

export const grantsRoutes: FastifyPluginCallbackZod<{ services: Services }> = (
  app,
  { services },
  done,
) => {
  const onRequest = authenticator(services.auth);
  const tags = ["grants"];
  const security = [{ bearer: [] }];

  app.post(
    "/grants",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "let a mentor see your profile and progress (learner)",
        body: grantBodySchema,
        response: { 201: mentorGrantSchema, ...authErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const grant = await services.grants.grant(callerOf(request), request.body.mentorEmail);
      return reply.code(201).send(presentMentorGrant(grant));
    },
  );

  app.get(
    "/grants",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "the mentors you granted access (learner)",
        querystring: pageQuerySchema,
        response: { 200: pageSchema(mentorGrantSchema), ...authErrors },
      },
    },
    async (request) => {
      const page = await services.grants.listMentors(callerOf(request), request.query);
      return { items: page.items.map(presentMentorGrant), nextCursor: page.nextCursor };
    },
  );

  app.delete(
    "/grants/:mentorId",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "revoke a mentor's access (learner)",
        params: mentorParamsSchema,
        response: { 204: z.undefined(), ...authErrors },
      },
    },
    async (request, reply) => {
      await services.grants.revoke(callerOf(request), request.params.mentorId);
      return reply.code(204).send();
    },
  );

  app.get(
    "/mentees",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "the learners who granted you access (mentor)",
        querystring: pageQuerySchema,
        response: { 200: pageSchema(menteeSchema), ...authErrors },
      },
    },
    async (request) => {
      const page = await services.grants.listMentees(callerOf(request), request.query);
      return { items: page.items.map(presentMentee), nextCursor: page.nextCursor };
    },
  );
  done();
};
