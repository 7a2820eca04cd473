/**
 * /api/v1/me: the signed-in user's whole account: export all of it as JSON, a JSON Resume built
 * from verified evidence, and deleting the account with everything in it.
 */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../composition.js";
import { authErrors } from "../common.schema.js";
import { authenticator, callerOf } from "../plugins/authenticate.js";
import { presentExport, presentResume } from "./me.presenter.js";
import { accountExportSchema, jsonResumeSchema } from "./me.schema.js";

export const meRoutes: FastifyPluginCallbackZod<{ services: Services }> = (
  app,
  { services },
  done,
) => {
  const onRequest = authenticator(services.auth);
  const tags = ["account"];
  const security = [{ bearer: [] }];

  app.get(
    "/me/export",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "all your data as JSON",
        response: { 200: accountExportSchema, ...authErrors },
      },
    },
    async (request, reply) => {
      const { exportedAt, data } = await services.account.export(callerOf(request));
      return reply
        .header("content-disposition", 'attachment; filename="devladder-export.json"')
        .send(presentExport(exportedAt, data));
    },
  );

  app.get(
    "/me/resume",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "a JSON Resume document built from your verified evidence",
        response: { 200: jsonResumeSchema, ...authErrors },
      },
    },
    async (request) => presentResume(await services.account.resume(callerOf(request))),
  );

  app.delete(
    "/me",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "delete your account and all its data, ending every session",
        response: { 204: z.undefined(), ...authErrors },
      },
    },
    async (request, reply) => {
      await services.account.deleteAccount(callerOf(request));
      return reply.code(204).send();
    },
  );
  done();
};
