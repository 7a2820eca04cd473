/**
 * Every endpoint, called as every kind of caller, with the exact status each must get. The table
 * must list every route the app registers: a new endpoint without rows here fails the test, so
 * the matrix grows with the API. Responses are also checked for leaks of a learner's private
 * note, which must reach no one but its owner.
 */
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../analyzer/analyze.js";
import { files as expressApi } from "../analyzer/test-support/fixtures/node-express-api.js";
import { makeFolder } from "../analyzer/test-support/make-repo.js";
import { storeFinishedReport } from "../store/test-support/finished-analysis.js";
import { newId } from "../store/ids.js";
import { TEST_DIALECTS } from "../store/test-support/test-databases.js";
import { openTestApp, type TestApp, type TestUser } from "./test-support/test-app.js";

const ACTORS = [
  "anonymous",
  "otherLearner",
  "mentorWithoutGrant",
  "mentorWithGrant",
  "recruiter",
  "admin",
  // last: some of the owner's calls change shared state (e.g. revoking a grant)
  "owner",
] as const;
type Actor = (typeof ACTORS)[number];

interface World {
  readonly users: Record<Exclude<Actor, "anonymous">, TestUser>;
  readonly publicLearner: TestUser;
  readonly linkSlug: string;
  readonly privateSlug: string;
  readonly victim: TestUser;
  readonly spareMentor: TestUser;
  readonly grantableMentor: TestUser;
  readonly loginUser: TestUser;
  readonly skillId: string;
  readonly t: TestApp;
}

interface Case {
  readonly name: string;
  readonly request: (w: World) => InjectOptions | Promise<InjectOptions>;
  readonly expected: Record<Actor, number>;
  /**
   * Call as a new user with the actor's role instead of the shared one: for calls that destroy
   * their caller (deleting the account), so later rows still have their actors.
   */
  readonly asFreshUser?: boolean;
}

const SECRET_NOTE = "owner-private-note-7f3a";

/** status for every actor; `rest` fills those not named */
function statuses(rest: number, named: Partial<Record<Actor, number>> = {}): Record<Actor, number> {
  return Object.fromEntries(ACTORS.map((a) => [a, named[a] ?? rest])) as Record<Actor, number>;
}
const signedIn = (status: number, named: Partial<Record<Actor, number>> = {}) =>
  statuses(status, { anonymous: 401, ...named });
const learnersOnly = (status: number) => signedIn(403, { otherLearner: status, owner: status });
const mentorsOnly = (status: number) =>
  signedIn(403, { mentorWithGrant: status, mentorWithoutGrant: status });
const adminOnly = (status: number) => signedIn(403, { admin: status });

/**
 * Data a case needs, made once per world (the case's request runs once per actor): e.g. the
 * owner's endorsement every actor then tries to hide.
 */
const made = new WeakMap<World, Map<string, Promise<unknown>>>();
function oncePerWorld<T>(w: World, key: string, make: () => Promise<T>): Promise<T> {
  const cache = made.get(w) ?? new Map<string, Promise<unknown>>();
  made.set(w, cache);
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as Promise<T>;
}

const ownerGrowthEntry = (w: World, key: string) =>
  oncePerWorld(w, `growth-${key}`, () =>
    w.t.services.growth.create(
      { id: w.users.owner.id, role: "learner" },
      { dimension: "mastery", title: key, what: "w", happenedOn: "2026-01-05", links: [] },
    ),
  );

const newProfile = { track: "python", hoursPerWeek: 6, startDate: "2026-12-01" };

/** Keyed by "METHOD /path" exactly as Fastify registers it; several cases per route allowed. */
const TABLE: Record<string, readonly Case[]> = {
  "GET /healthz": [
    {
      name: "liveness",
      request: () => ({ method: "GET", url: "/healthz" }),
      expected: statuses(200),
    },
  ],
  "GET /readyz": [
    {
      name: "readiness",
      request: () => ({ method: "GET", url: "/readyz" }),
      expected: statuses(200),
    },
  ],
  "POST /api/v1/auth/register": [
    {
      name: "register a new email",
      request: () => ({
        method: "POST",
        url: "/api/v1/auth/register",
        payload: {
          email: `new-${Math.random()}@example.test`,
          password: "long enough pass",
          displayName: "N",
        },
      }),
      expected: statuses(202),
    },
  ],
  "POST /api/v1/auth/login": [
    {
      name: "login with valid credentials",
      request: (w) => ({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: w.loginUser.email, password: w.loginUser.password },
      }),
      expected: statuses(200),
    },
  ],
  "POST /api/v1/auth/refresh": [
    {
      name: "refresh a fresh token",
      request: async (w) => ({
        method: "POST",
        url: "/api/v1/auth/refresh",
        payload: {
          refreshToken: (await w.t.services.auth.login(w.loginUser.email, w.loginUser.password))
            .refreshToken,
        },
      }),
      expected: statuses(200),
    },
  ],
  "POST /api/v1/auth/logout": [
    {
      name: "logout a fresh token",
      request: async (w) => ({
        method: "POST",
        url: "/api/v1/auth/logout",
        payload: {
          refreshToken: (await w.t.services.auth.login(w.loginUser.email, w.loginUser.password))
            .refreshToken,
        },
      }),
      expected: statuses(204),
    },
  ],
  "GET /api/v1/auth/me": [
    {
      name: "me",
      request: () => ({ method: "GET", url: "/api/v1/auth/me" }),
      expected: signedIn(200),
    },
  ],
  "GET /api/v1/users": [
    {
      name: "list users",
      request: () => ({ method: "GET", url: "/api/v1/users" }),
      expected: adminOnly(200),
    },
  ],
  "PATCH /api/v1/users/:userId": [
    {
      name: "change another user's role",
      request: (w) => ({
        method: "PATCH",
        url: `/api/v1/users/${w.victim.id}`,
        payload: { role: "learner" },
      }),
      expected: adminOnly(200),
    },
  ],
  "POST /api/v1/grants": [
    {
      name: "grant a mentor",
      request: (w) => ({
        method: "POST",
        url: "/api/v1/grants",
        payload: { mentorEmail: w.grantableMentor.email },
      }),
      expected: learnersOnly(201),
    },
  ],
  "GET /api/v1/grants": [
    {
      name: "list own grants",
      request: () => ({ method: "GET", url: "/api/v1/grants" }),
      expected: learnersOnly(200),
    },
  ],
  "DELETE /api/v1/grants/:mentorId": [
    {
      name: "revoke the owner's grant to the spare mentor",
      request: (w) => ({ method: "DELETE", url: `/api/v1/grants/${w.spareMentor.id}` }),
      expected: signedIn(403, { otherLearner: 404, owner: 204 }),
    },
  ],
  "GET /api/v1/mentees": [
    {
      name: "list mentees",
      request: () => ({ method: "GET", url: "/api/v1/mentees" }),
      expected: mentorsOnly(200),
    },
  ],
  "GET /api/v1/profile": [
    {
      name: "own profile (only the owner has one yet)",
      request: () => ({ method: "GET", url: "/api/v1/profile" }),
      expected: signedIn(404, { owner: 200 }),
    },
  ],
  "GET /api/v1/profiles/:userId": [
    {
      name: "a private profile",
      request: (w) => ({ method: "GET", url: `/api/v1/profiles/${w.users.owner.id}` }),
      expected: signedIn(404, { owner: 200, admin: 200, mentorWithGrant: 200 }),
    },
    {
      name: "a public profile",
      request: (w) => ({ method: "GET", url: `/api/v1/profiles/${w.publicLearner.id}` }),
      expected: signedIn(200),
    },
    {
      name: "a user without a profile",
      request: (w) => ({ method: "GET", url: `/api/v1/profiles/${w.victim.id}` }),
      expected: signedIn(404),
    },
  ],
  "GET /api/v1/shared-profiles/:slug": [
    {
      name: "a link profile through its link",
      request: (w) => ({ method: "GET", url: `/api/v1/shared-profiles/${w.linkSlug}` }),
      expected: statuses(200),
    },
    {
      name: "a private profile's slug",
      request: (w) => ({ method: "GET", url: `/api/v1/shared-profiles/${w.privateSlug}` }),
      expected: statuses(404),
    },
  ],
  "GET /api/v1/shared-profiles/:slug/verified-skills": [
    {
      name: "a link profile's verified skills through its link",
      request: (w) => ({
        method: "GET",
        url: `/api/v1/shared-profiles/${w.linkSlug}/verified-skills`,
      }),
      expected: statuses(200),
    },
    {
      name: "a private profile's verified skills",
      request: (w) => ({
        method: "GET",
        url: `/api/v1/shared-profiles/${w.privateSlug}/verified-skills`,
      }),
      expected: statuses(404),
    },
  ],
  "GET /api/v1/shared-profiles/:slug/endorsements": [
    {
      name: "a link profile's endorsements through its link",
      request: (w) => ({
        method: "GET",
        url: `/api/v1/shared-profiles/${w.linkSlug}/endorsements`,
      }),
      expected: statuses(200),
    },
    {
      name: "a private profile's endorsements",
      request: (w) => ({
        method: "GET",
        url: `/api/v1/shared-profiles/${w.privateSlug}/endorsements`,
      }),
      expected: statuses(404),
    },
  ],
  "GET /api/v1/shared-profiles/:slug/readiness": [
    {
      name: "a link profile's readiness through its link",
      request: (w) => ({
        method: "GET",
        url: `/api/v1/shared-profiles/${w.linkSlug}/readiness`,
      }),
      expected: statuses(200),
    },
    {
      name: "a private profile's readiness",
      request: (w) => ({
        method: "GET",
        url: `/api/v1/shared-profiles/${w.privateSlug}/readiness`,
      }),
      expected: statuses(404),
    },
  ],
  "GET /api/v1/roadmap": [
    {
      name: "roadmap",
      request: () => ({ method: "GET", url: "/api/v1/roadmap?track=python" }),
      expected: statuses(200),
    },
  ],
  "GET /api/v1/catalog/levels": [
    {
      name: "career levels",
      request: () => ({ method: "GET", url: "/api/v1/catalog/levels" }),
      expected: statuses(200),
    },
  ],
  "GET /api/v1/catalog/certifications": [
    {
      name: "certification catalogue",
      request: () => ({ method: "GET", url: "/api/v1/catalog/certifications" }),
      expected: statuses(200),
    },
  ],
  "GET /api/v1/progress": [
    {
      name: "own progress",
      request: () => ({ method: "GET", url: "/api/v1/progress" }),
      expected: signedIn(200),
    },
  ],
  "GET /api/v1/progress/history": [
    {
      name: "own history",
      request: () => ({ method: "GET", url: "/api/v1/progress/history" }),
      expected: signedIn(200),
    },
  ],
  "GET /api/v1/learners/:userId/progress": [
    {
      name: "the owner's progress",
      request: (w) => ({ method: "GET", url: `/api/v1/learners/${w.users.owner.id}/progress` }),
      expected: signedIn(404, { owner: 200, admin: 200, mentorWithGrant: 200 }),
    },
  ],
  "GET /api/v1/plan": [
    {
      name: "own plan (only the owner has a profile yet)",
      request: () => ({ method: "GET", url: "/api/v1/plan" }),
      expected: signedIn(404, { owner: 200 }),
    },
  ],
  "GET /api/v1/plan.ics": [
    {
      name: "own plan as iCalendar",
      request: () => ({ method: "GET", url: "/api/v1/plan.ics" }),
      expected: signedIn(404, { owner: 200 }),
    },
  ],
  // Career evidence (issue 5). Rows that need data make it through the services first.
  "POST /api/v1/learners/:userId/endorsements": [
    {
      name: "endorse the owner's skill",
      request: (w) => ({
        method: "POST",
        url: `/api/v1/learners/${w.users.owner.id}/endorsements`,
        payload: {
          skillId: w.skillId,
          comment: "solid work",
          evidenceUrl: "https://example.test/pr/7",
        },
      }),
      expected: signedIn(403, { mentorWithoutGrant: 404, mentorWithGrant: 201 }),
    },
  ],
  "GET /api/v1/learners/:userId/endorsements": [
    {
      name: "the owner's endorsements (private profile)",
      request: (w) => ({ method: "GET", url: `/api/v1/learners/${w.users.owner.id}/endorsements` }),
      expected: signedIn(404, { owner: 200, admin: 200, mentorWithGrant: 200 }),
    },
    {
      name: "a public learner's endorsements",
      request: (w) => ({
        method: "GET",
        url: `/api/v1/learners/${w.publicLearner.id}/endorsements`,
      }),
      expected: signedIn(200),
    },
  ],
  "GET /api/v1/endorsements": [
    {
      name: "own endorsements",
      request: () => ({ method: "GET", url: "/api/v1/endorsements" }),
      expected: signedIn(200),
    },
  ],
  "PATCH /api/v1/endorsements/:endorsementId": [
    {
      name: "hide an endorsement of the owner",
      request: async (w) => {
        const made = await oncePerWorld(w, "endorsement", () =>
          w.t.services.endorsements.endorse(
            { id: w.users.mentorWithGrant.id, role: "mentor" },
            w.users.owner.id,
            {
              skillId: w.t.services.roadmap.skills.at(-1)?.id ?? "",
              comment: "c",
              evidenceUrl: "https://example.test/e",
            },
          ),
        );
        return {
          method: "PATCH",
          url: `/api/v1/endorsements/${made.id}`,
          payload: { hidden: true },
        };
      },
      expected: signedIn(404, { owner: 200 }),
    },
  ],
  "POST /api/v1/growth": [
    {
      name: "record own growth",
      request: () => ({
        method: "POST",
        url: "/api/v1/growth",
        payload: { dimension: "impact", title: "t", what: "w", happenedOn: "2026-01-05" },
      }),
      expected: signedIn(201),
    },
  ],
  "GET /api/v1/growth": [
    {
      name: "own growth log",
      request: () => ({ method: "GET", url: "/api/v1/growth" }),
      expected: signedIn(200),
    },
  ],
  "GET /api/v1/growth/summary": [
    {
      name: "own promotion summary",
      request: () => ({ method: "GET", url: "/api/v1/growth/summary" }),
      expected: signedIn(200),
    },
  ],
  "DELETE /api/v1/growth/:entryId": [
    {
      name: "delete the owner's entry",
      request: async (w) => ({
        method: "DELETE",
        url: `/api/v1/growth/${(await ownerGrowthEntry(w, "to-delete")).id}`,
      }),
      expected: signedIn(404, { owner: 204 }),
    },
  ],
  "POST /api/v1/growth/:entryId/comments": [
    {
      name: "comment on the owner's entry",
      request: async (w) => ({
        method: "POST",
        url: `/api/v1/growth/${(await ownerGrowthEntry(w, "commented")).id}/comments`,
        payload: { body: "nice" },
      }),
      expected: signedIn(404, { mentorWithGrant: 201, owner: 403, admin: 403 }),
    },
  ],
  "GET /api/v1/growth/:entryId/comments": [
    {
      name: "read comments on the owner's entry",
      request: async (w) => ({
        method: "GET",
        url: `/api/v1/growth/${(await ownerGrowthEntry(w, "commented")).id}/comments`,
      }),
      expected: signedIn(404, { owner: 200, admin: 200, mentorWithGrant: 200 }),
    },
  ],
  "GET /api/v1/learners/:userId/growth": [
    {
      name: "the owner's growth log",
      request: (w) => ({ method: "GET", url: `/api/v1/learners/${w.users.owner.id}/growth` }),
      expected: signedIn(404, { owner: 200, admin: 200, mentorWithGrant: 200 }),
    },
  ],
  "GET /api/v1/learners/:userId/growth/summary": [
    {
      name: "the owner's promotion summary",
      request: (w) => ({
        method: "GET",
        url: `/api/v1/learners/${w.users.owner.id}/growth/summary`,
      }),
      expected: signedIn(404, { owner: 200, admin: 200, mentorWithGrant: 200 }),
    },
  ],
  "GET /api/v1/certifications": [
    {
      name: "own certifications",
      request: () => ({ method: "GET", url: "/api/v1/certifications" }),
      expected: signedIn(200),
    },
  ],
  "PUT /api/v1/certifications/:certificationId": [
    {
      name: "plan a certification",
      request: (w) => ({
        method: "PUT",
        url: `/api/v1/certifications/${w.t.services.roadmap.certifications[0]?.id ?? ""}`,
        payload: { status: "planned" },
      }),
      expected: signedIn(200),
    },
  ],
  "DELETE /api/v1/certifications/:certificationId": [
    {
      name: "remove a certification only the owner has",
      request: async (w) => {
        const id = w.t.services.roadmap.certifications[1]?.id ?? "";
        await oncePerWorld(w, "certification", () =>
          w.t.services.certifications.save({ id: w.users.owner.id, role: "learner" }, id, {
            status: "planned",
          }),
        );
        return { method: "DELETE", url: `/api/v1/certifications/${id}` };
      },
      expected: signedIn(404, { owner: 204 }),
    },
  ],
  "GET /api/v1/learners/:userId/certifications": [
    {
      name: "the owner's certifications (private profile)",
      request: (w) => ({
        method: "GET",
        url: `/api/v1/learners/${w.users.owner.id}/certifications`,
      }),
      expected: signedIn(404, { owner: 200, admin: 200, mentorWithGrant: 200 }),
    },
    {
      name: "a public learner's certifications",
      request: (w) => ({
        method: "GET",
        url: `/api/v1/learners/${w.publicLearner.id}/certifications`,
      }),
      expected: signedIn(200),
    },
  ],
  "GET /api/v1/practice/due": [
    {
      name: "own due questions",
      request: () => ({ method: "GET", url: "/api/v1/practice/due" }),
      expected: signedIn(200),
    },
  ],
  "GET /api/v1/practice/:skillId": [
    {
      name: "a skill's questions with own schedule",
      request: (w) => ({ method: "GET", url: `/api/v1/practice/${w.skillId}` }),
      expected: signedIn(200),
    },
  ],
  "POST /api/v1/practice/:skillId/:questionIndex/review": [
    {
      name: "grade own answer",
      request: (w) => ({
        method: "POST",
        url: `/api/v1/practice/${w.skillId}/0/review`,
        payload: { grade: 4 },
      }),
      expected: signedIn(200),
    },
  ],
  // Analyses (issue 5): the owner's and the public learner's repositories, each with a finished
  // analysis; the owner's profile is private.
  "GET /api/v1/repositories": [
    {
      name: "own repositories",
      request: () => ({ method: "GET", url: "/api/v1/repositories" }),
      expected: signedIn(200),
    },
  ],
  "GET /api/v1/learners/:userId/repositories": [
    {
      name: "the owner's repositories with their latest analyses",
      request: async (w) => {
        await analysisWorld(w);
        return { method: "GET", url: `/api/v1/learners/${w.users.owner.id}/repositories` };
      },
      expected: signedIn(404, { owner: 200, admin: 200, mentorWithGrant: 200 }),
    },
    {
      name: "a public learner's repositories (working records, not the profile)",
      request: async (w) => {
        await analysisWorld(w);
        return { method: "GET", url: `/api/v1/learners/${w.publicLearner.id}/repositories` };
      },
      expected: signedIn(404, { admin: 200 }),
    },
  ],
  "GET /api/v1/repositories/:repositoryId/analyses": [
    {
      name: "the owner's repository's analyses",
      request: async (w) => ({
        method: "GET",
        url: `/api/v1/repositories/${(await analysisWorld(w)).ownerRepositoryId}/analyses`,
      }),
      expected: signedIn(404, { owner: 200, admin: 200, mentorWithGrant: 200 }),
    },
  ],
  "GET /api/v1/analyses/:analysisId": [
    {
      name: "the owner's analysis",
      request: async (w) => ({
        method: "GET",
        url: `/api/v1/analyses/${(await analysisWorld(w)).ownerAnalysisId}`,
      }),
      expected: signedIn(404, { owner: 200, admin: 200, mentorWithGrant: 200 }),
    },
  ],
  "GET /api/v1/analyses/:analysisId/report": [
    {
      name: "the owner's report",
      request: async (w) => ({
        method: "GET",
        url: `/api/v1/analyses/${(await analysisWorld(w)).ownerAnalysisId}/report`,
      }),
      expected: signedIn(404, { owner: 200, admin: 200, mentorWithGrant: 200 }),
    },
    {
      name: "a public learner's report as Markdown",
      request: async (w) => ({
        method: "GET",
        url: `/api/v1/analyses/${(await analysisWorld(w)).publicAnalysisId}/report?format=md`,
      }),
      expected: signedIn(200),
    },
  ],
  "GET /api/v1/analyses/:analysisId/badge.svg": [
    {
      name: "the owner's badge (private profile)",
      request: async (w) => ({
        method: "GET",
        url: `/api/v1/analyses/${(await analysisWorld(w)).ownerAnalysisId}/badge.svg`,
      }),
      expected: statuses(404, { owner: 200, admin: 200, mentorWithGrant: 200 }),
    },
    {
      name: "a public learner's badge, embeddable without sign-in",
      request: async (w) => ({
        method: "GET",
        url: `/api/v1/analyses/${(await analysisWorld(w)).publicAnalysisId}/badge.svg`,
      }),
      expected: statuses(200),
    },
  ],
  "GET /api/v1/skills/verified": [
    {
      name: "own verified skills",
      request: () => ({ method: "GET", url: "/api/v1/skills/verified" }),
      expected: signedIn(200),
    },
  ],
  "POST /api/v1/repositories/:repositoryId/analyses": [
    {
      name: "queue an analysis of the owner's repository",
      request: async (w) => ({
        method: "POST",
        url: `/api/v1/repositories/${(await analysisWorld(w)).ownerRepositoryId}/analyses`,
      }),
      expected: signedIn(404, { owner: 202 }),
    },
  ],
  "POST /api/v1/repositories": [
    {
      name: "link an https repository",
      request: () => ({
        method: "POST",
        url: "/api/v1/repositories",
        payload: { url: `https://127.0.0.1:9/acme/${newId()}.git` },
      }),
      expected: signedIn(403, { otherLearner: 201, owner: 201, admin: 201 }),
    },
  ],
  "DELETE /api/v1/repositories/:repositoryId": [
    {
      name: "unlink the owner's spare repository",
      request: async (w) => ({
        method: "DELETE",
        url: `/api/v1/repositories/${(await analysisWorld(w)).spareRepositoryId}`,
      }),
      expected: signedIn(404, { owner: 204 }),
    },
  ],
  "GET /api/v1/readiness": [
    {
      name: "own readiness",
      request: () => ({ method: "GET", url: "/api/v1/readiness" }),
      expected: signedIn(200),
    },
  ],
  "GET /api/v1/learners/:userId/readiness": [
    {
      name: "the owner's readiness",
      request: (w) => ({ method: "GET", url: `/api/v1/learners/${w.users.owner.id}/readiness` }),
      expected: signedIn(404, { owner: 200, admin: 200, mentorWithGrant: 200 }),
    },
    {
      name: "a public learner's readiness, as the profile shows it",
      request: (w) => ({
        method: "GET",
        url: `/api/v1/learners/${w.publicLearner.id}/readiness`,
      }),
      expected: signedIn(200),
    },
  ],
  "GET /api/v1/candidates": [
    {
      name: "search candidates",
      request: (w) => ({ method: "GET", url: `/api/v1/candidates?skills=${w.skillId}` }),
      expected: signedIn(403, { recruiter: 200, admin: 200 }),
    },
  ],
  "GET /api/v1/candidates.csv": [
    {
      name: "export the shortlist",
      request: () => ({ method: "GET", url: "/api/v1/candidates.csv?track=python" }),
      expected: signedIn(403, { recruiter: 200, admin: 200 }),
    },
  ],
  "GET /api/v1/me/export": [
    {
      name: "export own data",
      request: () => ({ method: "GET", url: "/api/v1/me/export" }),
      expected: signedIn(200),
    },
  ],
  "GET /api/v1/me/resume": [
    {
      name: "own JSON Resume",
      request: () => ({ method: "GET", url: "/api/v1/me/resume" }),
      expected: signedIn(200),
    },
  ],
  "DELETE /api/v1/me": [
    {
      name: "delete own account (as a fresh user of each role)",
      request: () => ({ method: "DELETE", url: "/api/v1/me" }),
      expected: signedIn(204),
      asFreshUser: true,
    },
  ],
  // Writes come last: they give every caller a profile and progress of their own.
  "PUT /api/v1/progress/:skillId": [
    {
      name: "set own progress",
      request: (w) => ({
        method: "PUT",
        url: `/api/v1/progress/${w.skillId}`,
        payload: { status: "learning" },
      }),
      expected: signedIn(200),
    },
  ],
  "PATCH /api/v1/progress": [
    {
      name: "bulk-set own progress",
      request: (w) => ({
        method: "PATCH",
        url: "/api/v1/progress",
        payload: { changes: [{ skillId: w.skillId, status: "done" }] },
      }),
      expected: signedIn(200),
    },
  ],
  "PUT /api/v1/profile": [
    {
      name: "save own profile",
      request: () => ({ method: "PUT", url: "/api/v1/profile", payload: newProfile }),
      expected: signedIn(200),
    },
  ],
};

interface AnalysisWorld {
  readonly ownerRepositoryId: string;
  readonly spareRepositoryId: string;
  readonly ownerAnalysisId: string;
  readonly publicAnalysisId: string;
}
const analysisWorlds = new WeakMap<World, Promise<AnalysisWorld>>();

/** Repositories with finished analyses (a real report of a fixture), made once per world. */
function analysisWorld(w: World): Promise<AnalysisWorld> {
  let made = analysisWorlds.get(w);
  if (made === undefined) {
    made = (async () => {
      const { repositories, roadmap } = w.t.services;
      const owner = { id: w.users.owner.id, role: "learner" as const };
      const publicOwner = { id: w.publicLearner.id, role: "learner" as const };
      const folder = makeFolder(expressApi);
      const report = await analyze(folder.dir, roadmap.checks).finally(() => folder.cleanup());
      const finished = (repository: { id: string; owner_id: string }) =>
        storeFinishedReport(w.t.services.store.db, repository, report);
      const ownerRepository = await repositories.link(owner, "https://127.0.0.1:9/owner/a.git");
      const spare = await repositories.link(owner, "https://127.0.0.1:9/owner/spare.git");
      const publicRepository = await repositories.link(publicOwner, "https://127.0.0.1:9/p/a.git");
      return {
        ownerRepositoryId: ownerRepository.id,
        spareRepositoryId: spare.id,
        ownerAnalysisId: await finished(ownerRepository),
        publicAnalysisId: await finished(publicRepository),
      };
    })();
    analysisWorlds.set(w, made);
  }
  return made;
}

/** Documentation is public by design and carries no user data. */
const isDocumentation = (url: string) => url === "/docs" || url.startsWith("/docs/");

describe.each(TEST_DIALECTS)("authorization matrix on %s", (dialect) => {
  const registered: string[] = [];
  let w: World;
  beforeAll(async () => {
    const t = await openTestApp(dialect, {
      authRateLimit: { max: 10_000, timeWindowMs: 60_000 },
      beforeReady: (app) => {
        app.addHook("onRoute", (route) => {
          const methods = Array.isArray(route.method) ? route.method : [route.method];
          for (const method of methods) {
            if (method !== "HEAD" && !isDocumentation(route.url))
              registered.push(`${method} ${route.url}`);
          }
        });
      },
    });
    const make = t.makeUser.bind(t);
    const users = {
      otherLearner: await make(),
      mentorWithoutGrant: await make({ role: "mentor" }),
      mentorWithGrant: await make({ role: "mentor" }),
      recruiter: await make({ role: "recruiter" }),
      admin: await make({ role: "admin" }),
      owner: await make(),
    };
    const publicLearner = await make();
    const linkLearner = await make();
    const spareMentor = await make({ role: "mentor" });
    const asCaller = (u: TestUser) => ({ id: u.id, role: u.role });
    const owned = await t.services.profiles.save(asCaller(users.owner), {
      ...newProfile,
      track: "python",
      targetLevel: null,
      visibility: "private",
      headline: "",
    });
    await t.services.profiles.save(asCaller(publicLearner), {
      ...newProfile,
      track: "python",
      targetLevel: null,
      visibility: "public",
      headline: "open to work",
    });
    const linked = await t.services.profiles.save(asCaller(linkLearner), {
      ...newProfile,
      track: "python",
      targetLevel: null,
      visibility: "link",
      headline: "",
    });
    const skillId = t.services.roadmap.skills.find((s) => s.tracks.includes("python"))?.id ?? "";
    await t.services.progress.update(asCaller(users.owner), [
      { skillId, status: "learning", note: SECRET_NOTE },
    ]);
    await t.services.grants.grant(asCaller(users.owner), users.mentorWithGrant.email);
    await t.services.grants.grant(asCaller(users.owner), spareMentor.email);
    w = {
      t,
      users,
      publicLearner,
      linkSlug: linked.share_slug,
      privateSlug: owned.share_slug,
      victim: await make(),
      spareMentor,
      grantableMentor: await make({ role: "mentor" }),
      loginUser: await make(),
      skillId,
    };
  });
  afterAll(async () => {
    await w.t.cleanup();
  });

  it("has rows for every registered route, and none for routes that do not exist", () => {
    expect([...new Set(registered)].sort()).toEqual(Object.keys(TABLE).sort());
  });

  it("gives every caller exactly the expected status on every endpoint, and leaks no private note", async () => {
    const mismatches: string[] = [];
    for (const [route, cases] of Object.entries(TABLE)) {
      for (const testCase of cases) {
        for (const actor of ACTORS) {
          const options = await testCase.request(w);
          const headers =
            actor === "anonymous"
              ? {}
              : testCase.asFreshUser
                ? (await w.t.makeUser({ role: w.users[actor].role })).auth
                : w.users[actor].auth;
          const response = await w.t.app.inject({
            ...options,
            headers: { ...options.headers, ...headers },
          });
          const expected = testCase.expected[actor];
          if (response.statusCode !== expected) {
            mismatches.push(
              `${route} (${testCase.name}) as ${actor}: ${response.statusCode}, expected ${expected}`,
            );
          }
          if (actor !== "owner" && response.body.includes(SECRET_NOTE)) {
            mismatches.push(
              `${route} (${testCase.name}) as ${actor}: leaked the owner's private note`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
