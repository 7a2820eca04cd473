/** /api/v1/users: admins list users, change roles, disable and enable accounts. */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import type { Services } from "../../composition.js";
import { userSchema } from "../auth/auth.schema.js";
import { presentUser } from "../auth/user.presenter.js";
import { authErrors, pageQuerySchema, pageSchema } from "../common.schema.js";
import { authenticator, callerOf } from "../plugins/authenticate.js";
import { problemSchema } from "../plugins/error-handler.js";
import { userChangesSchema, userParamsSchema } from "./users.schema.js";

export const usersRoutes: FastifyPluginCallbackZod<{ services: Services }> = (
  app,
  { services },
  done,
) => {
  const onRequest = authenticator(services.auth);
  const tags = ["users (admin)"];
  const security = [{ bearer: [] }];

  app.get(
    "/users",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "list users (admin)",
        querystring: pageQuerySchema,
        response: { 200: pageSchema(userSchema), ...authErrors },
      },
    },
    async (request) => {
      const page = await services.users.list(callerOf(request), request.query);
      return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
    },
  );

  app.patch(
    "/users/:userId",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "change a user's role or disable the account (admin)",
        params: userParamsSchema,
        body: userChangesSchema,
        response: { 200: userSchema, ...authErrors, 409: problemSchema },
      },
    },
    async (request) =>
      presentUser(
        await services.users.update(callerOf(request), request.params.userId, request.body),
      ),
  );
  done();
};
