/**
 * Bearer-token authentication: `requireCaller` is the onRequest hook of every route that needs a
 * signed-in user; it checks the token (and that the account still exists and is enabled) and
 * stores the Caller on the request. Handlers read it back with `callerOf`.
 */
import type { FastifyRequest, onRequestAsyncHookHandler } from "fastify";
import { DevladderError } from "../../errors.js";
import type { AuthService } from "../../services/auth.service.js";
import type { Caller } from "../../services/caller.js";

declare module "fastify" {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

export function authenticator(auth: AuthService): onRequestAsyncHookHandler {
  return async (request) => {
    const header = request.headers.authorization;
    const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      throw new DevladderError("unauthorized", "sign in and send 'Authorization: Bearer <token>'");
    }
    request.caller = await auth.authenticate(match[1]);
  };
}

export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) {
    // a route that reads the caller without the authenticate hook is a programming error
    throw new DevladderError("internal", "route is missing the authenticate hook");
  }
  return request.caller;
}
