/**
 * What the history worker and its caller say to each other, and how an error crosses the
 * thread boundary: structured cloning keeps an Error's message but not its class, so a
 * DevladderError travels as its code, message and details and is built again on arrival.
 */
import { DevladderError, type ErrorCode, type ErrorDetail } from "../../errors.js";
import type { GitSummary } from "../report.js";

export interface HistoryWorkerData {
  readonly root: string;
  readonly fullHistory: boolean;
  /** hold the metadata walk until "files-read" arrives (see GitHistoryOptions.metadataAfter) */
  readonly waitForFiles: boolean;
}

export type ToHistoryWorker = "files-read" | "files-failed" | "abort";

export interface SerializedError {
  readonly message: string;
  readonly code?: ErrorCode;
  readonly details?: readonly ErrorDetail[];
  readonly stack?: string;
}

export type FromHistoryWorker =
  | { readonly kind: "progress"; readonly commits: number }
  | { readonly kind: "done"; readonly summary: GitSummary }
  | { readonly kind: "failed"; readonly error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof DevladderError) {
    return { message: error.message, code: error.code, details: error.details };
  }
  if (error instanceof Error) {
    return { message: error.message, ...(error.stack !== undefined && { stack: error.stack }) };
  }
  return { message: String(error) };
}

export function deserializeError(error: SerializedError): Error {
  if (error.code !== undefined) {
    return new DevladderError(error.code, error.message, error.details ?? []);
  }
  const rebuilt = new Error(error.message);
  if (error.stack !== undefined) rebuilt.stack = error.stack;
  return rebuilt;
}
