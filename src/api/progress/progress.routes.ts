/**
 * /api/v1/progress: the signed-in learner's progress per skill, single and bulk updates, and the
 * history of changes. /api/v1/learners/:userId/progress: a learner's progress for a granted
 * mentor or an admin, without the private notes.
 */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import type { Services } from "../../composition.js";
import { authErrors, pageQuerySchema, pageSchema } from "../common.schema.js";
import { authenticator, callerOf } from "../plugins/authenticate.js";
import { presentHistory, presentProgress, presentSharedProgress } from "./progress.presenter.js";
import {
  bulkProgressBodySchema,
  historyEntrySchema,
  learnerParamsSchema,
  progressBodySchema,
  progressEntrySchema,
  progressListSchema,
  sharedProgressEntrySchema,
  skillParamsSchema,
} from "./progress.schema.js";

export const progressRoutes: FastifyPluginCallbackZod<{ services: Services }> = (
  app,
  { services },
  done,
) => {
  const onRequest = authenticator(services.auth);
  const tags = ["progress"];
  const security = [{ bearer: [] }];

  app.get(
    "/progress",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "your progress per skill, ordered by skill id",
        querystring: pageQuerySchema,
        response: { 200: pageSchema(progressEntrySchema), ...authErrors },
      },
    },
    async (request) => {
      const page = await services.progress.list(callerOf(request), request.query);
      return { items: page.items.map(presentProgress), nextCursor: page.nextCursor };
    },
  );

  app.put(
    "/progress/:skillId",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary:
          "set the status (and note, and whether it was known before the start) of one skill",
        params: skillParamsSchema,
        body: progressBodySchema,
        response: { 200: progressEntrySchema, ...authErrors },
      },
    },
    async (request) => {
      const [row] = await services.progress.update(
        callerOf(request),
        [{ skillId: request.params.skillId, ...request.body }],
        (_, field) => (field === "skillId" ? "params.skillId" : `body.${field}`),
      );
      if (!row) throw new Error("a single progress update returned no row");
      return presentProgress(row);
    },
  );

  app.patch(
    "/progress",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "update several skills at once: all of them or, on any error, none",
        body: bulkProgressBodySchema,
        response: { 200: progressListSchema, ...authErrors },
      },
    },
    async (request) => ({
      items: (
        await services.progress.update(
          callerOf(request),
          request.body.changes,
          (i, field) => `body.changes[${i}].${field}`,
        )
      ).map(presentProgress),
    }),
  );

  app.get(
    "/progress/history",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "your status changes, newest first",
        querystring: pageQuerySchema,
        response: { 200: pageSchema(historyEntrySchema), ...authErrors },
      },
    },
    async (request) => {
      const page = await services.progress.history(callerOf(request), request.query);
      return { items: page.items.map(presentHistory), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/learners/:userId/progress",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "a learner's progress (granted mentor or admin), without private notes",
        params: learnerParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(sharedProgressEntrySchema), ...authErrors },
      },
    },
    async (request) => {
      const page = await services.progress.listFor(
        callerOf(request),
        request.params.userId,
        request.query,
      );
      return { items: page.items.map(presentSharedProgress), nextCursor: page.nextCursor };
    },
  );
  done();
};
