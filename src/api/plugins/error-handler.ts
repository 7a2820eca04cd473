/**
 * Every error leaves the API as RFC 9457 problem+json with a stable `code` from the one error
 * catalogue (errors.ts). Known errors keep their message and field details; validation errors list
 * each field with what it accepts; anything unexpected is logged and answered with a generic 500
 * that names the request id, so an operator can find the log line without the client seeing
 * internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  type ZodFastifySchemaValidationError,
} from "fastify-type-provider-zod";
import { z } from "zod";
import {
  DevladderError,
  ERROR_KINDS,
  isDevladderError,
  type ErrorCode,
  type ErrorDetail,
} from "../../errors.js";

const TITLES: Record<ErrorCode, string> = {
  invalid_input: "The request is not valid",
  not_found: "Not found",
  content_invalid: "The roadmap content is broken",
  repository_unavailable: "The repository could not be read",
  score_below_threshold: "The score is below the threshold",
  unauthorized: "Authentication required",
  forbidden: "Not allowed",
  conflict: "Conflict",
  payload_too_large: "The request body is too large",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many requests",
  unavailable: "Service unavailable",
  internal: "Internal server error",
};

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.string(),
    requestId: z.string(),
    errors: z
      .array(z.object({ where: z.string(), problem: z.string(), accepted: z.string().optional() }))
      .optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });

export type Problem = z.infer<typeof problemSchema>;

export function problemFor(error: DevladderError, request: FastifyRequest): Problem {
  const kind = ERROR_KINDS[error.code];
  return {
    // a URN rather than a URL: stable and unique without claiming a web address we do not serve
    type: `urn:devladder:problem:${error.code}`,
    title: TITLES[error.code],
    status: kind.status,
    detail: kind.expose ? error.message : "An unexpected error occurred.",
    instance: request.url,
    code: error.code,
    requestId: request.id,
    ...(kind.expose && error.details.length > 0 && { errors: [...error.details] }),
  };
}

export function sendProblem(reply: FastifyReply, error: DevladderError): FastifyReply {
  return reply
    .code(error.status)
    .type("application/problem+json")
    .send(problemFor(error, reply.request));
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toDevladderError(error);
    if (known) {
      if (known.status >= 500) request.log.error({ err: error }, "request failed");
      return sendProblem(reply, known);
    }
    request.log.error({ err: error }, "unexpected error");
    return sendProblem(
      reply,
      new DevladderError("internal", "unexpected error", [], { cause: error }),
    );
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      new DevladderError("not_found", `no route ${request.method} ${request.url.split("?")[0]}`),
    ),
  );
}

function toDevladderError(error: FastifyError): DevladderError | undefined {
  if (isDevladderError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext ?? "request";
    return new DevladderError(
      "invalid_input",
      "the request does not match the API schema",
      error.validation.flatMap((issue) => detailsOf(context, issue)),
    );
  }
  if (isResponseSerializationError(error)) return undefined;
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new DevladderError("invalid_input", "the request body is not valid JSON", [
        { where: "body", problem: error.message, accepted: "a JSON document" },
      ]);
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new DevladderError("payload_too_large", "the request body is too large");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new DevladderError("unsupported_media_type", "send the body as application/json");
    default:
      break;
  }
  // The JSON parser's own SyntaxError (thrown by JSON.parse) arrives with status 400.
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return new DevladderError("invalid_input", "the request body is not valid JSON", [
      { where: "body", problem: error.message, accepted: "a JSON document" },
    ]);
  }
  return undefined;
}

function detailsOf(context: string, issue: ZodFastifySchemaValidationError): ErrorDetail[] {
  const base = [context, ...issue.instancePath.split("/").filter((p) => p !== "")].join(".");
  const params = issue.params;
  if (issue.keyword === "unrecognized_keys" && Array.isArray(params.keys)) {
    return params.keys.map((key) => ({
      where: `${base}.${String(key)}`,
      problem: "is not a known field",
      accepted: "only the fields the API documents (see /docs)",
    }));
  }
  const detail: ErrorDetail = { where: base, problem: issue.message ?? "is not valid" };
  const accepted = acceptedOf(issue.keyword, params);
  return [accepted === undefined ? detail : { ...detail, accepted }];
}

function acceptedOf(keyword: string, params: Record<string, unknown>): string | undefined {
  switch (keyword) {
    case "invalid_value":
      return Array.isArray(params.values)
        ? `one of: ${params.values.map((v) => String(v)).join(", ")}`
        : undefined;
    case "invalid_type":
      return typeof params.expected === "string" ? `a value of type ${params.expected}` : undefined;
    case "too_small":
      return isBound(params.minimum) ? `at least ${params.minimum}` : undefined;
    case "too_big":
      return isBound(params.maximum) ? `at most ${params.maximum}` : undefined;
    case "invalid_format":
      return typeof params.format === "string" ? `a ${params.format}` : undefined;
    default:
      return undefined;
  }
}

function isBound(value: unknown): value is number | bigint | string {
  return typeof value === "number" || typeof value === "bigint" || typeof value === "string";
}
