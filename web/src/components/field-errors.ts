/** The API's problems with single fields, read from whatever a form's last submission threw. */
import { ApiError } from "../api/api-error.js";

/** The problem with one field, when the failure was the API rejecting the input. */
export function fieldErrorOf(error: unknown, name: string): string | undefined {
  return error instanceof ApiError ? error.fieldErrors.get(name) : undefined;
}

/**
 * The problems with a list field and its items (`links`, `links.0`, `links.3`) as one line, or
 * "" when there are none, so a list shows its errors under the one input that edits it.
 */
export function fieldErrorsUnder(error: unknown, prefix: string): string {
  if (!(error instanceof ApiError)) return "";
  return [...error.fieldErrors]
    .filter(([where]) => where.startsWith(prefix))
    .map(([, problem]) => problem)
    .join("; ");
}
