/**
 * /api/v1/repositories: the signed-in learner's linked repositories (link, list, unlink), and
 * their analyses: queue one (202 at once; poll /api/v1/analyses/:id) or list them.
 * /api/v1/learners/:userId/repositories: a learner's repositories with the latest analysis of
 * each, for the learner, a granted mentor or an admin (404 for anyone else).
 */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../composition.js";
import { presentAnalysis } from "../analyses/analyses.presenter.js";
import { analysisSchema } from "../analyses/analyses.schema.js";
import { authErrors, pageQuerySchema, pageSchema } from "../common.schema.js";
import { authenticator, callerOf } from "../plugins/authenticate.js";
import { problemSchema } from "../plugins/error-handler.js";
import { presentLearnerRepository, presentRepository } from "./repositories.presenter.js";
import {
  learnerParamsSchema,
  learnerRepositorySchema,
  linkRepositoryBodySchema,
  repositoryParamsSchema,
  repositorySchema,
} from "./repositories.schema.js";

export const repositoriesRoutes: FastifyPluginCallbackZod<{ services: Services }> = (
  app,
  { services },
  done,
) => {
  const onRequest = authenticator(services.auth);
  const tags = ["analyses"];
  const security = [{ bearer: [] }];

  app.post(
    "/repositories",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "link a repository to analyse (learner: https:// URL; admin: also a server path)",
        body: linkRepositoryBodySchema,
        response: { 201: repositorySchema, 409: problemSchema, ...authErrors },
      },
    },
    async (request, reply) => {
      const row = await services.repositories.link(callerOf(request), request.body.url);
      return reply.code(201).send(presentRepository(row));
    },
  );

  app.get(
    "/repositories",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "your linked repositories, in the order you linked them",
        querystring: pageQuerySchema,
        response: { 200: pageSchema(repositorySchema), ...authErrors },
      },
    },
    async (request) => {
      const page = await services.repositories.list(callerOf(request), request.query);
      return { items: page.items.map(presentRepository), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/learners/:userId/repositories",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary:
          "a learner's repositories with the latest analysis of each (granted mentor or admin)",
        params: learnerParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(learnerRepositorySchema), ...authErrors },
      },
    },
    async (request) => {
      const page = await services.repositories.ofLearner(
        callerOf(request),
        request.params.userId,
        request.query,
      );
      return { items: page.items.map(presentLearnerRepository), nextCursor: page.nextCursor };
    },
  );

  app.delete(
    "/repositories/:repositoryId",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "unlink a repository: its analyses and the skills they verified go with it",
        params: repositoryParamsSchema,
        response: { 204: z.undefined(), ...authErrors },
      },
    },
    async (request, reply) => {
      await services.repositories.remove(callerOf(request), request.params.repositoryId);
      return reply.code(204).send();
    },
  );

  app.post(
    "/repositories/:repositoryId/analyses",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary:
          "queue an analysis and answer at once (202); poll links.self until it is done or failed",
        description:
          "An analysis already queued or running is returned instead of a second one. When the " +
          "repository's commit has not changed since an analysis finished, its report is reused " +
          "and the answer is already `done`.",
        params: repositoryParamsSchema,
        response: { 202: analysisSchema, 503: problemSchema, ...authErrors },
      },
    },
    async (request, reply) => {
      const row = await services.analyses.request(callerOf(request), request.params.repositoryId);
      const body = presentAnalysis(row);
      return reply.code(202).header("location", body.links.self).send(body);
    },
  );

  app.get(
    "/repositories/:repositoryId/analyses",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "a repository's analyses, newest first (its owner, and who may see the owner's)",
        params: repositoryParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(analysisSchema), ...authErrors },
      },
    },
    async (request) => {
      const page = await services.analyses.listForRepository(
        callerOf(request),
        request.params.repositoryId,
        request.query,
      );
      return { items: page.items.map(presentAnalysis), nextCursor: page.nextCursor };
    },
  );
  done();
};
