import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import * as goChiApi from "../../test-support/fixtures/go-chi-api.js";
import * as goEchoApi from "../../test-support/fixtures/go-echo-api.js";
import * as goGinApi from "../../test-support/fixtures/go-gin-api.js";
import * as goNethttpApi from "../../test-support/fixtures/go-nethttp-api.js";
import { observeStack } from "../../test-support/stack-fixture-check.js";
import { goStackDetector } from "./index.js";

describe("goStackDetector on the fixture apps", () => {
  it.each([
    ["go-gin-api", goGinApi.files, goGinApi.expected],
    ["go-echo-api", goEchoApi.files, goEchoApi.expected],
    ["go-chi-api", goChiApi.files, goChiApi.expected],
    ["go-nethttp-api", goNethttpApi.files, goNethttpApi.expected],
  ])(
    "reports exactly the frameworks, endpoints and JSON verdict of %s",
    (_name, files, expected) => {
      expect(observeStack(goStackDetector, files)).toEqual(expected);
    },
  );
});

function detect(files: Record<string, string>) {
  return goStackDetector.detect(scanContextFrom(files), {});
}

describe("goStackDetector", () => {
  it("ignores http.Get calls, commented-out routes and routes in _test.go files", () => {
    const paths = (detect(goGinApi.files).endpoints ?? []).map((e) => `${e.method} ${e.path}`);
    expect(paths).not.toContain("GET /only-in-tests");
    expect(paths).not.toContain("DELETE /api/v1/sessions");
    expect(paths.some((p) => p.includes("verify"))).toBe(false);
  });

  it("does not call a CLI that only makes HTTP requests a web framework user", () => {
    const found = detect({
      "main.go": `package main

import "net/http"

func main() {
	resp, _ := http.Get("https://example.com/api/items")
	defer resp.Body.Close()
}
`,
    });
    expect(found.frameworks).toEqual([]);
    expect(found.endpoints).toEqual([]);
    expect(found.signals?.rest_api?.value).toBe(false);
  });

  it("reports a router parameter nobody passes as unresolved rather than dropping its routes", () => {
    const found = detect({
      "routes.go": `package routes

import "github.com/gin-gonic/gin"

func Users(rg *gin.RouterGroup) {
	rg.GET("/users", list)
}
`,
    });
    expect(found.endpoints?.map((e) => [e.method, e.path, e.resolved])).toEqual([
      ["GET", "/users", false],
    ]);
  });

  it("gives each mounted resource its own prefix when two types both have Routes()", () => {
    const found = detect({
      "main.go": `package main

import "github.com/go-chi/chi/v5"

type users struct{}
type posts struct{}

func (users) Routes() chi.Router {
	r := chi.NewRouter()
	r.Get("/", nil)
	return r
}

func (posts) Routes() chi.Router {
	r := chi.NewRouter()
	r.Post("/", nil)
	return r
}

func main() {
	r := chi.NewRouter()
	r.Mount("/users", users{}.Routes())
	r.Mount("/posts", posts{}.Routes())
}
`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${String(e.resolved)}`)).toEqual([
      "POST /posts true",
      "GET /users true",
    ]);
  });

  it("reads gorilla/mux subrouters and their Methods()", () => {
    const found = detect({
      "main.go": `package main

import "github.com/gorilla/mux"

func main() {
	r := mux.NewRouter()
	api := r.PathPrefix("/api").Subrouter()
	api.HandleFunc("/items", list).Methods("GET", "POST")
}
`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.framework}`)).toEqual([
      "GET /api/items gorilla-mux",
      "POST /api/items gorilla-mux",
    ]);
  });

  it("takes routers from go.mod requirements, not from the module line of the router's own repository", () => {
    const declared = (goMod: string) =>
      detect({ "go.mod": goMod }).frameworks?.map((f) => [f.id, f.evidence[0]]);
    expect(declared("module github.com/gin-gonic/gin\n\ngo 1.21\n")).toEqual([]);
    expect(
      declared(
        "module example.com/shop\n\nrequire (\n\tgithub.com/labstack/echo-contrib v0.17.1\n\tgithub.com/labstack/echo/v4 v4.12.0\n)\n",
      ),
    ).toEqual([["echo", { file: "go.mod", line: 5, note: "github.com/labstack/echo/v4" }]]);
  });
});
