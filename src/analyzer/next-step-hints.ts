/**
 * Makes next steps specific to the repository: names an endpoint to test, the resource closest
 * to create/read/update/delete and the operations it lacks, the count of
 * untested endpoints and examples of them, where secrets were found, and the tools of the repository's own stack
 * ("with supertest", "with Flyway or Liquibase"). Keys are the facts whose criteria the hint
 * completes.
 */
import type { FactId } from "../content/signals.js";
import {
  closestToCrud,
  CRUD_VERBS,
  distinctEndpoints,
  type CrudVerb,
  type ServiceOf,
} from "./derive-signals.js";
import { hasPathParameter, isCatchAll } from "./endpoint-paths.js";
import type {
  Endpoint,
  Evidence,
  FrameworkFinding,
  GitSummary,
  HttpMethod,
  Signals,
} from "./report.js";
import {
  backendFrameworkName,
  frameworksOfStack,
  ormMigrationHint,
  stackOf,
  stackToolHints,
  type Stack,
} from "./stack-tools.js";

const NOSQL_NAMES: Readonly<Record<string, string>> = {
  mongodb: "MongoDB",
  redis: "Redis",
  dynamodb: "DynamoDB",
  cassandra: "Cassandra",
  elasticsearch: "Elasticsearch",
  firestore: "Firestore",
};

export function nextStepHints(
  endpoints: readonly Endpoint[],
  signals: Signals,
  frameworks: readonly FrameworkFinding[] = [],
  languages: readonly string[] = [],
  serviceOf?: ServiceOf,
  tested?: ReadonlyMap<Endpoint, Evidence>,
): Partial<Record<FactId, string>> {
  const stack = stackOf(frameworks, languages);
  const hints: Partial<Record<FactId, string>> = {};
  // Counted as http_endpoints counts them (per service, as analyze gives `serviceOf`), so the
  // step and the check's reason agree.
  const distinct = distinctEndpoints(endpoints, serviceOf);
  const write = exampleOf(distinct, ["POST"]) ?? exampleOf(distinct, HTTP_METHODS);
  if (!signals.api_tests.value && write) {
    hints.api_tests = `${distinct.length} endpoint${distinct.length === 1 ? "" : "s"}, none exercised by a test: start with ${write.method} ${write.path}`;
  }
  if (signals.api_tests.value && tested !== undefined) {
    const untested = untestedHint(distinct, tested);
    if (untested) hints["endpoints.tested_share"] = untested;
  }
  if (!signals.api_error_tests.value) {
    const failures = failureCases(distinct, frameworks);
    if (failures) hints.api_error_tests = failures;
  }
  const secrets = signals.committed_secrets.value.length;
  const firstSecret = signals.committed_secrets.evidence[0];
  if (secrets > 0 && firstSecret) {
    const place = `${firstSecret.file}:${firstSecret.line}`;
    hints.committed_secrets =
      secrets === 1 ? `found at ${place}` : `${secrets} found, the first at ${place}`;
  }
  if (!signals.input_validation.value) {
    const body = exampleOf(distinct, ["POST", "PUT", "PATCH"]);
    if (body) hints.input_validation = `e.g. the body of ${body.method} ${body.path}`;
  }
  if (distinct.length > 0 && distinct.length < 3) {
    // "POST /signup and POST /login so far": what the few endpoints are, so the step reads as
    // "more than these" rather than as if the API answered nothing but a health check.
    hints.http_endpoints = `${andList(distinct.map((e) => `${e.method} ${e.path}`))} so far`;
  }
  if (!signals.crud.value) {
    const crud = crudHint(distinct);
    if (crud) hints.crud = crud;
  }
  const nosql = signals.nosql_databases.value;
  if (!signals.sql_database.value && nosql.length > 0) {
    const names = nosql.map((id) => NOSQL_NAMES[id] ?? id).join(" and ");
    hints.sql_database = `the data is in ${names} now; this check asks for a relational one`;
  }
  for (const [fact, tool] of Object.entries(stackToolHints(stack, frameworks)) as [
    FactId,
    string,
  ][]) {
    const existing = hints[fact];
    hints[fact] = existing === undefined ? tool : `${existing}; ${tool}`;
  }
  const migrations = ormMigrationHint(signals.orms.value);
  if (migrations) hints.migrations = migrations;
  const runner = declaredRunner(signals.test_frameworks.value, stack);
  if (!signals.tests.value && runner)
    hints.tests = `with ${runner}, which this repository declares`;
  hints.rest_api = jsonApiHint(frameworks, stack);
  return hints;
}

const CONVENTION_NAMES: Readonly<Record<NonNullable<GitSummary["commit_convention"]>, string>> = {
  conventional: "Conventional Commits",
  gitmoji: "gitmoji",
  scope: 'an area prefix such as "api: …"',
};

/**
 * Next steps made specific by the history: the commit convention the repository already uses
 * most, so the step says to keep to it rather than to start another.
 */
export function gitHints(git: GitSummary | null): Partial<Record<FactId, string>> {
  const convention = git?.commit_convention;
  if (convention === undefined || convention === null) return {};
  return {
    "git.commit_convention_share": `most of those that follow one use ${CONVENTION_NAMES[convention]}; keep to that`,
  };
}

/**
 * The framework the repository already has; else the usual ones of its language's stack; else
 * examples from the roadmap's tracks.
 */
function jsonApiHint(frameworks: readonly FrameworkFinding[], stack: Stack | null): string {
  const framework = backendFrameworkName(frameworks);
  if (framework) return `with ${framework}, which this repository already uses`;
  if (stack) return `e.g. with ${frameworksOfStack(stack)}`;
  return "e.g. Django REST framework, Spring Boot or Fastify/NestJS";
}

/**
 * Test runners a repository declares as a dependency, by name, with the stack they serve.
 * Helpers (supertest, Mockito), browser end-to-end tools and the standard library's runners
 * (unittest, Go's testing, found from imports) are not: the first are no runner, the others are
 * not a choice the owner made.
 */
const RUNNERS: Readonly<Record<string, { name: string; stacks: readonly Stack[] }>> = {
  jest: { name: "Jest", stacks: ["node"] },
  vitest: { name: "Vitest", stacks: ["node"] },
  mocha: { name: "Mocha", stacks: ["node"] },
  ava: { name: "AVA", stacks: ["node"] },
  jasmine: { name: "Jasmine", stacks: ["node"] },
  tap: { name: "tap", stacks: ["node"] },
  pytest: { name: "pytest", stacks: ["python"] },
  rspec: { name: "RSpec", stacks: ["ruby"] },
  minitest: { name: "Minitest", stacks: ["ruby"] },
  phpunit: { name: "PHPUnit", stacks: ["php"] },
  pest: { name: "Pest", stacks: ["php"] },
  junit: { name: "JUnit", stacks: ["spring", "jaxrs"] },
  testng: { name: "TestNG", stacks: ["spring", "jaxrs"] },
  xunit: { name: "xUnit", stacks: ["dotnet"] },
  nunit: { name: "NUnit", stacks: ["dotnet"] },
  mstest: { name: "MSTest", stacks: ["dotnet"] },
};

/**
 * The first test runner the repository declares for its backend's stack (a NestJS app's Jest),
 * or null: a front end's Vitest is no runner for a FastAPI backend's tests.
 */
function declaredRunner(testFrameworks: readonly string[], stack: Stack | null): string | null {
  if (stack === null) return null;
  const runners = testFrameworks.map((id) => RUNNERS[id]);
  return runners.find((runner) => runner?.stacks.includes(stack))?.name ?? null;
}

const HTTP_METHODS: readonly HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * The first endpoint of one of `methods` to name as an example, preferring one whose path was
 * read in full and says more than "/" (POST /token rather than POST /).
 */
function exampleOf(
  endpoints: readonly Endpoint[],
  methods: readonly HttpMethod[],
): Endpoint | undefined {
  const candidates = endpoints.filter((e) => methods.includes(e.method));
  return candidates.find((e) => e.resolved && e.path !== "/" && !isCatchAll(e)) ?? candidates[0];
}

/**
 * "no test calls 12 of the 30, e.g. POST /orders and GET /orders/:id": a change and a read no
 * test calls, so the step names where to start.
 */
function untestedHint(
  distinct: readonly Endpoint[],
  tested: ReadonlyMap<Endpoint, Evidence>,
): string | null {
  // A library's routes that no test calls are left out, as the tested share leaves them out.
  const counted = distinct.filter((e) => e.library === undefined || tested.has(e));
  const untested = counted.filter((e) => !tested.has(e));
  const examples = [
    exampleOf(untested, ["POST", "PUT", "PATCH", "DELETE"]),
    exampleOf(untested, ["GET"]),
  ].flatMap((e) => (e ? [`${e.method} ${e.path}`] : []));
  if (untested.length === 0 || examples.length === 0) return null;
  return `no test calls ${untested.length} of the ${counted.length}, e.g. ${andList(examples)}`;
}

/**
 * Frameworks whose own validation answers an invalid body with 422 Unprocessable Entity
 * (FastAPI's and Django Ninja's RequestValidationError, Laravel's ValidationException, Rails'
 * `status: :unprocessable_entity` convention); the others answer 400 Bad Request, plain Flask
 * and flask-restx's `validate=True` among them.
 */
const UNPROCESSABLE_FRAMEWORKS: ReadonlySet<string> = new Set([
  "fastapi",
  "ninja",
  "django-ninja",
  "laravel",
  "rails",
]);

/**
 * Extensions whose validation answers 422 on the routes of the framework they extend, which the
 * routes are reported under: Flask-smorest parses bodies with webargs, which aborts with 422.
 */
const UNPROCESSABLE_EXTENSIONS: Readonly<Record<string, string>> = { flask: "flask-smorest" };

/** The status a framework's own validation answers an invalid body with. */
function invalidBodyStatus(endpoint: Endpoint, frameworks: readonly FrameworkFinding[]): number {
  if (UNPROCESSABLE_FRAMEWORKS.has(endpoint.framework)) return 422;
  const extension = UNPROCESSABLE_EXTENSIONS[endpoint.framework];
  return extension !== undefined && frameworks.some((f) => f.id === extension) ? 422 : 400;
}

/** Two failure cases of the repository's own API for its tests to check, where it has them. */
function failureCases(
  distinct: readonly Endpoint[],
  frameworks: readonly FrameworkFinding[],
): string | null {
  const write = exampleOf(distinct, ["POST", "PUT", "PATCH"]);
  // A catch-all (`GET /*path`, an SPA fallback) takes no id.
  const read = distinct.find((e) => e.method === "GET" && hasPathParameter(e) && !isCatchAll(e));
  const invalid = write ? invalidBodyStatus(write, frameworks) : 400;
  const cases = [
    write && `${write.method} ${write.path} with an invalid body should answer ${invalid}`,
    read && `GET ${read.path} for an id that does not exist should answer 404`,
  ].filter((c): c is string => typeof c === "string");
  return cases.length === 0 ? null : `e.g. ${cases.join("; ")}`;
}

/** "/accounts has POST and GET so far: add PUT or PATCH and DELETE", for the closest resource. */
function crudHint(distinct: readonly Endpoint[]): string | null {
  const resource = closestToCrud(distinct);
  if (resource === null) return null;
  const present = CRUD_VERBS.flatMap((verb) => resource.operations.get(verb)?.method ?? []);
  const missing = CRUD_VERBS.filter((verb) => !resource.operations.has(verb)).map(verbWords);
  return `${resource.path} has ${andList(present)} so far: add ${andList(missing)}`;
}

function verbWords(verb: CrudVerb): string {
  return verb === "PUT" ? "PUT or PATCH" : verb;
}

function andList(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1] ?? ""}`;
}
