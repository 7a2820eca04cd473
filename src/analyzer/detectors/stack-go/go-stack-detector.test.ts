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
  return goStackDetector.detect(scanContextFrom(files));
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

  it("follows package-qualified calls to their own package, through files that import no web package", () => {
    const found = detect({
      "go.mod":
        "module example.com/shop\n\ngo 1.22\n\nrequire github.com/labstack/echo/v4 v4.11.0\n",
      "pkg/server/server.go": `package server

import (
\t"github.com/go-playground/validator"
\t"github.com/labstack/echo/v4"
)

func New() *echo.Echo {
\te := echo.New()
\t_ = validator.New()
\treturn e
}
`,
      "pkg/api/api.go": `package api

import (
\t"example.com/shop/pkg/server"
\tat "example.com/shop/pkg/auth/transport"
\tut "example.com/shop/pkg/user/transport"
)

func Start() {
\te := server.New()
\tat.NewHTTP(e)
\tv1 := e.Group("/v1")
\tut.NewHTTP(v1)
}
`,
      "pkg/auth/transport/http.go": `package transport

import "github.com/labstack/echo/v4"

func NewHTTP(e *echo.Echo) {
\te.POST("/login", login)
}
`,
      "pkg/user/transport/http.go": `package transport

import "github.com/labstack/echo/v4"

func NewHTTP(r *echo.Group) {
\tur := r.Group("/users")
\tur.GET("/:id", view)
}
`,
      "pkg/util/validator/validator.go": "package validator\n\nfunc New() int { return 1 }\n",
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.resolved}`)).toEqual([
      "POST /login true",
      "GET /v1/users/:id true",
    ]);
  });

  it("reads a Gin group whose prefix is written in parentheses of its own", () => {
    const found = detect({
      "go.mod": "module todo\n\nrequire github.com/gin-gonic/gin v1.10.0\n",
      "cmd/api/main.go": `package main

import "github.com/gin-gonic/gin"

func main() {
\tr := gin.Default()
\ttaskRouter := r.Group(("/tasks"))
\ttaskRouterWithAuth := taskRouter.Group(("/"), authMiddleware(secret))
\ttaskRouterWithAuth.GET("/:id", findTask)
\ttaskRouterWithAuth.POST("", createTask)
}
`,
    });
    // Gin's joinPaths keeps the slash of Group("/"): POST "" is served at /tasks/.
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.resolved}`)).toEqual([
      "POST /tasks/ true",
      "GET /tasks/:id true",
    ]);
  });

  it("joins group prefixes and route paths as Gin, Echo and Chi do, trailing slashes included", () => {
    const found = detect({
      "go.mod": "module todo\n\nrequire github.com/gin-gonic/gin v1.10.0\n",
      "gin.go": `package main

import "github.com/gin-gonic/gin"

func Gin() *gin.Engine {
\tr := gin.Default()
\ttasks := r.Group("/tasks")
\ttasks.GET("", listTasks)
\ttasks.POST("/", createTask)
\tapi := r.Group("api/")
\tapi.GET("", apiIndex)
\tapi.GET("users", listUsers)
\tr.GET("", home)
\treturn r
}
`,
      "echo.go": `package main

import "github.com/labstack/echo/v4"

func Echo() *echo.Echo {
\te := echo.New()
\tnotes := e.Group("/notes")
\tnotes.GET("", listNotes)
\tnotes.POST("/", createNote)
\troot := e.Group("/")
\troot.GET("/health", health)
\te.GET("", home)
\treturn e
}
`,
      "chi.go": `package main

import "github.com/go-chi/chi/v5"

func Chi() chi.Router {
\tr := chi.NewRouter()
\tr.Route("/books", func(r chi.Router) {
\t\tr.Get("/", listBooks)
\t\tr.Get("/new/", newBook)
\t})
\treturn r
}
`,
    });
    expect(
      found.endpoints?.map((e) => `${e.framework} ${e.method} ${e.path} ${e.file}:${e.line}`),
    ).toEqual([
      "echo GET / echo.go:12",
      "gin GET / gin.go:13",
      "echo GET //health echo.go:11",
      "gin GET /api/ gin.go:11",
      "gin GET /api/users gin.go:12",
      "chi GET /books chi.go:8",
      "chi GET /books/new/ chi.go:9",
      "echo GET /notes echo.go:8",
      "echo POST /notes/ echo.go:9",
      "gin GET /tasks gin.go:8",
      "gin POST /tasks/ gin.go:9",
    ]);
  });

  it("reads ozzo-routing routes, groups and parameters, and only where ozzo-routing is imported", () => {
    const found = detect({
      "go.mod": "module example.com/albums\n\nrequire github.com/go-ozzo/ozzo-routing/v2 v2.3.0\n",
      "cmd/server/main.go": `package main

import (
\t"github.com/go-ozzo/ozzo-routing/v2"
\t"github.com/go-ozzo/ozzo-routing/v2/content"

\t"example.com/albums/internal/album"
)

func buildHandler() *routing.Router {
\trouter := routing.New()
\trouter.Use(content.TypeNegotiator(content.JSON))
\trouter.To("GET,HEAD", "/healthcheck", healthcheck)
\trg := router.Group("/v1")
\talbum.RegisterHandlers(rg.Group(""))
\treturn router
}
`,
      "internal/album/api.go": `package album

import routing "github.com/go-ozzo/ozzo-routing/v2"

func RegisterHandlers(r *routing.RouteGroup) {
\tr.Get("/albums/<id>", get)
\tr.Put(\`/albums/<id:\\d+>/tracks/<n>\`, update)
\tr.Any("/albums/ping", ping)
}
`,
      "internal/routing/router.go": `package routing

type Router struct{}

func Setup(r *routing.Router) {
\tr.Get("/not-ozzo", handler)
}
`,
    });
    expect(found.endpoints?.map((e) => `${e.framework} ${e.method} ${e.path} ${e.line}`)).toEqual([
      "ozzo-routing GET /healthcheck 13",
      "ozzo-routing HEAD /healthcheck 13",
      "ozzo-routing GET /v1/albums/:id 6",
      "ozzo-routing PUT /v1/albums/:id/tracks/:n 7",
      "ozzo-routing ANY /v1/albums/ping 8",
    ]);
    expect(found.frameworks?.map((f) => f.id)).toEqual(["ozzo-routing"]);
    expect(found.signals?.rest_api?.value).toBe(true);
  });

  it("adds nothing to the path for a chi group made with Group(nil)", () => {
    const found = detect({
      "go.mod": "module books\n\nrequire github.com/go-chi/chi/v5 v5.0.12\n",
      "cmd/api/main.go": `package main

import "github.com/go-chi/chi/v5"

func main() {
\tr := chi.NewRouter()
\tRegister(r, &Handler{})
}

func Register(router *chi.Mux, h *Handler) {
\trouter.Route("/api/v1/author", func(router chi.Router) {
\t\trouter.Post("/", h.Create)
\t\tcacheGroup := router.Group(nil)
\t\tcacheGroup.Use(CacheByURL)
\t\tcacheGroup.Get("/", h.List)
\t})
}
`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.resolved}`)).toEqual([
      "GET /api/v1/author true",
      "POST /api/v1/author true",
    ]);
  });

  it("calls the Router() of the type a constructor returns or a struct field holds", () => {
    const chiRouter = (pkg: string, kind: string, path: string) => `package ${pkg}

import "github.com/go-chi/chi/v5"

type ${kind} struct{ Items *ItemResource }

func New${kind}() (*${kind}, error) {
\treturn &${kind}{Items: &ItemResource{}}, nil
}

func (a *${kind}) Router() chi.Router {
\tr := chi.NewRouter()
\tr.Mount("/items", a.Items.router())
\treturn r
}

type ItemResource struct{}

func (rs *ItemResource) router() chi.Router {
\tr := chi.NewRouter()
\tr.Get("${path}", nil)
\treturn r
}
`;
    const found = detect({
      "go.mod": "module example.com/base\n",
      "api/admin/api.go": chiRouter("admin", "API", "/{itemID}"),
      "api/app/api.go": chiRouter("app", "API", "/mine"),
      "api/api.go": `package api

import (
\t"example.com/base/api/admin"
\t"example.com/base/api/app"
\t"github.com/go-chi/chi/v5"
)

func New() chi.Router {
\tr := chi.NewRouter()
\tadminAPI, _ := admin.NewAPI()
\tappAPI, err := app.NewAPI()
\t_ = err
\tr.Mount("/admin", adminAPI.Router())
\tr.Mount("/api", appAPI.Router())
\treturn r
}
`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.file} ${e.resolved}`)).toEqual([
      "GET /admin/items/{itemID} api/admin/api.go true",
      "GET /api/items/mine api/app/api.go true",
    ]);
  });

  it("gives the methods of a struct the prefix of the group its constructor stored in it", () => {
    const routeFile = (kind: string, path: string) => `package api

import (
\t"github.com/labstack/echo/v4"

\t"example.com/shop/routes"
)

type ${kind}Route struct {
\tGroup *echo.Group
}

func New${kind}Route(g *echo.Group) routes.Routes {
\treturn &${kind}Route{
\t\tGroup: g,
\t}
}

func (r *${kind}Route) Routes() {
\tr.Group.GET("${path}", handler)
}
`;
    const found = detect({
      "go.mod": "module example.com/shop\n",
      "routes/routes.go": "package routes\n\ntype Routes interface {\n\tRoutes()\n}\n",
      "routes/api/users.go": routeFile("users", "/users"),
      "routes/api/logs.go": routeFile("logs", "/logs"),
      "server/server.go": `package server

import (
\t"github.com/labstack/echo/v4"

\t"example.com/shop/routes/api"
)

func Start() {
\te := echo.New()
\tv1 := e.Group("/v1")
\tapi.NewusersRoute(v1).Routes()
\tweb := e.Group("")
\tapi.NewlogsRoute(web).Routes()
}
`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.resolved}`)).toEqual([
      "GET /logs true",
      "GET /v1/users true",
    ]);
  });

  it("does not list a StripPrefix mount as an endpoint when its prefix is computed", () => {
    const found = detect({
      "main.go": `package main

import (
\t"fmt"
\t"net/http"
)

func serve(apiPrefix string) {
\tapi := http.NewServeMux()
\tapi.HandleFunc("GET /users", listUsers)
\tmain := http.NewServeMux()
\tmain.Handle(fmt.Sprintf("/%s/", apiPrefix), http.StripPrefix(fmt.Sprintf("/%s", apiPrefix), api))
\thttp.ListenAndServe(":8080", main)
}
`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.resolved}`)).toEqual([
      'GET /<fmt.Sprintf("/%s", apiPrefix)>/users false',
    ]);
  });

  it("reads Fiber apps, groups, Route closures and mounted sub-apps, not the context's Get", () => {
    const found = detect({
      "go.mod": "module example.com/notes\n\nrequire github.com/gofiber/fiber/v2 v2.52.9\n",
      "main.go": `package main

import "github.com/gofiber/fiber/v2"

func main() {
\tapp := fiber.New(fiber.Config{AppName: "notes"})
\tapp.Get("/health", func(c *fiber.Ctx) error { return c.JSON(fiber.Map{"ok": true}) })
\tapi := app.Group("/api", auth)
\tapi.Post("/notes", createNote)
\tapi.Route("/tags", func(r fiber.Router) {
\t\tr.Delete("/:id", deleteTag)
\t})
\tapi.Add("PATCH", "/notes/:id", patchNote)
\tapp.Mount("/admin", adminApp())
\tapp.Listen(":3000")
}

func adminApp() *fiber.App {
\tadmin := fiber.New()
\tadmin.All("/stats", stats)
\treturn admin
}

func auth(c *fiber.Ctx) error {
\t_ = c.Get("Authorization")
\treturn c.Next()
}
`,
    });
    expect(found.frameworks?.map((f) => `${f.id} ${f.confidence}`)).toEqual([
      "fiber declared+used",
    ]);
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.resolved}`)).toEqual([
      "ANY /admin/stats true",
      "POST /api/notes true",
      "PATCH /api/notes/:id true",
      "DELETE /api/tags/:id true",
      "GET /health true",
    ]);
    expect(found.signals?.rest_api?.value).toBe(true);
  });

  it("keeps a Gin group whose middleware is attached in the same expression", () => {
    const found = detect({
      "main.go": `package main

import "github.com/gin-gonic/gin"

func main() {
\tr := gin.Default()
\tapi := r.Group("/api").Use(auth())
\tapi.POST("/apis", createApi)
}
`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual(["POST /api/apis"]);
  });

  it("reads routes chained onto a group, its middleware or Chi's With(), and Gin's Match()", () => {
    const found = detect({
      "server.go": `package server

import (
\t"github.com/gin-gonic/gin"
\t"github.com/go-chi/chi/v5"
)

func Gin() *gin.Engine {
\tg := gin.New()
\tg.Group("/notes").Use(requireUser).POST("", createNote)
\tg.Group("/").Use(requireUser).
\t\tDELETE("/notes/:id", deleteNote)
\tg.Match([]string{"GET", "HEAD"}, "/ping", ping)
\treturn g
}

func Chi() chi.Router {
\tr := chi.NewRouter()
\tr.Route("/v2", func(r chi.Router) {
\t\tr.With(validate).Put("/notes/{id}", updateNote)
\t})
\treturn r
}
`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.line}`)).toEqual([
      "POST /notes 10",
      "DELETE /notes/:id 12",
      "GET /ping 13",
      "HEAD /ping 13",
      "PUT /v2/notes/{id} 20",
    ]);
  });

  it("reads grpc-gateway routes from the protos of the services the code registers", () => {
    const found = detect({
      "go.mod":
        "module example.com/notes\n\nrequire github.com/grpc-ecosystem/grpc-gateway/v2 v2.19.0\n",
      "proto/notes.proto": `syntax = "proto3";
import "google/api/annotations.proto";

service Notes {
  rpc GetNote (GetNoteRequest) returns (Note) {
    option (google.api.http) = {
      get: "/v1/{name=notes/*}"
      additional_bindings { get: "/v1/users/{user}/notes/{id}" }
    };
  }
  // rpc Old (X) returns (Y) { option (google.api.http) = { get: "/v0/old" }; }
  rpc CreateNote (CreateNoteRequest) returns (Note) {
    option (google.api.http) = { post: "/v1/notes" body: "*" };
  }
  rpc Ping (Empty) returns (Empty) {}
}

service Admin {
  rpc Purge (Empty) returns (Empty) { option (google.api.http) = { delete: "/v1/all" }; }
}
`,
      "main.go": `package main

import (
\t"context"
\t"net/http"

\t"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
\tpb "example.com/notes/pb"
)

func main() {
\tgwmux := runtime.NewServeMux()
\t_ = pb.RegisterNotesHandlerServer(context.Background(), gwmux, server{})
\tmux := http.NewServeMux()
\tmux.Handle("/api/", gwmux)
\tmux.HandleFunc("/healthz", health)
\t_ = http.ListenAndServe(":8080", mux)
}
`,
    });
    expect(
      found.endpoints?.map((e) => `${e.method} ${e.path} ${e.framework} ${e.file}:${e.line}`),
    ).toEqual([
      "POST /api/v1/notes grpc-gateway proto/notes.proto:13",
      "GET /api/v1/users/{user}/notes/{id} grpc-gateway proto/notes.proto:8",
      "GET /api/v1/{name} grpc-gateway proto/notes.proto:7",
      "ANY /healthz net-http main.go:16",
    ]);
    expect(found.frameworks?.map((f) => `${f.id} ${f.confidence}`)).toContain(
      "grpc-gateway declared+used",
    );
    expect(found.signals?.rest_api?.value).toBe(true);
  });

  it("takes encoding/json/v2's MarshalWrite to the response writer for a JSON API", () => {
    const found = detect({
      "main.go": `package main

import (
\t"encoding/json/v2"
\t"net/http"
)

func list(w http.ResponseWriter, r *http.Request) {
\t_ = json.MarshalWrite(w, []string{"a"})
}

func main() {
\tmux := http.NewServeMux()
\tmux.HandleFunc("GET /items", list)
}
`,
    });
    expect(found.signals?.rest_api).toEqual({
      value: true,
      evidence: [{ file: "main.go", line: 9, note: "json.MarshalWrite(w," }],
    });
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
