/** An API failure the user can be told about: the problem+json detail and its field errors. */
import type { Problem } from "./api-types.js";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** field-level problems, keyed by the field name without its "body." prefix */
  readonly fieldErrors: ReadonlyMap<string, string>;
  readonly requestId: string | null;

  constructor(status: number, problem: Problem | null, fallback: string, options?: ErrorOptions) {
    super(problem?.detail ?? fallback, options);
    this.name = "ApiError";
    this.status = status;
    this.code = problem?.code ?? (status === 0 ? "network" : "unknown");
    this.requestId = problem?.requestId ?? null;
    this.fieldErrors = new Map(
      (problem?.errors ?? []).map((e) => [
        e.where.replace(/^(body|querystring|params)\./, ""),
        e.accepted ? `${e.problem} (${e.accepted})` : e.problem,
      ]),
    );
  }
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" &&
    value !== null &&
    "status" in value &&
    "detail" in value &&
    "code" in value &&
    typeof value.detail === "string" &&
    typeof value.code === "string"
  );
}

/** A sentence for any error a page catches, so no failure shows up as a blank screen. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    return error.requestId ? `${error.message} (request ${error.requestId})` : error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
