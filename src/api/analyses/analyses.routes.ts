/**
 * /api/v1/analyses/:id: an analysis' status and progress, its EvidenceReport (JSON or
 * Markdown), and its score as an SVG badge. Readable by whoever may see the owner's profile.
 * The badge is also served without sign-in when the owner's profile is shared (link or public),
 * so it can be embedded in a README.
 */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { renderBadge } from "../../analyzer/render/render-badge.js";
import { renderMarkdown } from "../../analyzer/render/render-markdown.js";
import type { Services } from "../../composition.js";
import type { Caller } from "../../services/caller.js";
import { authErrors } from "../common.schema.js";
import { authenticator, callerOf } from "../plugins/authenticate.js";
import { problemSchema } from "../plugins/error-handler.js";
import { presentAnalysis } from "./analyses.presenter.js";
import {
  analysisParamsSchema,
  analysisSchema,
  evidenceReportSchema,
  reportQuerySchema,
} from "./analyses.schema.js";

export const analysesRoutes: FastifyPluginCallbackZod<{ services: Services }> = (
  app,
  { services },
  done,
) => {
  const onRequest = authenticator(services.auth);
  const tags = ["analyses"];
  const security = [{ bearer: [] }];

  app.get(
    "/analyses/:analysisId",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "an analysis: status (queued, running, done, failed), progress, error, score",
        params: analysisParamsSchema,
        response: { 200: analysisSchema, ...authErrors },
      },
    },
    async (request) =>
      presentAnalysis(await services.analyses.get(callerOf(request), request.params.analysisId)),
  );

  app.get(
    "/analyses/:analysisId/report",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "the EvidenceReport of a finished analysis, as JSON or (format=md) Markdown",
        params: analysisParamsSchema,
        querystring: reportQuerySchema,
        response: {
          200: z.union([evidenceReportSchema, z.string().describe("text/markdown")]),
          409: problemSchema,
          ...authErrors,
        },
      },
    },
    async (request, reply) => {
      const { report } = await services.analyses.report(
        callerOf(request),
        request.params.analysisId,
      );
      if (request.query.format === "md") {
        return reply.type("text/markdown; charset=utf-8").send(renderMarkdown(report));
      }
      // the report is sent as stored: its own contract (report.ts) is the allow-list
      return reply.type("application/json; charset=utf-8").send({ ...report });
    },
  );

  app.get(
    "/analyses/:analysisId/badge.svg",
    {
      // signed in when a token is sent; anonymous callers see badges of shared profiles only
      onRequest: async (request, reply) => {
        if (request.headers.authorization !== undefined) await onRequest.call(app, request, reply);
      },
      schema: {
        tags,
        summary: "the score of a finished analysis as an SVG badge",
        params: analysisParamsSchema,
        response: {
          200: z.string().describe("image/svg+xml"),
          400: problemSchema,
          401: problemSchema,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const caller: Caller | null = request.caller;
      const { row } = await services.analyses.report(caller, request.params.analysisId);
      return reply
        .type("image/svg+xml; charset=utf-8")
        .header("cache-control", "no-cache")
        .send(renderBadge(row.score ?? 0));
    },
  );
  done();
};
