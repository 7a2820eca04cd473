/**
 * The one error catalogue. Every failure the product knows about is a DevladderError with a
 * stable code, the HTTP status and CLI exit code it maps to at the edges, and whether its
 * message is safe to show to a user. Domain code throws these; the CLI and the API map them once.
 */
export const ERROR_KINDS = {
  /** The caller gave input we cannot accept (bad option, unknown id, malformed date). */
  invalid_input: { status: 400, exitCode: 2, expose: true },
  /** Something the caller named does not exist (or must not be revealed). */
  not_found: { status: 404, exitCode: 2, expose: true },
  /** The roadmap content is broken: a developer/content-author error, not the user's. */
  content_invalid: { status: 500, exitCode: 1, expose: true },
  /** A repository could not be read or cloned. */
  repository_unavailable: { status: 422, exitCode: 1, expose: true },
  /** The analysis score fell below the --fail-under gate. */
  score_below_threshold: { status: 422, exitCode: 3, expose: true },
  /** The caller is not signed in, or their credentials are wrong or expired. */
  unauthorized: { status: 401, exitCode: 2, expose: true },
  /** The caller is signed in but their role may not do this. */
  forbidden: { status: 403, exitCode: 2, expose: true },
  /** The change clashes with the current state (e.g. a grant that already exists). */
  conflict: { status: 409, exitCode: 2, expose: true },
  /** The request body is larger than the server accepts. */
  payload_too_large: { status: 413, exitCode: 2, expose: true },
  /** The request body is in a format the server does not read (not JSON). */
  unsupported_media_type: { status: 415, exitCode: 2, expose: true },
  /** Too many attempts in a short time; try again later. */
  rate_limited: { status: 429, exitCode: 2, expose: true },
  /** A dependency the service needs (the database) cannot be reached. */
  unavailable: { status: 503, exitCode: 1, expose: true },
  /** Anything we did not anticipate. Never shown verbatim. */
  internal: { status: 500, exitCode: 1, expose: false },
} as const satisfies Record<string, { status: number; exitCode: number; expose: boolean }>;

export type ErrorCode = keyof typeof ERROR_KINDS;

export interface ErrorDetail {
  /** where the problem is: a field, an option, or file#path */
  readonly where: string;
  readonly problem: string;
  /** what would have been accepted */
  readonly accepted?: string;
}

export class DevladderError extends Error {
  readonly code: ErrorCode;
  readonly details: readonly ErrorDetail[];

  constructor(
    code: ErrorCode,
    message: string,
    details: readonly ErrorDetail[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "DevladderError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_KINDS[this.code].status;
  }

  get exitCode(): number {
    return ERROR_KINDS[this.code].exitCode;
  }

  get expose(): boolean {
    return ERROR_KINDS[this.code].expose;
  }
}

export const invalidInput = (message: string, details: readonly ErrorDetail[] = []) =>
  new DevladderError("invalid_input", message, details);

export const notFound = (message: string, details: readonly ErrorDetail[] = []) =>
  new DevladderError("not_found", message, details);

export function isDevladderError(error: unknown): error is DevladderError {
  return error instanceof DevladderError;
}
