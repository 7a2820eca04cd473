/**
 * /api/v1/profile: the signed-in learner's own profile (read, create or replace).
 * /api/v1/profiles/:userId: someone else's, as access.ts allows (404 otherwise).
 * /api/v1/shared-profiles/:slug: a profile through its share link, no sign-in needed.
 * /api/v1/shared-profiles/:slug/verified-skills: what the learner's analyses prove, the same way.
 * /api/v1/shared-profiles/:slug/endorsements: the endorsements the learner shows, the same way.
 * /api/v1/shared-profiles/:slug/readiness: readiness per career level as a profile shows it, the
 * same way (growth entries counted but not named, self-marked progress left out).
 */
import type { FastifyPluginCallbackZod } from "fastify-type-provider-zod";
import type { Services } from "../../composition.js";
import { authErrors, pageQuerySchema, pageSchema } from "../common.schema.js";
import { presentEndorsement } from "../endorsements/endorsements.presenter.js";
import { endorsementSchema } from "../endorsements/endorsements.schema.js";
import { authenticator, callerOf } from "../plugins/authenticate.js";
import { problemSchema } from "../plugins/error-handler.js";
import { presentReadiness } from "../readiness/readiness.presenter.js";
import { readinessSchema } from "../readiness/readiness.schema.js";
import { presentVerifiedSkill } from "../skills/verified-skills.presenter.js";
import { verifiedSkillListSchema } from "../skills/verified-skills.schema.js";
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

  app.get(
    "/shared-profiles/:slug/verified-skills",
    {
      schema: {
        tags,
        summary: "the verified skills of a profile, through its share link",
        params: sharedParamsSchema,
        response: { 200: verifiedSkillListSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => ({
      items: (await services.analyses.verifiedThroughLink(request.params.slug)).map(
        presentVerifiedSkill,
      ),
    }),
  );

  app.get(
    "/shared-profiles/:slug/endorsements",
    {
      schema: {
        tags,
        summary: "the endorsements a profile shows, newest first, through its share link",
        params: sharedParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(endorsementSchema), 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const page = await services.endorsements.listThroughLink(request.params.slug, request.query);
      return { items: page.items.map(presentEndorsement), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/shared-profiles/:slug/readiness",
    {
      schema: {
        tags,
        summary: "readiness for each career level as a profile shows it, through its share link",
        description:
          "The criteria, met or not, with their evidence. Growth-log entries count towards " +
          "their criteria but are not named, and skills the learner only marked done are not " +
          "mentioned: both are working records, for the learner and their mentors.",
        params: sharedParamsSchema,
        response: { 200: readinessSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => presentReadiness(await services.readiness.throughLink(request.params.slug)),
  );
  done();
};
