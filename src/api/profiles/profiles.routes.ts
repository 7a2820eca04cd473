/**
 * /api/v1/profile: the signed-in learner's own profile (read, create or replace).
 * /api/v1/profiles/:userId: someone else's, as access.ts allows (404 otherwise).
 * /api/v1/shared-profiles/:slug: a profile through its share link, no sign-in needed.
 */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import type { Services } from "../../composition.js";
import { authErrors } from "../common.schema.js";
import { authenticator, callerOf } from "../plugins/authenticate.js";
import { problemSchema } from "../plugins/error-handler.js";
import { presentOwnProfile, presentPublicProfile } from "./profile.presenter.js";
import {
  ownProfileSchema,
  profileBodySchema,
  profileParamsSchema,
  publicProfileSchema,
  sharedParamsSchema,
} from "./profiles.schema.js";

const SHARED_PREFIX = "/api/v1/shared-profiles";

export const profilesRoutes: FastifyPluginCallbackZod<{ services: Services }> = (
  app,
  { services },
  done,
) => {
  const onRequest = authenticator(services.auth);
  const tags = ["profile"];
  const security = [{ bearer: [] }];

  app.get(
    "/profile",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "your profile",
        response: { 200: ownProfileSchema, ...authErrors },
      },
    },
    async (request) =>
      presentOwnProfile(await services.profiles.own(callerOf(request)), SHARED_PREFIX),
  );

  app.put(
    "/profile",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "create or replace your profile",
        body: profileBodySchema,
        response: { 200: ownProfileSchema, ...authErrors },
      },
    },
    async (request) =>
      presentOwnProfile(
        await services.profiles.save(callerOf(request), request.body),
        SHARED_PREFIX,
      ),
  );

  app.get(
    "/profiles/:userId",
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "a learner's profile, if you may see it",
        params: profileParamsSchema,
        response: { 200: publicProfileSchema, ...authErrors },
      },
    },
    async (request) =>
      presentPublicProfile(await services.profiles.view(callerOf(request), request.params.userId)),
  );

  app.get(
    "/shared-profiles/:slug",
    {
      schema: {
        tags,
        summary: "a profile through its share link",
        params: sharedParamsSchema,
        response: { 200: publicProfileSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) =>
      presentPublicProfile(await services.profiles.viewShared(request.params.slug)),
  );
  done();
};
