/**
 * How each Go router joins a group's prefix and a route's path, as its source does it; a
 * trailing slash is a different route in Gin, Echo and Chi, so the served path keeps it.
 *
 * - Gin (`joinPaths` in utils.go): an empty relative path keeps the group's path as it is;
 *   otherwise `path.Join`, then a slash is added back when the relative path ends with one. So
 *   `Group("/tasks")` + `""` serves `/tasks`, and `Group("/tasks").Group("/")` + `""` serves
 *   `/tasks/` (Gin redirects `/tasks` there).
 * - Echo (group.go, router.go's `normalizePathSlash`): the prefix and the path are concatenated
 *   as written, then a missing leading slash is added (`""` is `/`). `Group("/")` + `"/users"`
 *   serves `//users`, as Echo's own issue #1784 describes.
 * - ozzo-routing (group.go, router.go's `addRoute`): the prefix and the path concatenated, as
 *   Echo does.
 * - Chi (mux.go): `Mount`/`Route` serve the sub-router's `/` at the mount path itself; another
 *   route keeps its trailing slash.
 * - The others (net/http, Fiber, gorilla/mux): segments joined with single slashes.
 */
import { joinUrlPath } from "../stack-text/url-path.js";

/** A group's or mount's prefix under its parent's. */
export function joinGoPrefix(framework: string | null, prefix: string, path: string): string {
  if (framework === "gin") return ginJoin(prefix, path);
  if (framework === "echo" || framework === "ozzo-routing") return prefix + path;
  return joinUrlPath(prefix, path);
}

/** The path a route is served at, under one of its router's prefixes. */
export function servedGoPath(framework: string | null, prefix: string, path: string): string {
  if (framework === "gin") return ginJoin(prefix, path);
  if (framework === "echo" || framework === "ozzo-routing") {
    const joined = prefix + path;
    return joined.startsWith("/") ? joined : `/${joined}`;
  }
  const joined = joinUrlPath(prefix, path);
  if (framework !== "chi") return joined;
  return path.length > 1 && path.endsWith("/") && joined !== "/" ? `${joined}/` : joined;
}

/** Gin's `joinPaths`, with the engine's base path `/` for a router nobody groups. */
function ginJoin(prefix: string, path: string): string {
  const base = prefix === "" ? "/" : prefix;
  if (path === "") return base;
  const joined = joinUrlPath(base, path);
  return path.endsWith("/") && !joined.endsWith("/") ? `${joined}/` : joined;
}
