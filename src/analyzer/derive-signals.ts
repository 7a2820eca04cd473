/**
 * Signals that are judged from other findings rather than read from one file:
 * http_endpoints and crud from the endpoint list, rest_api (JSON served by real endpoints),
 * api_tests from tests that call the app's HTTP endpoints, tested_endpoints from the endpoints
 * those calls reach, api_error_tests from the error statuses those tests check. Every other
 * signal is completed with its "absent" value so that each report names every signal.
 */
import { SIGNALS, SIGNAL_IDS, type SignalId } from "../content/signals.js";
import { singular } from "./detectors/stack-text/inflection.js";
import { isCatchAll, normalizePath } from "./endpoint-paths.js";
import { centralFirst } from "./evidence-order.js";
import { testedEndpointCalls, testedEndpointsSignal } from "./tested-endpoints.js";
import type { Endpoint, Evidence, SignalResult, Signals } from "./report.js";

export function absentSignal(id: SignalId): SignalResult<unknown> {
  switch (SIGNALS[id].type) {
    case "boolean":
      return { value: false, evidence: [] };
    case "number":
      return { value: 0, evidence: [] };
    case "list":
      return { value: [], evidence: [] };
  }
}

const MAX_EVIDENCE = 20;

/** What the tests show of the API: calls to the app's endpoints and error statuses they check. */
export interface ApiTestFindings {
  readonly calls: readonly Evidence[];
  readonly errorChecks: readonly Evidence[];
  /** the endpoints the calls reach (testedEndpointCalls), when the caller has matched them */
  readonly tested?: ReadonlyMap<Endpoint, Evidence>;
}

/** Completes the merged detector signals with the derived ones and absent defaults. */
export function deriveSignals(
  detected: Partial<Signals>,
  endpoints: readonly Endpoint[],
  tests: ApiTestFindings,
  serviceOf: ServiceOf = oneService,
): Signals {
  const { calls: apiTestCalls, errorChecks } = tests;
  const distinct = distinctEndpoints(endpoints, serviceOf);
  const servesJson = detected.rest_api?.value === true;
  const crud = findCrudResource(distinct);

  const derived: Partial<Record<SignalId, SignalResult<unknown>>> = {
    http_endpoints: {
      value: distinct.length,
      // Catch-all fallbacks last: `GET /*path` is a poor example of what the API serves.
      evidence: [...distinct.filter((e) => !isCatchAll(e)), ...distinct.filter(isCatchAll)]
        .slice(0, MAX_EVIDENCE)
        .map((e) => ({ file: e.file, line: e.line, note: `${e.method} ${e.path}` })),
    },
    // JSON output only proves a REST API when the app also has endpoints that serve it.
    rest_api:
      servesJson && distinct.length > 0
        ? { value: true, evidence: detected.rest_api?.evidence ?? [] }
        : { value: false, evidence: [] },
    crud: crud
      ? {
          value: true,
          evidence: crud.map((e) => ({
            file: e.file,
            line: e.line,
            note: `${e.method} ${e.path}`,
          })),
        }
      : { value: false, evidence: [] },
    // Tests call the app's API only when the app serves endpoints: a library's tests that
    // request routes they declare on a throwaway app (a Flask extension's) test the library.
    api_tests:
      apiTestCalls.length > 0 && distinct.length > 0
        ? { value: true, evidence: apiTestCalls.slice(0, MAX_EVIDENCE) }
        : { value: false, evidence: [] },
    tested_endpoints:
      apiTestCalls.length > 0 && distinct.length > 0
        ? testedEndpointsSignal(
            tests.tested ?? testedEndpointCalls(distinct, apiTestCalls, serviceOf),
          )
        : { value: 0, evidence: [] },
    api_error_tests:
      errorChecks.length > 0 && distinct.length > 0
        ? { value: true, evidence: errorChecks.slice(0, MAX_EVIDENCE) }
        : { value: false, evidence: [] },
  };

  const signals = {} as Record<SignalId, SignalResult<unknown>>;
  for (const id of SIGNAL_IDS) {
    const found = detected[id];
    signals[id] =
      derived[id] ??
      (found ? { ...found, evidence: centralFirst(found.evidence) } : absentSignal(id));
  }
  return signals as Signals;
}

/** The service (a folder) an endpoint's file belongs to; see service-roots.ts. */
export type ServiceOf = (file: string) => string;
const oneService: ServiceOf = () => "";

/** One endpoint per service, METHOD and path, keeping the first place it is declared. */
export function distinctEndpoints(
  endpoints: readonly Endpoint[],
  serviceOf: ServiceOf = oneService,
): Endpoint[] {
  const byKey = new Map<string, Endpoint>();
  for (const ep of endpoints) {
    // Unresolved paths lack an unknown prefix: equal ones in different files are different routes.
    const where = ep.resolved ? serviceOf(ep.file) : ep.file;
    const key = `${ep.method} ${normalizePath(ep)} ${where}`;
    // The app's own route where a library's has the same method and path: the app's answers.
    const seen = byKey.get(key);
    if (seen === undefined || (seen.library !== undefined && ep.library === undefined))
      byKey.set(key, ep);
  }
  return [...byKey.values()].sort(
    (a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method),
  );
}

/**
 * A resource has CRUD when its collection path and item path (the collection plus one parameter)
 * together accept create (POST), read (GET), update (PUT or PATCH) and delete (DELETE).
 */
const ACTION_SUFFIX =
  /\/(?:create|store|new|add|list|all|show|get|view|update|edit|delete|destroy|remove|details?|(?:get|find|fetch|list)[-_]?(?:all|one|by[-_]?id))$/i;

/**
 * The last segment of a path that signs in, out or up, or hands out tokens, Devise's and Rails'
 * resources for it included (`/users/sign_in`, `/users/session`, `/users/password`).
 */
const AUTH_ACTION =
  /\/(?:log[-_]?in|log[-_]?out(?:[-_]all)?|sign[-_]?in|sign[-_]?up|sign[-_]?out|register|registrations?|sessions?|passwords?|verification|verify|confirm[-_]?(?:email|mfa|account)|verify[-_]?email|email[-_]?verification|token|refresh|token-refresh|refresh-token|introspect|revoke|me|whoami)\/?$/i;
/** A segment anywhere in a path that puts it in sign-in's second factor or an OAuth flow. */
const AUTH_AREA = /\/(?:mfa|2fa|two[-_]?factor|otp|totp|oauth)(?:\/|$)/i;

/**
 * The last segment of a path that shows the service is up, tries it out or documents it
 * (`/health`, Laravel's `/up`, Kubernetes' `/ready`, `/admin/test`, `/api/documentation/:version`,
 * the spec itself at `/swagger.json` or `/openapi.yaml`): no entity to give the other operations.
 */
const PROBE =
  /\/(?:health|healthz|health-?check|live|liveness|ready|readiness|ping|up|status|metrics|version|test|hello|docs|documentation|swagger|api-docs|openapi)(?:\.json|\.ya?ml)?\/?$/i;
/**
 * A segment anywhere that puts a path in a controller that tries roles or the stack out
 * (`/api/test/admin`) or in the API's documentation (`/swagger/v1_data`, `/api-docs/v2`).
 */
const TRIAL_OR_DOCS_AREA = /\/(?:tests?|swagger|api-docs|openapi|docs|documentation)(?:\/|$)/i;

/** The four operations in the order next steps name them; PATCH counts as PUT (update). */
export const CRUD_VERBS = ["POST", "GET", "PUT", "DELETE"] as const;
export type CrudVerb = (typeof CRUD_VERBS)[number];

/** One resource: its collection path as written in the code and its first endpoint per verb. */
export interface Resource {
  readonly path: string;
  readonly operations: ReadonlyMap<CrudVerb, Endpoint>;
}

function groupByResource(endpoints: readonly Endpoint[]): Resource[] {
  const byKey = new Map<string, { path: string; operations: Map<CrudVerb, Endpoint> }>();
  for (const ep of endpoints) {
    const verb = ep.method === "PATCH" ? "PUT" : ep.method;
    if (!isCrudVerb(verb)) continue;
    // `/categories/create`, `/categories/:id/update`, `/movie/update/{id}`, ASP.NET's
    // `[Route("api/[controller]/[action]")]` giving `/api/Brand/GetById/{id}`: the action named in
    // the path is the verb's job, so the resource is what comes before it.
    const normal = normalizePath(ep).replace(ACTION_SUFFIX, "");
    const onItem = normal.endsWith("/{}");
    const item = onItem ? normal.slice(0, -3) || "/" : normal;
    const key = item.replace(ACTION_SUFFIX, "") || "/";
    // `/books` and `/book/{id}` name one resource, its collection plural and its item singular.
    const resourceKey = singularLastSegment(key);
    const existing = byKey.get(resourceKey);
    const group = existing ?? { path: writtenPrefix(ep.path, key), operations: new Map() };
    // The collection's own path names the resource best (next steps point to it).
    if (existing !== undefined && !onItem && key !== resourceKey)
      group.path = writtenPrefix(ep.path, key);
    if (!group.operations.has(verb)) group.operations.set(verb, ep);
    byKey.set(resourceKey, group);
  }
  return [...byKey.values()];
}

/** The path with its last segment in English singular form (books → book, categories → category). */
function singularLastSegment(path: string): string {
  const at = path.lastIndexOf("/");
  const last = path.slice(at + 1);
  if (last.length < 3 || last === "{}") return path;
  return path.slice(0, at + 1) + singular(last);
}

function isCrudVerb(method: string): method is CrudVerb {
  return (CRUD_VERBS as readonly string[]).includes(method);
}

/** The leading segments of a path as written ("/users/:id/edit" → "/users"), as many as `key` has. */
function writtenPrefix(path: string, key: string): string {
  if (key === "/") return "/";
  return path.split("/").slice(0, key.split("/").length).join("/");
}

/** Returns the four endpoints that prove CRUD for the first resource that has it, or null. */
export function findCrudResource(endpoints: readonly Endpoint[]): Endpoint[] | null {
  for (const { operations } of groupByResource(endpoints)) {
    const proof = CRUD_VERBS.map((verb) => operations.get(verb));
    if (proof.every((ep) => ep !== undefined)) return proof;
  }
  return null;
}

/**
 * The resource that lacks the fewest of the four operations (the first of equals in path order,
 * the root path only when nothing else has as many), for a next step that says which operations
 * to add where; null without any resolved endpoint of a CRUD verb off a sign-in, token or probe
 * path and a lone `GET /`.
 * `distinct` is a distinctEndpoints() list, which is in path order.
 */
export function closestToCrud(distinct: readonly Endpoint[]): Resource | null {
  let best: Resource | null = null;
  // An unresolved path has a piece the analyzer could not read: no place to point the reader to.
  const resolved = distinct.filter((ep) => ep.resolved);
  for (const resource of groupByResource(resolved)) {
    // POST /auth/login is an action on a session, not an entity: "add GET, PUT and DELETE" to it
    // would be wrong advice.
    if ([AUTH_ACTION, AUTH_AREA, PROBE, TRIAL_OR_DOCS_AREA].some((re) => re.test(resource.path)))
      continue;
    // `GET /` alone is a welcome or index page, not a collection to add POST and DELETE to.
    if (resource.path === "/" && resource.operations.size === 1) continue;
    const more = best === null || resource.operations.size > best.operations.size;
    const asManyOffRoot = best?.path === "/" && resource.operations.size === best.operations.size;
    if (more || asManyOffRoot) best = resource;
  }
  return best;
}
