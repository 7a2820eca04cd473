import { describe, expect, it } from "vitest";
import { SIGNAL_IDS, SIGNALS } from "../content/signals.js";
import { absentFactValue } from "../content/test-support/absent-fact-value.js";
import { gitHints, nextStepHints } from "./next-step-hints.js";
import type { Endpoint, FrameworkFinding, Signals } from "./report.js";
import { sampleGit } from "./test-support/evidence-report.js";

function signals(overrides: Partial<Record<string, unknown>> = {}): Signals {
  return Object.fromEntries(
    SIGNAL_IDS.map((id) => [
      id,
      { value: id in overrides ? overrides[id] : absentFactValue(SIGNALS[id].type), evidence: [] },
    ]),
  ) as unknown as Signals;
}

const framework = (id: string): FrameworkFinding => ({
  id,
  category: "backend",
  confidence: "declared+used",
  evidence: [],
});
const post: Endpoint = {
  method: "POST",
  path: "/api/articles",
  framework: "express",
  file: "src/app.js",
  line: 3,
  resolved: true,
};

describe("nextStepHints", () => {
  it("names the repository's own stack's tools, after the repository-specific hint", () => {
    const express = nextStepHints([post], signals(), [framework("react"), framework("express")]);
    expect(express.api_tests).toBe(
      "1 endpoint, none exercised by a test: start with POST /api/articles; with supertest",
    );
    expect(express.lint_config).toBe("with ESLint");
    expect(express.central_error_handling).toBe(
      "with an error-handling middleware (err, req, res, next)",
    );
    const go = nextStepHints([], signals(), [framework("gin")]);
    expect(go.tests).toBe("with the testing package");
    expect(go.api_docs).toBe("with swaggo/swag");
    expect(nextStepHints([], signals(), []).tests).toBeUndefined();
    expect(express.rest_api).toBe("with Express, which this repository already uses");
    expect(go.rest_api).toBe("with Gin, which this repository already uses");
    const jaxrs = nextStepHints([], signals(), [framework("jax-rs")]);
    expect(jaxrs.api_tests).toBe("with RestAssured or the Jersey Test Framework");
    expect(jaxrs.api_docs).toBe("with swagger-core's JAX-RS integration or MicroProfile OpenAPI");
    const spring = nextStepHints([], signals(), [framework("spring-boot")]);
    expect(spring.api_docs).toBe("with springdoc-openapi");
    expect(spring.central_error_handling).toBe(
      "with a @RestControllerAdvice and @ExceptionHandler methods",
    );
    expect(jaxrs.central_error_handling).toBe("with ExceptionMapper providers");
    expect(spring.logging).toBe("with SLF4J and Logback");
    expect(nextStepHints([], signals(), [framework("aspnetcore")]).central_error_handling).toBe(
      "with UseExceptionHandler and ProblemDetails",
    );
    expect(nextStepHints([], signals(), [framework("react")]).rest_api).toBe(
      "e.g. Django REST framework, Spring Boot or Fastify/NestJS",
    );
    // Without a backend framework, the first language that has a stack decides.
    const typescript = nextStepHints([], signals(), [framework("react")], ["JSON", "TypeScript"]);
    expect(typescript.rest_api).toBe("e.g. with Express, Fastify or NestJS");
    expect(typescript.api_tests).toBe("with supertest");
    const flask = nextStepHints([], signals(), [framework("flask")], ["TypeScript"]);
    expect(flask.rest_api).toBe("with Flask, which this repository already uses");
    expect(flask.tests).toBe("with pytest");
  });

  it("names the framework's own way where it has one, not every framework's of its stack", () => {
    const fastapi = nextStepHints([], signals(), [framework("fastapi")]);
    expect(fastapi.central_error_handling).toBe("with @app.exception_handler");
    expect(fastapi.api_tests).toBe("with FastAPI's TestClient");
    expect(fastapi.tests).toBe("with pytest");
    // Django itself has no entry: DRF, listed after it, names the way.
    const drf = nextStepHints([], signals(), [
      framework("django"),
      framework("djangorestframework"),
    ]);
    expect(drf.api_docs).toBe("with drf-spectacular");
    expect(drf.central_error_handling).toBe("with a custom EXCEPTION_HANDLER in DRF's settings");
    // NestJS runs on Express: Nest's own way, even when Express is found first.
    const nest = nextStepHints([], signals(), [framework("express"), framework("nestjs")]);
    expect(nest.api_docs).toBe("with @nestjs/swagger");
    expect(nest.central_error_handling).toBe(
      "with an exception filter (@Catch) registered with app.useGlobalFilters",
    );
    expect(nest.logging).toBe("with Nest's Logger or nestjs-pino");
    const express = nextStepHints([], signals(), [framework("express")]);
    expect(express.api_docs).toBe("with swagger-jsdoc and swagger-ui-express");
    expect(express.logging).toBe("with pino or winston");
    // A framework of another stack (a Go service beside a FastAPI one) lends no way.
    expect(
      nextStepHints([], signals(), [framework("chi"), framework("fastapi")]).central_error_handling,
    ).toBe("with a recovery and error-writing middleware");
    // Echo and Gin have their own, which is what the check looks for.
    expect(nextStepHints([], signals(), [framework("echo")]).central_error_handling).toBe(
      "with a custom e.HTTPErrorHandler",
    );
    expect(nextStepHints([], signals(), [framework("gin")]).central_error_handling).toBe(
      "with one middleware that writes c.Errors after c.Next(), or gin.CustomRecovery",
    );
  });

  it("names the test runner the repository declares when it has no test yet", () => {
    const express = [framework("express")];
    const declared = signals({ test_frameworks: ["supertest", "jest"] });
    expect(nextStepHints([], declared, express).tests).toBe(
      "with Jest, which this repository declares",
    );
    expect(nextStepHints([], signals(), express).tests).toBe("with Vitest or Jest");
    // A helper alone is no runner: the stack's runners are named.
    const helper = signals({ test_frameworks: ["supertest"] });
    expect(nextStepHints([], helper, express).tests).toBe("with Vitest or Jest");
    // A front end's Vitest beside a FastAPI backend: the backend's runner is named.
    const fullStack = signals({ test_frameworks: ["vitest"] });
    expect(nextStepHints([], fullStack, [framework("fastapi")]).tests).toBe("with pytest");
  });

  it("names the migrations of the ORM the repository uses", () => {
    const nest = [framework("nestjs")];
    expect(nextStepHints([], signals({ orms: ["typeorm"] }), nest).migrations).toBe(
      "with TypeORM's migrations",
    );
    expect(
      nextStepHints([], signals({ orms: ["sqlalchemy"] }), [framework("fastapi")]).migrations,
    ).toBe("with Alembic");
    expect(nextStepHints([], signals(), nest).migrations).toBe(
      "with your ORM's migrations: Prisma, TypeORM or Knex",
    );
    // EF Core has no entry of its own: the stack's words already name its migrations.
    expect(
      nextStepHints([], signals({ orms: ["ef-core"] }), [framework("aspnetcore")]).migrations,
    ).toBe("with EF Core migrations");
    expect(nextStepHints([], signals({ orms: ["doctrine"] })).migrations).toBe(
      "with Doctrine Migrations (doctrine:migrations:diff)",
    );
  });

  it("says where the data is when a NoSQL store stands in for the relational database", () => {
    const mongo = nextStepHints([], signals({ nosql_databases: ["mongodb"] }));
    expect(mongo.sql_database).toBe(
      "the data is in MongoDB now; this check asks for a relational one",
    );
    expect(nextStepHints([], signals()).sql_database).toBeUndefined();
  });

  it("names the few endpoints there are when the API has fewer than three", () => {
    const login = { ...post, path: "/login" };
    const signup = { ...post, path: "/signup", line: 13 };
    expect(nextStepHints([signup, login], signals()).http_endpoints).toBe(
      "POST /login and POST /signup so far",
    );
    expect(nextStepHints([login, signup, post], signals()).http_endpoints).toBeUndefined();
    expect(nextStepHints([], signals()).http_endpoints).toBeUndefined();
  });

  it("names the resource closest to CRUD and the operations it lacks", () => {
    const at = (method: Endpoint["method"], path: string, line: number): Endpoint => ({
      ...post,
      method,
      path,
      line,
    });
    const endpoints = [
      at("GET", "/", 1),
      at("GET", "/accounts", 2),
      at("POST", "/accounts", 3),
      at("PATCH", "/accounts/:id", 4),
      at("POST", "/transfers", 5),
    ];
    expect(nextStepHints(endpoints, signals()).crud).toBe(
      "/accounts has POST, GET and PATCH so far: add DELETE",
    );
    expect(nextStepHints([at("GET", "/", 1), at("GET", "/users/{id}", 2)], signals()).crud).toBe(
      "/users has GET so far: add POST, PUT or PATCH and DELETE",
    );
    expect(nextStepHints([at("GET", "/", 1), at("POST", "/", 2)], signals()).crud).toBe(
      "/ has POST and GET so far: add PUT or PATCH and DELETE",
    );
    // Signing in or up is not an entity to give CRUD: the step names none rather than /auth/login.
    const auth = [at("POST", "/auth/login", 1), at("POST", "/auth/register", 2)];
    expect(nextStepHints([...auth, at("GET", "/users/me", 3)], signals()).crud).toBeUndefined();
    expect(nextStepHints([...auth, at("GET", "/todos", 4)], signals()).crud).toBe(
      "/todos has GET so far: add POST, PUT or PATCH and DELETE",
    );
    const unresolved = { ...at("GET", "/<HealthPath>", 6), resolved: false };
    expect(nextStepHints([unresolved], signals()).crud).toBeUndefined();
    expect(nextStepHints(endpoints, signals({ crud: true })).crud).toBeUndefined();
    expect(nextStepHints([], signals()).crud).toBeUndefined();
  });

  it("names no resource for CRUD in a welcome page, a probe, the API docs or a sign-in resource", () => {
    const at = (method: Endpoint["method"], path: string, line: number): Endpoint => ({
      ...post,
      method,
      path,
      line,
    });
    const probes = [
      at("GET", "/", 1),
      at("GET", "/api/v1/admin/test", 2),
      at("GET", "/up", 3),
      at("GET", "/health", 4),
      at("POST", "/api/v1/auth/login", 5),
      at("GET", "/swagger.json", 6),
      at("GET", "/api/openapi.yaml", 7),
    ];
    expect(nextStepHints(probes, signals()).crud).toBeUndefined();
    // Devise's and Rails' sign-in resources and the API's own documentation are no entity either.
    const rails = [
      at("GET", "/api/documentation/:version", 1),
      at("POST", "/api/users/session", 2),
      at("DELETE", "/api/users/session", 3),
      at("POST", "/api/users/registration", 4),
      at("GET", "/users/sign_in", 5),
      at("PUT", "/users/password", 6),
    ];
    expect(nextStepHints(rails, signals()).crud).toBeUndefined();
    // An auth service's e-mail confirmation, second factor and token introspection, a test
    // controller's role probes, and Kubernetes' liveness and readiness probes.
    const auth = [
      at("POST", "/confirm-email", 1),
      at("POST", "/mfa/setup", 2),
      at("POST", "/mfa/disable", 3),
      at("GET", "/introspect", 4),
      at("POST", "/logout-all", 5),
      at("GET", "/api/v1/test/admin", 6),
      at("GET", "/api/v1/test/all", 7),
      at("GET", "/live", 8),
      at("GET", "/ready", 9),
      at("GET", "/swagger/v1_data", 10),
    ];
    expect(nextStepHints(auth, signals()).crud).toBeUndefined();
    expect(nextStepHints([...probes, at("GET", "/api/v1/products", 6)], signals()).crud).toBe(
      "/api/v1/products has GET so far: add POST, PUT or PATCH and DELETE",
    );
  });

  it("names failure cases of the repository's own endpoints for its tests to check", () => {
    const at = (method: Endpoint["method"], path: string): Endpoint => ({ ...post, method, path });
    const endpoints = [at("GET", "/api/articles"), post, at("GET", "/api/articles/:slug")];
    expect(nextStepHints(endpoints, signals()).api_error_tests).toBe(
      "e.g. POST /api/articles with an invalid body should answer 400; " +
        "GET /api/articles/:slug for an id that does not exist should answer 404",
    );
    expect(nextStepHints([at("GET", "/users/{id}")], signals()).api_error_tests).toBe(
      "e.g. GET /users/{id} for an id that does not exist should answer 404",
    );
    expect(nextStepHints([at("GET", "/health")], signals()).api_error_tests).toBeUndefined();
    // An SPA fallback route is no item to ask for by id, nor the first example of the API.
    const fallback = [at("GET", "/*path"), at("POST", "/*path"), ...endpoints];
    expect(nextStepHints(fallback, signals()).api_error_tests).toBe(
      "e.g. POST /api/articles with an invalid body should answer 400; " +
        "GET /api/articles/:slug for an id that does not exist should answer 404",
    );
    expect(
      nextStepHints(endpoints, signals({ api_error_tests: true })).api_error_tests,
    ).toBeUndefined();
  });

  it("expects 422 for an invalid body where the framework's validation answers so", () => {
    const fastapi = (method: Endpoint["method"], path: string): Endpoint => ({
      ...post,
      method,
      path,
      framework: "fastapi",
    });
    const endpoints = [fastapi("POST", "/api/v1/items"), fastapi("GET", "/api/v1/items/{id}")];
    expect(nextStepHints(endpoints, signals()).api_error_tests).toBe(
      "e.g. POST /api/v1/items with an invalid body should answer 422; " +
        "GET /api/v1/items/{id} for an id that does not exist should answer 404",
    );
  });

  it("expects 422 from a Flask-smorest app's routes, 400 from plain Flask's", () => {
    const flask: Endpoint = { ...post, path: "/pets", framework: "flask" };
    const framework = (id: string): FrameworkFinding => ({
      id,
      category: "backend",
      confidence: "declared+used",
      evidence: [],
    });
    const step = (frameworks: FrameworkFinding[]) =>
      nextStepHints([flask], signals(), frameworks, ["Python"]).api_error_tests;
    expect(step([framework("flask"), framework("flask-smorest")])).toBe(
      "e.g. POST /pets with an invalid body should answer 422",
    );
    expect(step([framework("flask")])).toBe(
      "e.g. POST /pets with an invalid body should answer 400",
    );
  });

  it("names how many endpoints no test calls, with a change and a read to test first", () => {
    const at = (method: Endpoint["method"], path: string): Endpoint => ({ ...post, method, path });
    const list = at("GET", "/api/articles");
    const read = at("GET", "/api/articles/:slug");
    const remove = at("DELETE", "/api/articles/:slug");
    const endpoints = [list, post, read, remove];
    const call = { file: "test/articles.test.js", line: 5 };
    const hint = (tested: Endpoint[], apiTests = true) =>
      nextStepHints(
        endpoints,
        signals({ api_tests: apiTests }),
        [],
        [],
        undefined,
        new Map(tested.map((e) => [e, call])),
      )["endpoints.tested_share"];
    expect(hint([list])).toBe(
      "no test calls 3 of the 4, e.g. POST /api/articles and GET /api/articles/:slug",
    );
    expect(hint([list, post, read])).toBe(
      "no test calls 1 of the 4, e.g. DELETE /api/articles/:slug",
    );
    expect(hint(endpoints)).toBeUndefined();
    // Without API tests the api_tests step says it all.
    expect(hint([], false)).toBeUndefined();
  });

  it("names an endpoint with a path that says something, counted as http_endpoints counts", () => {
    const at = (method: Endpoint["method"], path: string, resolved = true): Endpoint => ({
      ...post,
      method,
      path,
      resolved,
    });
    const endpoints = [
      at("POST", "/"),
      at("POST", "/<prefix>/items", false),
      at("POST", "/token"),
      at("POST", "/token"),
      at("PUT", "/users/{id}"),
    ];
    const hints = nextStepHints(endpoints, signals());
    expect(hints.api_tests).toBe("4 endpoints, none exercised by a test: start with POST /token");
    expect(hints.input_validation).toBe("e.g. the body of POST /token");
    expect(nextStepHints([at("GET", "/")], signals()).api_tests).toBe(
      "1 endpoint, none exercised by a test: start with GET /",
    );
  });

  it("counts two services' equal routes apart, as http_endpoints does", () => {
    const health = (file: string): Endpoint => ({ ...post, method: "GET", path: "/health", file });
    const routes = [health("orders/src/app.js"), health("billing/src/app.js")];
    const serviceOf = (file: string) => file.slice(0, file.indexOf("/"));
    expect(nextStepHints(routes, signals(), [], [], serviceOf).api_tests).toBe(
      "2 endpoints, none exercised by a test: start with GET /health",
    );
    expect(nextStepHints(routes, signals()).api_tests).toBe(
      "1 endpoint, none exercised by a test: start with GET /health",
    );
  });

  it("says how many credentials were found and where the first one is", () => {
    const found = (values: string[]) =>
      nextStepHints(
        [],
        Object.assign(signals(), {
          committed_secrets: { value: values, evidence: [{ file: ".env", line: 4 }] },
        }),
      ).committed_secrets;
    expect(found(["password at .env:4"])).toBe("found at .env:4");
    expect(found(["password at .env:4", "api-key at .env:9"])).toBe("2 found, the first at .env:4");
    expect(found([])).toBeUndefined();
  });
});

describe("gitHints", () => {
  it("names the commit convention the repository already uses most, and none when it uses none", () => {
    expect(gitHints({ ...sampleGit, commit_convention: "scope" })).toEqual({
      "git.commit_convention_share":
        'most of those that follow one use an area prefix such as "api: …"; keep to that',
    });
    expect(gitHints({ ...sampleGit, commit_convention: null })).toEqual({});
    expect(gitHints(null)).toEqual({});
  });
});
