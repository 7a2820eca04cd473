import { describe, expect, it } from "vitest";
import { SIGNAL_IDS } from "../content/signals.js";
import { deriveSignals, distinctEndpoints, findCrudResource } from "./derive-signals.js";
import { isCatchAll } from "./endpoint-paths.js";
import type { Endpoint, HttpMethod } from "./report.js";

const NO_TESTS = { calls: [], errorChecks: [] };

const ep = (method: HttpMethod, path: string, line = 1): Endpoint => ({
  method,
  path,
  framework: "express",
  file: "src/routes.ts",
  line,
  resolved: true,
});

describe("deriveSignals", () => {
  it("names every catalogue signal, with absent values when nothing was detected", () => {
    const signals = deriveSignals({}, [], NO_TESTS);
    expect(Object.keys(signals).sort()).toEqual([...SIGNAL_IDS].sort());
    expect(signals.tests).toEqual({ value: false, evidence: [] });
    expect(signals.test_files).toEqual({ value: 0, evidence: [] });
    expect(signals.orms).toEqual({ value: [], evidence: [] });
  });

  it("counts distinct METHOD + path pairs as http_endpoints", () => {
    const signals = deriveSignals(
      {},
      [ep("GET", "/a"), ep("GET", "/a", 9), ep("POST", "/a")],
      NO_TESTS,
    );
    expect(signals.http_endpoints.value).toBe(2);
  });

  it("names catch-all fallback routes last in the http_endpoints evidence", () => {
    const routes = [
      ep("GET", "/*path", 66),
      ep("GET", "/api/items", 3),
      ep("GET", "/files/{*slug}", 9),
    ];
    const notes = deriveSignals({}, routes, NO_TESTS).http_endpoints.evidence.map((e) => e.note);
    expect(notes).toEqual(["GET /api/items", "GET /*path", "GET /files/{*slug}"]);
    expect(isCatchAll(ep("GET", "/docs/[...slug]"))).toBe(true);
    expect(isCatchAll(ep("GET", "/files/:path*"))).toBe(true);
    expect(isCatchAll(ep("GET", "/users/:id"))).toBe(false);
  });

  it("reports a REST API only when JSON output comes with endpoints", () => {
    const json = { rest_api: { value: true, evidence: [{ file: "src/app.ts", line: 3 }] } };
    expect(deriveSignals(json, [], NO_TESTS).rest_api.value).toBe(false);
    expect(deriveSignals(json, [ep("GET", "/x")], NO_TESTS).rest_api).toEqual(json.rest_api);
    expect(deriveSignals({}, [ep("GET", "/x")], NO_TESTS).rest_api.value).toBe(false);
  });

  it("turns API test calls into the api_tests signal", () => {
    const calls = [{ file: "test/api.test.ts", line: 4, note: "GET /api/x" }];
    expect(deriveSignals({}, [ep("GET", "/api/x")], { calls, errorChecks: [] }).api_tests).toEqual({
      value: true,
      evidence: calls,
    });
  });

  it("turns error statuses checked by those tests into api_error_tests", () => {
    const calls = [{ file: "test/api.test.ts", line: 4, note: "POST /api/x" }];
    const errorChecks = [{ file: "test/api.test.ts", line: 6, note: ".expect(400" }];
    const endpoints = [ep("POST", "/api/x")];
    const signals = deriveSignals({}, endpoints, { calls, errorChecks });
    expect(signals.api_error_tests).toEqual({ value: true, evidence: errorChecks });
    expect(deriveSignals({}, endpoints, { calls, errorChecks: [] }).api_error_tests.value).toBe(
      false,
    );
  });

  it("takes no API tests in a repository that serves no endpoint: a library's tests call routes they declare", () => {
    const calls = [{ file: "tests/test_extension.py", line: 9, note: "GET /service+path" }];
    const errorChecks = [{ file: "tests/test_extension.py", line: 10, note: "status_code, 403" }];
    const signals = deriveSignals({}, [], { calls, errorChecks });
    expect(signals.api_tests).toEqual({ value: false, evidence: [] });
    expect(signals.api_error_tests).toEqual({ value: false, evidence: [] });
  });
});

describe("findCrudResource", () => {
  it("finds create, read, update and delete across the collection and item paths", () => {
    const found = findCrudResource([
      ep("GET", "/api/articles"),
      ep("POST", "/api/articles"),
      ep("GET", "/api/articles/:slug"),
      ep("PATCH", "/api/articles/:slug"),
      ep("DELETE", "/api/articles/:slug"),
    ]);
    expect(found?.map((e) => e.method)).toEqual(["POST", "GET", "PATCH", "DELETE"]);
  });

  it("accepts the parameter syntaxes of Spring, Django and Rails alike", () => {
    for (const param of ["{id}", "<int:pk>", ":id", "(?P<pk>[0-9]+)"]) {
      const found = findCrudResource([
        ep("POST", "/users/"),
        ep("GET", `/users/${param}/`),
        ep("PUT", `/users/${param}/`),
        ep("DELETE", `/users/${param}/`),
      ]);
      expect(found, param).not.toBeNull();
    }
  });

  it("reads actions named in the path (/create, /:id/update, /:id/delete) as the same resource", () => {
    const found = findCrudResource([
      ep("GET", "/api/categories/"),
      ep("POST", "/api/categories/create"),
      ep("PUT", "/api/categories/:id/update"),
      ep("DELETE", "/api/categories/:id/delete"),
    ]);
    expect(found?.map((e) => e.path)).toEqual([
      "/api/categories/create",
      "/api/categories/",
      "/api/categories/:id/update",
      "/api/categories/:id/delete",
    ]);
  });

  it("reads an action before the id (/update/{id}, /delete/{id}) as the same resource", () => {
    const found = findCrudResource([
      ep("POST", "/movie/add"),
      ep("GET", "/movie/show"),
      ep("PUT", "/movie/update/{id}"),
      ep("DELETE", "/movie/delete/{id}"),
    ]);
    expect(found?.map((e) => e.path)).toEqual([
      "/movie/add",
      "/movie/show",
      "/movie/update/{id}",
      "/movie/delete/{id}",
    ]);
  });

  it("reads ASP.NET's action-named routes (/GetAll, /GetById/{id}) as the same resource", () => {
    const found = findCrudResource([
      ep("GET", "/api/Brand/GetAll"),
      ep("GET", "/api/Brand/GetById/{id:int}"),
      ep("POST", "/api/Brand/Create"),
      ep("PUT", "/api/Brand/Update/{id:int}"),
      ep("DELETE", "/api/Brand/Delete/{id:int}"),
    ]);
    expect(found?.map((e) => e.path)).toEqual([
      "/api/Brand/Create",
      "/api/Brand/GetAll",
      "/api/Brand/Update/{id:int}",
      "/api/Brand/Delete/{id:int}",
    ]);
    expect(
      findCrudResource([
        ep("POST", "/books/add"),
        ep("GET", "/books/find-by-id/:id"),
        ep("PATCH", "/books/edit/:id"),
        ep("DELETE", "/books/remove/:id"),
      ])?.length,
    ).toBe(4);
  });

  it("takes a plural collection and a singular item path (/books, /book/<id>) for one resource", () => {
    const found = findCrudResource([
      ep("GET", "/api/v1/book/<book_id>"),
      ep("PUT", "/api/v1/book/<book_id>"),
      ep("DELETE", "/api/v1/book/<book_id>"),
      ep("GET", "/api/v1/books"),
      ep("POST", "/api/v1/books"),
    ]);
    expect(found?.map((e) => `${e.method} ${e.path}`)).toEqual([
      "POST /api/v1/books",
      "GET /api/v1/book/<book_id>",
      "PUT /api/v1/book/<book_id>",
      "DELETE /api/v1/book/<book_id>",
    ]);
    expect(
      findCrudResource([
        ep("POST", "/categories"),
        ep("GET", "/category/:id"),
        ep("PUT", "/category/:id"),
        ep("DELETE", "/category/:id"),
      ]),
    ).not.toBeNull();
  });

  it("does not call a resource CRUD when one of the four operations is missing", () => {
    expect(
      findCrudResource([
        ep("GET", "/a"),
        ep("POST", "/a"),
        ep("PUT", "/a/:id"),
        ep("DELETE", "/b/:id"),
      ]),
    ).toBeNull();
  });
});

describe("distinctEndpoints", () => {
  it("keeps apart unresolved paths whose unreadable pieces differ", () => {
    const unresolved = (path: string): Endpoint => ({ ...ep("POST", path), resolved: false });
    const list = distinctEndpoints([unresolved("/<TodoItems>"), unresolved("/<TodoLists>")]);
    expect(list.map((e) => e.path)).toEqual(["/<TodoItems>", "/<TodoLists>"]);
  });

  it("keeps apart equal unresolved paths from different files (their unknown prefixes may differ)", () => {
    const unresolved = (file: string): Endpoint => ({
      ...ep("GET", "/:id"),
      file,
      resolved: false,
    });
    const list = distinctEndpoints([
      unresolved("src/routes/users.js"),
      unresolved("src/routes/items.js"),
      unresolved("src/routes/items.js"),
    ]);
    expect(list.map((e) => e.file)).toEqual(["src/routes/users.js", "src/routes/items.js"]);
  });

  it("keeps apart equal routes of two services, and merges them within one", () => {
    const at = (file: string, method: HttpMethod = "GET", path = "/"): Endpoint => ({
      ...ep(method, path),
      file,
    });
    const serviceOf = (file: string) => file.split("/").slice(0, 2).join("/");
    const routes = [
      at("services/orders/src/app.ts"),
      at("services/users/src/app.ts"),
      at("services/users/src/health.ts"),
      at("services/users/src/v2.ts", "GET", "/items/:id"),
      at("services/users/src/v1.ts", "GET", "/items/:itemId"),
    ];
    expect(distinctEndpoints(routes, serviceOf).map((e) => `${e.path} ${e.file}`)).toEqual([
      "/ services/orders/src/app.ts",
      "/ services/users/src/app.ts",
      "/items/:id services/users/src/v2.ts",
    ]);
    expect(distinctEndpoints(routes)).toHaveLength(2);
    expect(deriveSignals({}, routes, NO_TESTS, serviceOf).http_endpoints.value).toBe(3);
  });

  it("still reads Django's <int:pk> in a resolved path as a parameter", () => {
    const list = distinctEndpoints([ep("GET", "/a/<int:pk>/"), ep("GET", "/a/<slug:slug>/")]);
    expect(list).toHaveLength(1);
  });

  it("keeps the first declaration of the same route written with different parameter names", () => {
    const list = distinctEndpoints([
      ep("GET", "/a/:id", 3),
      ep("GET", "/a/:slug", 7),
      ep("GET", "/a/"),
    ]);
    expect(list.map((e) => `${e.method} ${e.path} ${e.line}`)).toEqual([
      "GET /a/ 1",
      "GET /a/:id 3",
    ]);
  });
});
