/**
 * An app on a real, migrated database of the given dialect, with cheap password hashing, and a
 * factory that signs users up and in through the services (each test makes its own users).
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance, InjectOptions } from "fastify";
import { createServices, type CompositionOptions, type Services } from "../../composition.js";
import type { Config } from "../../config.js";
import type { Role } from "../../store/database.types.js";
import type { DialectName } from "../../store/dialect.js";
import { openTestStore } from "../../store/test-support/test-databases.js";
import { buildApp } from "../app.js";
import type { AppDeps } from "../app-deps.js";

export const TEST_SCRYPT_COST = { N: 1024, r: 8, p: 1 } as const;

export interface TestUser {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly role: Role;
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly auth: { readonly authorization: string };
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly services: Services;
  makeUser(overrides?: { role?: Role; email?: string }): Promise<TestUser>;
  cleanup(): Promise<void>;
}

export async function openTestApp(
  dialect: DialectName,
  options: Partial<Omit<AppDeps, "services">> &
    Pick<CompositionOptions, "clock" | "inProcessQueue" | "log"> & {
      readonly jobs?: Partial<Config["jobs"]>;
      /** runs before the plugins load, e.g. to add an onRoute hook */
      beforeReady?: (app: FastifyInstance) => void;
    } = {},
): Promise<TestApp> {
  const { store, config: database, cleanup } = await openTestStore(dialect);
  const config: Config = Object.freeze({
    port: 0,
    host: "127.0.0.1",
    dataDir: "/nonexistent",
    // the store is passed in below; the URL is for what connects on its own (pg-boss)
    database,
    jwtSecret: `test-secret-${randomUUID()}`,
    logLevel: "silent",
    jobs: { workers: 1, timeoutSeconds: 60, attempts: 2, retryDelaySeconds: 1, ...options.jobs },
  });
  const services = createServices(config, {
    store,
    scryptCost: TEST_SCRYPT_COST,
    ...(options.clock && { clock: options.clock }),
    ...(options.inProcessQueue && { inProcessQueue: options.inProcessQueue }),
    ...(options.log && { log: options.log }),
  });
  const app = buildApp({
    services,
    ...(options.logger !== undefined && { logger: options.logger }),
    ...(options.bodyLimit !== undefined && { bodyLimit: options.bodyLimit }),
    ...(options.authRateLimit !== undefined && { authRateLimit: options.authRateLimit }),
  });
  options.beforeReady?.(app);
  await app.ready();

  return {
    app,
    services,
    async makeUser(overrides = {}) {
      const role = overrides.role ?? "learner";
      const email = overrides.email ?? `${role}-${randomUUID()}@example.test`;
      const password = "correct horse battery";
      const created = await services.auth.register({
        email,
        password,
        displayName: `A ${role}`,
        role,
      });
      if (!created) throw new Error(`could not create ${email}`);
      const session = await services.auth.login(email, password);
      return {
        id: created.id,
        email,
        password,
        role,
        accessToken: session.accessToken,
        refreshToken: session.refreshToken,
        auth: { authorization: `Bearer ${session.accessToken}` },
      };
    },
    async cleanup() {
      await app.close();
      // stops job workers and the queue's connections before the database is dropped
      await services.close();
      await cleanup();
    },
  };
}

/** `inject` and parse the JSON body (undefined when there is none). */
export async function call(app: FastifyInstance, options: InjectOptions) {
  const response = await app.inject(options);
  const type = String(response.headers["content-type"] ?? "");
  const body: unknown = type.includes("json") && response.body !== "" ? response.json() : undefined;
  return { status: response.statusCode, headers: response.headers, body, text: response.body };
}

/**
 * Saves a Node-track profile for `user` through the API with the given visibility and returns
 * its share path (which only a "link" profile has).
 */
export async function saveTestProfile(
  app: FastifyInstance,
  user: TestUser,
  visibility: string,
): Promise<string> {
  const response = await call(app, {
    method: "PUT",
    url: "/api/v1/profile",
    headers: user.auth,
    payload: { track: "node", hoursPerWeek: 8, startDate: "2026-11-02", visibility },
  });
  if (response.status !== 200) {
    throw new Error(`saving the profile answered ${response.status}: ${response.text}`);
  }
  return (response.body as { sharePath: string }).sharePath;
}
