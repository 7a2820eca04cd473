/**
 * Every endpoint, called as every kind of caller, with the exact status each must get. The table
 * must list every route the app registers: a new endpoint without rows here fails the test, so
 * the matrix grows with the API. Responses are also checked for leaks of a learner's private
 * note, which must reach no one but its owner.
 */
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  "GET /api/v1/roadmap": [
    {
      name: "roadmap",
      request: () => ({ method: "GET", url: "/api/v1/roadmap?track=python" }),
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
          const headers = actor === "anonymous" ? {} : w.users[actor].auth;
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
