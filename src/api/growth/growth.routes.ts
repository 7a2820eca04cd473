/**
 * /api/v1/growth: the signed-in user's growth log (Impact, Mastery, Collaboration), comments by
 * granted mentors, and the promotion summary per career level.
 * /api/v1/learners/:userId/growth(/summary): the same for a granted mentor or an admin.
 */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../composition.js";
import { authErrors, pageQuerySchema, pageSchema } from "../common.schema.js";
import { authenticator, callerOf } from "../plugins/authenticate.js";
import {
  presentGrowthComment,
  presentGrowthEntry,
  presentGrowthSummary,
} from "./growth.presenter.js";
import {
  commentBodySchema,
  entryParamsSchema,
  growthCommentSchema,
  growthEntryBodySchema,
  growthEntrySchema,
  growthListQuerySchema,
  growthSummarySchema,
  learnerParamsSchema,
} from "./growth.schema.js";

export const growthRoutes: FastifyPluginCallbackZod<{ services: Services }> = (
  app,
  { services },
  done,
) => {
  const onRequest = authenticator(services.auth);
  const tags = ["growth"];
  const security = [{ bearer: [] }];

  app.post(
    "/growth",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "record a piece of growth evidence",
        body: growthEntryBodySchema,
        response: { 201: growthEntrySchema, ...authErrors },
      },
    },
    async (request, reply) => {
      const entry = await services.growth.create(callerOf(request), request.body);
      return reply.status(201).send(presentGrowthEntry(entry));
    },
  );

  app.get(
    "/growth",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "your growth log, newest first",
        querystring: growthListQuerySchema,
        response: { 200: pageSchema(growthEntrySchema), ...authErrors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { dimension, ...page } = request.query;
      const result = await services.growth.list(caller, caller.id, dimension, page);
      return { items: result.items.map(presentGrowthEntry), nextCursor: result.nextCursor };
    },
  );

  app.get(
    "/growth/summary",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "your growth counts against what each career level asks",
        response: { 200: growthSummarySchema, ...authErrors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      return presentGrowthSummary(await services.growth.summary(caller, caller.id));
    },
  );

  app.delete(
    "/growth/:entryId",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "delete one of your entries with its comments",
        params: entryParamsSchema,
        response: { 204: z.undefined(), ...authErrors },
      },
    },
    async (request, reply) => {
      await services.growth.remove(callerOf(request), request.params.entryId);
      return reply.code(204).send();
    },
  );

  app.post(
    "/growth/:entryId/comments",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "comment on a learner's entry (mentors the learner granted)",
        params: entryParamsSchema,
        body: commentBodySchema,
        response: { 201: growthCommentSchema, ...authErrors },
      },
    },
    async (request, reply) => {
      const comment = await services.growth.comment(
        callerOf(request),
        request.params.entryId,
        request.body.body,
      );
      return reply.status(201).send(presentGrowthComment(comment));
    },
  );

  app.get(
    "/growth/:entryId/comments",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "the comments on an entry, oldest first",
        params: entryParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(growthCommentSchema), ...authErrors },
      },
    },
    async (request) => {
      const page = await services.growth.comments(
        callerOf(request),
        request.params.entryId,
        request.query,
      );
      return { items: page.items.map(presentGrowthComment), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/learners/:userId/growth",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "a learner's growth log (granted mentor or admin)",
        params: learnerParamsSchema,
        querystring: growthListQuerySchema,
        response: { 200: pageSchema(growthEntrySchema), ...authErrors },
      },
    },
    async (request) => {
      const { dimension, ...page } = request.query;
      const result = await services.growth.list(
        callerOf(request),
        request.params.userId,
        dimension,
        page,
      );
      return { items: result.items.map(presentGrowthEntry), nextCursor: result.nextCursor };
    },
  );

  app.get(
    "/learners/:userId/growth/summary",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "a learner's promotion summary (granted mentor or admin)",
        params: learnerParamsSchema,
        response: { 200: growthSummarySchema, ...authErrors },
      },
    },
    async (request) =>
      presentGrowthSummary(await services.growth.summary(callerOf(request), request.params.userId)),
  );
  done();
};
