/** Joining route segments into a full URL path, the way routers concatenate prefixes. */

/**
 * Joins prefix and path segments with single slashes; the result starts with `/` and has no
 * trailing slash (except the root itself). `joinUrlPath("/api/", "users/")` is `/api/users`.
 */
export function joinUrlPath(...segments: readonly string[]): string {
  const parts = segments.flatMap((s) => s.split("/")).filter((p) => p.length > 0);
  return `/${parts.join("/")}`;
}

/** Placeholder for a path piece that could not be resolved statically, e.g. `<Paths.USERS>`. */
export function unresolvedPiece(expr: string): string {
  return `<${expr.replace(/\s+/g, " ").trim()}>`;
}
