/**
 * /api/v1/candidates: recruiter search over public profiles by verified skills, track and
 * readiness level, strongest evidence first. /api/v1/candidates.csv: the same ranking as a CSV
 * shortlist.
 */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../composition.js";
import { authErrors } from "../common.schema.js";
import { authenticator, callerOf } from "../plugins/authenticate.js";
import { presentCandidate, shortlistCsv } from "./candidates.presenter.js";
import {
  candidateQuerySchema,
  candidateResultsSchema,
  shortlistQuerySchema,
} from "./candidates.schema.js";

export const candidatesRoutes: FastifyPluginCallbackZod<{ services: Services }> = (
  app,
  { services },
  done,
) => {
  const onRequest = authenticator(services.auth);
  const tags = ["candidates"];
  const security = [{ bearer: [] }];

  app.get(
    "/candidates",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "search public profiles by verified skills, track and level (recruiters)",
        querystring: candidateQuerySchema,
        response: { 200: candidateResultsSchema, ...authErrors },
      },
    },
    async (request) => {
      const { skills, track, level, cursor, limit } = request.query;
      const result = await services.candidates.search(
        callerOf(request),
        { skills, track, level },
        { cursor, limit },
      );
      return {
        items: result.items.map(presentCandidate),
        nextCursor: result.nextCursor,
        truncated: result.truncated,
      };
    },
  );

  app.get(
    "/candidates.csv",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "the ranked shortlist as CSV (recruiters)",
        querystring: shortlistQuerySchema,
        response: { 200: z.string().describe("text/csv"), ...authErrors },
      },
    },
    async (request, reply) => {
      const result = await services.candidates.shortlist(callerOf(request), request.query);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="devladder-shortlist.csv"')
        .header("x-devladder-truncated", String(result.truncated))
        .send(shortlistCsv(result.items));
    },
  );
  done();
};
