/** What buildApp needs: the services from the composition root, and the app's own limits. */
import type { FastifyServerOptions } from "fastify";
import type { Services } from "../composition.js";

export interface RateLimitSettings {
  /** attempts per window per client address, for login and register */
  readonly max: number;
  readonly timeWindowMs: number;
}

export interface AppDeps {
  readonly services: Services;
  readonly logger?: FastifyServerOptions["logger"];
  /** largest JSON body accepted, in bytes */
  readonly bodyLimit?: number;
  readonly authRateLimit?: RateLimitSettings;
}

export const DEFAULT_BODY_LIMIT = 64 * 1024;
export const DEFAULT_AUTH_RATE_LIMIT: RateLimitSettings = { max: 10, timeWindowMs: 60_000 };
