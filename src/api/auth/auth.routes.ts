/** /api/v1/auth: register, login, refresh, logout, me. Login and register are rate limited. */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DevladderError } from "../../errors.js";
import type { Services } from "../../composition.js";
import type { RateLimitSettings } from "../app-deps.js";
import { authErrors } from "../common.schema.js";
import { authenticator, callerOf } from "../plugins/authenticate.js";
import { problemSchema } from "../plugins/error-handler.js";
import {
  loginBodySchema,
  refreshBodySchema,
  registerBodySchema,
  registerResponseSchema,
  sessionSchema,
  userSchema,
} from "./auth.schema.js";
import { presentSession, presentUser } from "./user.presenter.js";

export interface AuthRoutesOptions {
  readonly services: Services;
  readonly rateLimit: RateLimitSettings;
}

export const authRoutes: FastifyPluginCallbackZod<AuthRoutesOptions> = (
  app,
  { services, rateLimit },
  done,
) => {
  const limited = {
    rateLimit: {
      max: rateLimit.max,
      timeWindow: rateLimit.timeWindowMs,
      errorResponseBuilder: () =>
        new DevladderError("rate_limited", "too many attempts; wait a minute and try again"),
    },
  };
  const authenticate = authenticator(services.auth);

  app.post(
    "/register",
    {
      config: limited,
      schema: {
        tags: ["auth"],
        summary: "create an account",
        description:
          "Always answers 202 for a valid request, whether or not the email already has an " +
          "account, so the endpoint cannot be used to find out who is registered. Log in next.",
        body: registerBodySchema,
        response: { 202: registerResponseSchema, 400: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      await services.auth.register(request.body);
      return reply.code(202).send({
        message: "If this email can be registered, the account is ready: log in to continue.",
      });
    },
  );

  app.post(
    "/login",
    {
      config: limited,
      schema: {
        tags: ["auth"],
        summary: "log in with email and password",
        body: loginBodySchema,
        response: {
          200: sessionSchema,
          400: problemSchema,
          401: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request) =>
      presentSession(await services.auth.login(request.body.email, request.body.password)),
  );

  app.post(
    "/refresh",
    {
      schema: {
        tags: ["auth"],
        summary: "exchange a refresh token for a new session",
        description:
          "Refresh tokens are single use. Presenting one a second time ends every session that " +
          "descends from the same login.",
        body: refreshBodySchema,
        response: { 200: sessionSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => presentSession(await services.auth.refresh(request.body.refreshToken)),
  );

  app.post(
    "/logout",
    {
      schema: {
        tags: ["auth"],
        summary: "end the session the refresh token belongs to",
        body: refreshBodySchema,
        response: { 204: z.undefined(), 400: problemSchema },
      },
    },
    async (request, reply) => {
      await services.auth.logout(request.body.refreshToken);
      return reply.code(204).send();
    },
  );

  app.get(
    "/me",
    {
      onRequest: authenticate,
      schema: {
        tags: ["auth"],
        summary: "the signed-in user",
        security: [{ bearer: [] }],
        response: { 200: userSchema, ...authErrors },
      },
    },
    async (request) => presentUser(await services.users.me(callerOf(request))),
  );
  done();
};
