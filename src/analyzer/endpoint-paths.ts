/**
 * Endpoint paths compared across frameworks: route parameters in each framework's syntax
 * (`:id`, `{id}`, `<int:pk>`, `[id]`, …) written as `{}`, and catch-all segments told apart.
 */
import type { Endpoint } from "./report.js";

/** Route parameters in the syntaxes of the supported frameworks, all written as `{}` for comparison. */
const PARAM_SEGMENT = /^(:\w+\??|\{[^}]*\}|<[^>]*>|\[[^\]]*\]|\(\?P<\w+>[^)]*\)|\*\w*)$/;
/** In an unresolved path, `<expression>` marks a piece that could not be read, not a parameter. */
const UNRESOLVED_PIECE = /^<[^>]*>$/;

/**
 * A segment that takes the rest of the path: Rails' `*path`, ASP.NET's `{*slug}`, Next.js'
 * `[...slug]`, Express' `:path*`. Such routes are fallbacks (an SPA's index page), not resources.
 */
const CATCH_ALL_SEGMENT = /^(?:\*\w*|\{\*\*?[^}]*\}|\[\[?\.\.\.[^\]]*\]\]?|:\w+[*+])$/;

/** Whether a path ends in, or holds, a catch-all segment. */
export function isCatchAll(endpoint: Pick<Endpoint, "path">): boolean {
  return endpoint.path.split("/").some((segment) => CATCH_ALL_SEGMENT.test(segment));
}

/** Whether a resolved path takes a parameter (`/articles/:id`, `/users/{id}`, …). */
export function hasPathParameter(endpoint: Pick<Endpoint, "path" | "resolved">): boolean {
  return endpoint.resolved && normalizePath(endpoint).split("/").includes("{}");
}

export function normalizePath(endpoint: Pick<Endpoint, "path" | "resolved">): string {
  const { path } = endpoint;
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  return trimmed
    .split("/")
    .map((segment) =>
      PARAM_SEGMENT.test(segment) && (endpoint.resolved || !UNRESOLVED_PIECE.test(segment))
        ? "{}"
        : segment,
    )
    .join("/");
}
