/**
 * Which of the app's endpoints its API tests call. Each test call whose path can be read (a
 * literal, or a template whose placeholders stand for whole segments) is matched against the
 * endpoints by method and path: a route parameter takes any segment, a placeholder in the test
 * any segment of the route. Calls whose path is only known at run time (a `Location` header, a
 * name built from variables) cannot be matched, so the count is a lower bound.
 */
import type { ServiceOf } from "./derive-signals.js";
import { isCatchAll, normalizePath } from "./endpoint-paths.js";
import { inExampleDir } from "./inventory/file-role.js";
import type { Endpoint, Evidence, LibraryEndpoints, SignalResult } from "./report.js";

const MAX_EVIDENCE = 20;

/** A path segment of a test call; null where the test puts a value (`${id}`, `{id}`, `%d`). */
type CallSegment = string | null;

interface TestCall {
  readonly method: string;
  readonly segments: readonly CallSegment[];
  /** the path starts after a base URL held elsewhere (`${base}/users`, RestAssured's "users") */
  readonly openStart: boolean;
  /** the literal ends in "/" and code outside it may add a segment (`"/users/" + id`) */
  readonly openEnd: boolean;
  readonly evidence: Evidence;
}

/** Placeholders in the string syntaxes of the supported stacks: JS/Kotlin, Ruby, Python/Spring/C#, printf. */
const PLACEHOLDER = /\$\{[^}]*\}|#\{[^}]*\}|\{[^}/]*\}|%[sdv]|\$\w+/g;
const MARK = "\u0000";
/** A whole segment that names a parameter the way a route does (`:id`, `<id>`): any value. */
const PARAM_NAME = /^(?::\w+|<(?:\w+:)?\w+>)$/;
const SCHEME_AND_HOST = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i;

/** The endpoint-matching view of one test call, or undefined when its path cannot be read. */
function readTestCall(call: Evidence): TestCall | undefined {
  const m = /^([A-Z]+) (.*)$/.exec(call.note ?? "");
  if (m === null) return undefined;
  const [, method = "", written = ""] = m;
  // "(path not literal)" and a Rails controller test's "#index" name no path.
  if (written.startsWith("(") || written.startsWith("#")) return undefined;
  let path = written.replace(PLACEHOLDER, MARK).replace(SCHEME_AND_HOST, "");
  path = path.replace(/[?#].*$/, "");
  const openStart = !path.startsWith("/");
  const pieces = path.split("/");
  // `${base}/users`: what comes before the first slash is a base URL, not a segment.
  if (openStart) pieces.shift();
  const segments = pieces
    .filter((s) => s !== "")
    .map((s) => (s.includes(MARK) || PARAM_NAME.test(s) ? null : s.toLowerCase()));
  if (segments.length === 0 && openStart) return undefined;
  // Python builds such paths with f-strings, so a trailing slash there is Django's own style.
  const openEnd = written.length > 1 && written.endsWith("/") && !call.file.endsWith(".py");
  return { method, segments, openStart, openEnd, evidence: call };
}

interface Route {
  readonly endpoint: Endpoint;
  /** lower-case literal segments, null for parameters */
  readonly segments: readonly (string | null)[];
  readonly service: string;
  /** the path starts with a prefix that could not be read (`${config.apiPrefix}/v1/users`) */
  readonly openStart: boolean;
}

/** A segment that holds an unread expression (`<expr>`, `${config.get(…)}`), not a parameter. */
const UNREAD = /[<>$…]/;

/**
 * The route of an endpoint: a resolved path, or an unresolved one whose only unread piece is its
 * first segment, a prefix from the configuration (Nest's `${configService.get('app.apiPrefix')}`);
 * undefined for other unresolved paths.
 */
function routeOf(endpoint: Endpoint, serviceOf: ServiceOf): Route | undefined {
  const parts = normalizePath(endpoint)
    .split("/")
    .filter((s) => s !== "");
  const openStart = !endpoint.resolved;
  if (
    openStart &&
    (parts.length < 2 || !UNREAD.test(parts[0] ?? "") || parts.slice(1).some((s) => UNREAD.test(s)))
  ) {
    return undefined;
  }
  const segments = (openStart ? parts.slice(1) : parts).map((s) =>
    s === "{}" ? null : s.toLowerCase(),
  );
  return { endpoint, segments, service: serviceOf(endpoint.file), openStart };
}

function methodsMatch(call: string, route: string): boolean {
  return (
    call === route || call === "ANY" || route === "ANY" || (call === "HEAD" && route === "GET")
  );
}

/**
 * How well the call's segments fit the route's, aligned at their ends, over the last `length`
 * segments: -1 when a literal differs, else 2 per literal that equals one or placeholder that a
 * parameter takes, and 1 per other segment a parameter or placeholder takes. With
 * `needLiteral`, paths without an equal literal do not fit.
 */
function fit(
  call: readonly CallSegment[],
  route: readonly (string | null)[],
  length: number,
  needLiteral = false,
): number {
  let score = 0;
  let literals = 0;
  for (let i = 1; i <= length; i++) {
    const c = call[call.length - i];
    const r = route[route.length - i];
    if (c === undefined || r === undefined) return -1;
    if (c !== null && r !== null) {
      if (c !== r) return -1;
      score += 2;
      literals++;
    } else if (c === null && r === null) {
      // A value the test puts in (`"/tasks/" + id`) where the route takes one: as good a fit as
      // an equal literal, better than a literal route segment (`/tasks/overdue`).
      score += 2;
    } else score += 1;
  }
  return needLiteral && literals === 0 ? -1 : score;
}

/** The routes a call reaches: the best fitting ones of equal length, else of aligned ends. */
function reachedRoutes(call: TestCall, routes: readonly Route[]): Route[] {
  const candidates = routes.filter((r) => methodsMatch(call.method, r.endpoint.method));
  const shapes: (readonly CallSegment[])[] = call.openEnd
    ? [[...call.segments, null], call.segments]
    : [call.segments];
  for (const segments of shapes) {
    const best = bestFits(candidates, (r) =>
      !call.openStart && !r.openStart && r.segments.length === segments.length
        ? fit(segments, r.segments, segments.length)
        : -1,
    );
    if (best.length > 0) return best;
  }
  // A prefix the tests leave out (a router tested on its own, a base URL) or that the route's
  // resolution missed: the ends of the two paths still have to agree.
  // A route's unread prefix stands for one segment or more that the test must have written.
  return bestFits(candidates, (r) =>
    r.openStart && !call.openStart && call.segments.length <= r.segments.length
      ? -1
      : fit(call.segments, r.segments, Math.min(call.segments.length, r.segments.length), true),
  );
}

function bestFits(routes: readonly Route[], score: (route: Route) => number): Route[] {
  let best: Route[] = [];
  let top = -1;
  for (const route of routes) {
    const s = score(route);
    if (s < 0 || s < top) continue;
    if (s > top) {
      top = s;
      best = [];
    }
    best.push(route);
  }
  return best;
}

/**
 * The endpoints (distinct, with known paths or known ends after an unread prefix, fallbacks left
 * out) that some test call reaches, each with the first call to it, in the order of `endpoints`.
 * A test's calls are matched against its own service's endpoints when that service has any;
 * calls in an examples folder's tests are left out.
 */
export function testedEndpointCalls(
  endpoints: readonly Endpoint[],
  testCalls: readonly Evidence[],
  serviceOf: ServiceOf,
): ReadonlyMap<Endpoint, Evidence> {
  const routes = endpoints
    .filter((e) => !isCatchAll(e))
    .flatMap((e) => routeOf(e, serviceOf) ?? []);
  const firstCall = new Map<Endpoint, Evidence>();
  for (const written of testCalls) {
    // A sample app's tests (sample/tests/…) call the sample's endpoints, which are not listed.
    if (inExampleDir(written.file)) continue;
    const call = readTestCall(written);
    if (call === undefined) continue;
    const service = serviceOf(written.file);
    const own = routes.filter((r) => r.service === service);
    for (const route of reachedRoutes(call, own.length > 0 ? own : routes)) {
      if (!firstCall.has(route.endpoint)) firstCall.set(route.endpoint, written);
    }
  }
  return new Map(
    routes.flatMap(({ endpoint }) => {
      const call = firstCall.get(endpoint);
      return call === undefined ? [] : [[endpoint, call] as const];
    }),
  );
}

/** The tested_endpoints signal: how many endpoints a test calls, the first call to each as evidence. */
export function testedEndpointsSignal(
  tested: ReadonlyMap<Endpoint, Evidence>,
): SignalResult<number> {
  const evidence = [...tested].map(([endpoint, call]) => ({
    file: call.file,
    line: call.line,
    note: `${endpoint.method} ${endpoint.path}`,
  }));
  return { value: tested.size, evidence: evidence.slice(0, MAX_EVIDENCE) };
}

/**
 * The endpoints a library adds (`library` set: Devise's, Doorkeeper's, ASP.NET Identity's) among
 * `distinct`, and how many of them a test calls. The share of tested endpoints leaves out those no
 * test calls: the library's own tests cover them, and an app that mounts Devise has fifteen such
 * routes, which no project tests one by one.
 */
export function libraryEndpoints(
  distinct: readonly Endpoint[],
  tested: ReadonlyMap<Endpoint, Evidence>,
): LibraryEndpoints {
  const mounted = distinct.filter((e) => e.library !== undefined);
  return { count: mounted.length, tested: mounted.filter((e) => tested.has(e)).length };
}
