import { describe, expect, it } from "vitest";
import type { ServiceOf } from "./derive-signals.js";
import type { Endpoint, Evidence, HttpMethod } from "./report.js";
import { testedEndpointCalls, testedEndpointsSignal } from "./tested-endpoints.js";

const ep = (
  method: HttpMethod,
  path: string,
  file = "src/routes.ts",
  resolved = true,
): Endpoint => ({
  method,
  path,
  framework: "express",
  file,
  line: 1,
  resolved,
});

const call = (note: string, file = "test/api.test.ts", line = 1): Evidence => ({
  file,
  line,
  note,
});

const oneService = () => "";

/** The tested_endpoints signal for these endpoints and test calls, as derive-signals makes it. */
const testedEndpoints = (endpoints: Endpoint[], calls: Evidence[], serviceOf: ServiceOf) =>
  testedEndpointsSignal(testedEndpointCalls(endpoints, calls, serviceOf));

/** The endpoints (as "METHOD path") that the calls reach. */
function reached(endpoints: Endpoint[], calls: Evidence[], serviceOf = oneService): string[] {
  return testedEndpoints(endpoints, calls, serviceOf).evidence.map((e) => e.note ?? "");
}

describe("tested endpoints", () => {
  it("matches route parameters of every syntax to the values tests put there", () => {
    const routes = [
      ep("GET", "/api/articles/:slug"),
      ep("GET", "/api/users/{id}"),
      ep("GET", "/api/books/<int:pk>/"),
      ep("GET", "/api/books/"),
    ];
    const calls = [
      call("GET /api/articles/hello-world"),
      call("GET /api/users/42"),
      call("GET /api/books/7/"),
    ];
    expect(reached(routes, calls)).toEqual([
      "GET /api/articles/:slug",
      "GET /api/users/{id}",
      "GET /api/books/<int:pk>/",
    ]);
  });

  it("reads placeholders in test paths as any segment, in each language's syntax", () => {
    const routes = [ep("DELETE", "/api/articles/:slug"), ep("GET", "/api/articles/feed")];
    for (const path of [
      "/api/articles/${slug}",
      "/api/articles/#{article.slug}",
      "/api/articles/{slug}",
      "/api/articles/%s",
      "/api/articles/$slug",
      "/api/articles/:slug",
    ]) {
      expect(reached(routes, [call(`DELETE ${path}`)]), path).toEqual([
        "DELETE /api/articles/:slug",
      ]);
    }
  });

  it("leaves out the scheme and host of a URL, its query string, a trailing slash and letter case", () => {
    const routes = [ep("GET", "/api/Items")];
    expect(reached(routes, [call("GET http://localhost:8000/api/items/?page=2")])).toEqual([
      "GET /api/Items",
    ]);
    expect(reached(routes, [call("GET http://localhost:${}/api/items")])).toEqual([
      "GET /api/Items",
    ]);
  });

  it("takes a literal route over a parameter that would also fit", () => {
    const routes = [ep("GET", "/users/me"), ep("GET", "/users/:id")];
    expect(reached(routes, [call("GET /users/me")])).toEqual(["GET /users/me"]);
    expect(reached(routes, [call("GET /users/7")])).toEqual(["GET /users/:id"]);
  });

  it("takes a parameter over a literal route for a value the test puts in", () => {
    const routes = [
      ep("GET", "/tasks/overdue"),
      ep("GET", "/tasks/{id}"),
      ep("GET", "/tasks/{id}/history"),
      ep("GET", "/reports/daily"),
    ];
    expect(reached(routes, [call("GET /tasks/${}")])).toEqual(["GET /tasks/{id}"]);
    expect(reached(routes, [call("GET /tasks/%d/history")])).toEqual(["GET /tasks/{id}/history"]);
    // With no parameter there, a placeholder still takes a literal segment.
    expect(reached(routes, [call("GET /reports/${}")])).toEqual(["GET /reports/daily"]);
  });

  it("reads a literal ending in a slash as the start of an item path outside Python", () => {
    const routes = [ep("GET", "/api/users/"), ep("GET", "/api/users/:id")];
    // `"/api/users/" + id` in JavaScript, Java or Go
    expect(reached(routes, [call("GET /api/users/")])).toEqual(["GET /api/users/:id"]);
    // Django writes every path with a trailing slash
    expect(reached(routes, [call("GET /api/users/", "app/tests/test_users.py")])).toEqual([
      "GET /api/users/",
    ]);
  });

  it("needs the methods to agree, unless either side accepts any method", () => {
    const routes = [ep("GET", "/items"), ep("POST", "/items"), ep("ANY", "/webhook")];
    expect(reached(routes, [call("PUT /items")])).toEqual([]);
    expect(reached(routes, [call("POST /items")])).toEqual(["POST /items"]);
    expect(reached(routes, [call("ANY /items")])).toEqual(["GET /items", "POST /items"]);
    expect(reached(routes, [call("POST /webhook")])).toEqual(["ANY /webhook"]);
  });

  it("does not count calls without a readable path, unresolved routes or catch-all fallbacks", () => {
    const routes = [
      ep("GET", "<prefix>/users", "src/users.ts", false),
      ep("GET", "/*path"),
      ep("GET", "/health"),
    ];
    const calls = [
      call("GET (path not literal)"),
      call("GET #index", "spec/controllers/users_spec.rb"),
      call("GET /users"),
      call("GET /anything/else"),
    ];
    expect(testedEndpoints(routes, calls, oneService)).toEqual({ value: 0, evidence: [] });
  });

  it("matches an unresolved route whose only unread piece is its prefix by the known end", () => {
    const prefix = "${configService.getOrThrow('app.apiPrefix…}";
    const routes = [
      ep("POST", `${prefix}/v1/auth/email/login`, "src/auth.controller.ts", false),
      ep("GET", `${prefix}/v1/users/:id`, "src/users.controller.ts", false),
      ep("GET", `/v1/<version>/users`, "src/old.controller.ts", false),
    ];
    expect(
      reached(routes, [
        call("POST /api/v1/auth/email/login"),
        call("GET /api/v1/users/${id}"),
        call("GET /v1/x/users"),
      ]),
    ).toEqual([`POST ${prefix}/v1/auth/email/login`, `GET ${prefix}/v1/users/:id`]);
    // the test has to write something where the prefix goes
    expect(reached(routes, [call("POST /v1/auth/email/login")])).toEqual([]);
  });

  it("matches by the end of the path when the test leaves out a prefix or a base URL", () => {
    const routes = [ep("GET", "/api/v1/users"), ep("GET", "/api/v1/users/:id/orders")];
    // a router tested on its own, without the prefix the app mounts it under
    expect(reached(routes, [call("GET /users")])).toEqual(["GET /api/v1/users"]);
    // `${baseUrl}/users/${id}/orders`
    expect(reached(routes, [call("GET ${baseUrl}/users/${id}/orders")])).toEqual([
      "GET /api/v1/users/:id/orders",
    ]);
    // ends that agree only on parameters prove nothing; nor does the root path
    expect(reached(routes, [call("GET /${id}")])).toEqual([]);
    expect(reached(routes, [call("GET /")])).toEqual([]);
  });

  it("matches a test against the endpoints of its own service", () => {
    const serviceOf = (file: string) => file.split("/")[0] ?? "";
    const routes = [
      ep("GET", "/users", "users/src/app.ts"),
      ep("GET", "/users", "admin/src/app.ts"),
    ];
    const calls = [call("GET /users", "admin/test/users.test.ts")];
    const result = testedEndpoints(routes, calls, serviceOf);
    expect(result.value).toBe(1);
    expect(result.evidence).toEqual([
      { file: "admin/test/users.test.ts", line: 1, note: "GET /users" },
    ]);
  });

  it("leaves out the calls of a sample app's tests, whose endpoints are not the app's", () => {
    const routes = [ep("GET", "/contributors", "src/Web/Contributors/List.cs")];
    expect(
      reached(routes, [call("GET /contributors", "sample/tests/FunctionalTests/ListTests.cs")]),
    ).toEqual([]);
    expect(
      reached(routes, [call("GET /contributors", "tests/FunctionalTests/ListTests.cs")]),
    ).toEqual(["GET /contributors"]);
  });

  it("counts each endpoint once, with the first test call that reaches it as evidence", () => {
    const routes = [ep("GET", "/items/:id"), ep("GET", "/items")];
    const calls = [
      call("GET /items/1", "test/a.test.ts", 3),
      call("GET /items/2", "test/b.test.ts", 9),
      call("GET /other", "test/b.test.ts", 12),
    ];
    expect(testedEndpoints(routes, calls, oneService)).toEqual({
      value: 1,
      evidence: [{ file: "test/a.test.ts", line: 3, note: "GET /items/:id" }],
    });
  });
});
