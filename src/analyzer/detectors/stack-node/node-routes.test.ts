import { describe, expect, it } from "vitest";
import type { Endpoint } from "../../report.js";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import type { FileMap } from "../../test-support/make-repo.js";
import { detectNodeStack } from "./index.js";

async function routes(files: FileMap): Promise<string[]> {
  return ((await detectNodeStack(scanContextFrom(files))).endpoints ?? []).map(describeEndpoint);
}

function describeEndpoint(e: Endpoint): string {
  return `${e.method} ${e.path} ${e.framework} ${e.file}:${e.line}${e.resolved ? "" : " unresolved"}`;
}

const expressPkg = JSON.stringify({ dependencies: { express: "^4.21.0" } });

describe("Node route extraction", () => {
  it("does not take HTTP client calls in application code for endpoints", async () => {
    expect(
      await routes({
        "package.json": expressPkg,
        "src/client.js": `import axios from "axios";
import got from "got";
const http = axios.create({ baseURL: "https://api.example.com" });
export const load = () => axios.get("/api/x", { timeout: 1000 });
export const save = (data) => http.post("/api/y", data);
export const ping = () => fetch("/api/z", { method: "POST" });
export const other = () => got.get("https://example.com/a", { retry: 0 });
`,
      }),
    ).toEqual([]);
  });

  it("ignores routes and supertest calls in test files and test folders", async () => {
    expect(
      await routes({
        "package.json": expressPkg,
        "src/app.test.ts": `import express from "express";
import request from "supertest";
const app = express();
app.get("/x", (req, res) => res.json({}));
await request(app).get("/x");
`,
        "test/helpers.js": `const express = require("express");
const app = express();
app.post("/fake", (req, res) => res.json({}));
`,
      }),
    ).toEqual([]);
  });

  it("reads an Express setting lookup (app.get with one argument) as no route", async () => {
    expect(
      await routes({
        "app.js": `const express = require("express");
const app = express();
app.set("title", "demo");
console.log(app.get("title"));
`,
      }),
    ).toEqual([]);
  });

  it("resolves prefixes held in constants and keeps unknown template parts as unresolved", async () => {
    expect(
      await routes({
        "app.js": `import express from "express";
import { Router } from "express";
const API = "/api";
const v = process.env.API_VERSION;
const app = express();
const users = Router();
users.get("/:id", (req, res) => res.json({}));
app.use(\`\${API}/users\`, users);
app.use(\`/\${v}/people\`, users);
`,
      }),
    ).toEqual([
      "GET /${v}/people/:id express app.js:7 unresolved",
      "GET /api/users/:id express app.js:7",
    ]);
  });

  it("lists a route whose path is a regular expression as unresolved", async () => {
    expect(
      await routes({
        "package.json": JSON.stringify({
          dependencies: { koa: "^2.15.0", "@koa/router": "^13.0.0" },
        }),
        "app.js": `import Koa from "koa";
import Router from "@koa/router";
const app = new Koa();
const router = new Router();
router.get(/\\/login(.*)/, (ctx) => { ctx.body = "form"; });
router.post("/login", (ctx) => { ctx.body = { ok: true }; });
app.use(router.routes());
`,
      }),
    ).toEqual(["GET /${/\\/login(.*)/} koa app.js:5 unresolved", "POST /login koa app.js:6"]);
  });

  it("reports the routes of a router nobody mounts as unresolved", async () => {
    expect(
      await routes({
        "routes/orphan.js": `const { Router } = require("express");
const router = Router();
router.delete("/items/:id", (req, res) => res.status(204).end());
module.exports = router;
`,
      }),
    ).toEqual(["DELETE /items/:id express routes/orphan.js:3 unresolved"]);
  });

  it("follows module.exports = function (app) plugins called with the app", async () => {
    expect(
      await routes({
        "server.js": `const express = require("express");
const app = express();
require("./routes/health")(app);
app.listen(3000);
`,
        "routes/health.js": `module.exports = function (app) {
  app.get("/healthz", (req, res) => res.json({ ok: true }));
};
`,
        "lib/http.js": `module.exports = (http) => http.get("/not-a-route", { cache: false });
`,
      }),
    ).toEqual(["GET /healthz express routes/health.js:2"]);
  });

  it("finds routes registered on this.app in a server class", async () => {
    expect(
      await routes({
        "src/server.ts": `import express from "express";
import { booksRouter } from "./books";

export class Server {
  private app = express();
  constructor() {
    this.app = express();
    this.app.use("/books", booksRouter);
    this.app.get("/", (_req, res) => res.send("ok"));
  }
}
`,
        "src/books.ts": `import { Router } from "express";
export const booksRouter = Router();
booksRouter.get("/", (_req, res) => res.json([]));
`,
      }),
    ).toEqual(["GET / express src/server.ts:9", "GET /books express src/books.ts:3"]);
  });

  it("applies a koa-router prefix and Fastify register prefixes through inline plugins", async () => {
    expect(
      await routes({
        "koa.js": `const Router = require("@koa/router");
const Koa = require("koa");
const app = new Koa();
const router = new Router({ prefix: "/v2" });
router.put("/things/:id", (ctx) => { ctx.body = { ok: true }; });
app.use(router.routes());
`,
        "fastify.js": `import fastify from "fastify";
const server = fastify();
server.register(async (child) => {
  child.get("/ping", async () => "pong");
}, { prefix: "/inner" });
`,
      }),
    ).toEqual(["GET /inner/ping fastify fastify.js:4", "PUT /v2/things/:id koa koa.js:5"]);
  });

  it("reads routers built on koa-router and express-promise-router like the routers they extend", async () => {
    expect(
      await routes({
        "src/protected.ts": `import { SwaggerRouter } from "koa-swagger-decorator";
export const protectedRouter = new SwaggerRouter({ prefix: "/api" });
protectedRouter.get("/users/:id", user.getUser);
protectedRouter.delete("/users/:id", user.deleteUser);
`,
        "src/server.ts": `import Koa from "koa";
import { protectedRouter } from "./protected";
const app = new Koa();
app.use(protectedRouter.routes()).use(protectedRouter.allowedMethods());
`,
        "src/express.js": `const express = require("express");
const Router = require("express-promise-router");
const app = express();
const router = Router();
router.post("/orders", async (req, res) => res.json(await save(req.body)));
app.use("/shop", router);
`,
      }),
    ).toEqual([
      "DELETE /api/users/:id koa src/protected.ts:4",
      "GET /api/users/:id koa src/protected.ts:3",
      "POST /shop/orders express src/express.js:5",
    ]);
  });

  it("follows imports through tsconfig paths (from an extended config) and jsconfig baseUrl", async () => {
    expect(
      await routes({
        "api/tsconfig.base.json": `{
  // comments and trailing commas, as tsc accepts them
  "compilerOptions": { "paths": { "@routes/*": ["./src/routes/*"], }, },
}`,
        "api/tsconfig.json": `{ "extends": "./tsconfig.base.json", "compilerOptions": { "strict": true } }`,
        "api/src/app.ts": `import express from "express";
import users from "@routes/users";
const app = express();
app.use("/api/users", users);
`,
        "api/src/routes/users.ts": `import { Router } from "express";
const router = Router();
router.get("/:id", (req, res) => res.json({}));
export default router;
`,
        "worker/jsconfig.json": `{ "compilerOptions": { "baseUrl": "src" } }`,
        "worker/src/app.js": `const Koa = require("koa");
const items = require("routes/items");
const app = new Koa();
app.use(items.routes());
`,
        "worker/src/routes/items.js": `const Router = require("@koa/router");
const router = new Router({ prefix: "/items" });
router.get("/:id", (ctx) => { ctx.body = {}; });
module.exports = router;
`,
      }),
    ).toEqual([
      "GET /api/users/:id express api/src/routes/users.ts:3",
      "GET /items/:id koa worker/src/routes/items.js:3",
    ]);
  });

  it("reads NestJS controllers with array paths and no global prefix", async () => {
    expect(
      await routes({
        "src/tags.controller.ts": `import { Controller, Get, Post } from "@nestjs/common";

@Controller(["tags", "labels"])
export class TagsController {
  @Get()
  list() {
    return [];
  }

  @Post(":name/merge")
  merge() {
    return { merged: true };
  }
}
`,
      }),
    ).toEqual([
      "GET /labels nestjs src/tags.controller.ts:5",
      "POST /labels/:name/merge nestjs src/tags.controller.ts:10",
      "GET /tags nestjs src/tags.controller.ts:5",
      "POST /tags/:name/merge nestjs src/tags.controller.ts:10",
    ]);
  });

  it("reads Nest paths from members of a route constants object imported from another file", async () => {
    const found = await detectNodeStack(
      scanContextFrom({
        "src/configs/app.routes.ts": `const usersRoot = "users";
const v1 = "v1";
export const routesV1 = {
  version: v1,
  user: { root: usersRoot, delete: \`/\${usersRoot}/:id\` },
} as const;
`,
        "src/users/delete-user.controller.ts": `import { Controller, Delete, Post } from "@nestjs/common";
import { routesV1 } from "../configs/app.routes";

@Controller(routesV1.version)
export class UsersController {
  @Post(routesV1.user.root)
  create() {
    return { id: 1 };
  }

  @Delete(routesV1.user.delete)
  remove() {}
}
`,
      }),
    );
    expect(found.endpoints?.map((e) => `${describeEndpoint(e)} ${e.resolved}`)).toEqual([
      "POST /v1/users nestjs src/users/delete-user.controller.ts:6 true",
      "DELETE /v1/users/:id nestjs src/users/delete-user.controller.ts:11 true",
    ]);
  });

  it("gives no JSON evidence for a Nest handler that renders a view", async () => {
    const found = await detectNodeStack(
      scanContextFrom({
        "src/pages.controller.ts": `import { Controller, Get, Render } from "@nestjs/common";

@Controller()
export class PagesController {
  @Get()
  @Render("index")
  home() {
    return { title: "Home" };
  }
}
`,
      }),
    );
    expect(found.endpoints?.map(describeEndpoint)).toEqual([
      "GET / nestjs src/pages.controller.ts:5",
    ]);
    expect(found.signals?.rest_api).toEqual({ value: false, evidence: [] });
  });

  it("does not take a typed parameter's delete() in an Express handler file for a route", async () => {
    expect(
      await routes({
        "package.json": expressPkg,
        "src/routes/todo-routes.ts": `import { Request, Response } from "express";
import { DeleteTodo } from "../use-cases/delete-todo";
export function deleteTodoRoute(deleteTodo: DeleteTodo) {
  return async function (req: Request, res: Response) {
    const { userId } = req.body;
    res.json(await deleteTodo.delete(userId, req.params.todoId));
  };
}
export function mountTodos(router: any) {
  router.get("/todos", (req: Request, res: Response) => res.json([]));
}
`,
      }),
    ).toEqual(["GET /todos express src/routes/todo-routes.ts:10 unresolved"]);
  });

  it("points rest_api evidence at the controller line that sends JSON", async () => {
    const found = await detectNodeStack(
      scanContextFrom({
        "app.js": `const express = require("express");
const users = require("./users.controller");
const app = express();
app.get("/users", users.list);
`,
        "users.controller.js": `exports.list = (req, res) => {
  res.status(200).json([]);
};
`,
      }),
    );
    expect(found.signals?.rest_api).toEqual({
      value: true,
      evidence: [{ file: "users.controller.js", line: 2, note: "JSON response" }],
    });
  });

  it("follows a route table's handler to the Koa action that sets context.body", async () => {
    const found = await detectNodeStack(
      scanContextFrom({
        "src/index.ts": `import Koa from "koa";
import Router from "koa-router";
import { AppRoutes } from "./routes";
const app = new Koa();
const router = new Router();
AppRoutes.forEach((route) => router[route.method](route.path, route.action));
app.use(router.routes());
`,
        "src/routes.ts": `import { postGetAllAction } from "./controller/PostGetAllAction";
export const AppRoutes = [{ path: "/posts", method: "get", action: postGetAllAction }];
`,
        "src/controller/PostGetAllAction.ts": `export async function postGetAllAction(context) {
  const posts = await repository.find();
  context.body = posts;
}
`,
      }),
    );
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.file}:${e.line}`)).toEqual([
      "GET /posts src/routes.ts:2",
    ]);
    expect(found.signals?.rest_api).toEqual({
      value: true,
      evidence: [{ file: "src/controller/PostGetAllAction.ts", line: 3, note: "JSON response" }],
    });
  });

  it("follows a handler through a barrel file to the controller that sends JSON", async () => {
    const found = await detectNodeStack(
      scanContextFrom({
        "src/routes.ts": `import Router from "@koa/router";
import { user } from "./controller";
export const router = new Router();
router.get("/users", user.getUsers);
`,
        "src/controller/index.ts": `export { default as user } from "./user";
export { default as general } from "./general";
`,
        "src/controller/user.ts": `export default class UserController {
  public static async getUsers(ctx) {
    ctx.status = 200;
    ctx.body = await repository.find();
  }
}
`,
        "src/controller/general.ts": `export default class General {
  static hello(ctx) { ctx.body = "Hello"; }
}
`,
      }),
    );
    expect(found.signals?.rest_api).toEqual({
      value: true,
      evidence: [{ file: "src/controller/user.ts", line: 4, note: "JSON response" }],
    });
  });

  it("follows a handler through an object that gathers controllers imported from their own files", async () => {
    const found = await detectNodeStack(
      scanContextFrom({
        "package.json": expressPkg,
        "src/routes/todos.ts": `import express from "express";
import { TodosController } from "../controllers/todos";
export const todoRouter = express.Router();
todoRouter.get("/", tryCatch(TodosController.list));
`,
        "src/controllers/todos/index.ts": `import { listTodosController as list } from "./listTodos";
import { postTodoController } from "./postTodo";
export const TodosController = { list, post: postTodoController };
`,
        "src/controllers/todos/listTodos.ts": `export const listTodosController = async (req, res) => {
  const todos = await db.todo.findMany();
  return res
    .status(200)
    .json({ todos });
};
`,
        "src/controllers/todos/postTodo.ts": `export const postTodoController = async (req, res) => {
  res.status(201).json(await db.todo.create({ data: req.body }));
};
`,
      }),
    );
    expect(found.signals?.rest_api).toEqual({
      value: true,
      evidence: [{ file: "src/controllers/todos/listTodos.ts", line: 5, note: "JSON response" }],
    });
  });

  it("follows a controller handed to a router factory to the class of its declared type", async () => {
    const found = await detectNodeStack(
      scanContextFrom({
        "package.json": expressPkg,
        "src/app.ts": `import express from "express";
import { createPostRouter } from "./routes/post-routes";
import { PostController } from "./controllers/PostController";
const app = express();
app.use("/api", createPostRouter(new PostController()));
`,
        "src/routes/post-routes.ts": `import { Router } from "express";
import type { PostController } from "../controllers/PostController";
export const createPostRouter = (postController: PostController) => {
  const router = Router();
  router.get("/posts", postController.getAll.bind(postController));
  return router;
};
`,
        "src/controllers/PostController.ts": `export class PostController {
  async getAll(req, res) {
    res.json(await this.service.getAll());
  }
}
`,
      }),
    );
    expect(found.endpoints?.map(describeEndpoint)).toEqual([
      "GET /api/posts express src/routes/post-routes.ts:5",
    ]);
    expect(found.signals?.rest_api).toEqual({
      value: true,
      evidence: [{ file: "src/controllers/PostController.ts", line: 3, note: "JSON response" }],
    });
  });
});

describe("Node route extraction, patterns seen in real projects", () => {
  it("mounts @fastify/autoload route folders at their folder paths", async () => {
    expect(
      await routes({
        "src/app.ts": `import path from "node:path";
import autoload from "@fastify/autoload";
import type { FastifyInstance } from "fastify";

export default async function app(fastify: FastifyInstance) {
  fastify.register(autoload, { dir: path.join(import.meta.dirname, "routes"), options: { prefix: "/api" } });
}
`,
        "src/server.ts": `import Fastify from "fastify";
import fp from "fastify-plugin";
import app from "./app.js";
const server = Fastify();
server.register(fp(app));
`,
        "src/routes/root.ts": `import type { FastifyPluginAsync } from "fastify";
const root: FastifyPluginAsync = async (fastify) => {
  fastify.get("/", async () => ({ ok: true }));
};
export default root;
`,
        "src/routes/users/_id/index.ts": `import type { FastifyInstance } from "fastify";
export default async function (fastify: FastifyInstance) {
  fastify.patch("/", async () => ({ updated: true }));
}
`,
        "src/routes/users/autohooks.ts": `export default async function (fastify) {
  fastify.addHook("onRequest", async () => {});
}
`,
      }),
    ).toEqual([
      "GET /api fastify src/routes/root.ts:3",
      "PATCH /api/users/:id fastify src/routes/users/_id/index.ts:3",
    ]);
  });

  it("mounts koa-mount children under their path and follows exported register helpers", async () => {
    expect(
      await routes({
        "src/app.js": `const Koa = require("koa");
const mount = require("koa-mount");
const Router = require("@koa/router");
const accountRouter = require("./account");
const app = new Koa();
const health = new Router();
health.get("/", (ctx) => { ctx.body = { ok: true }; });
app.use(mount("/health", health.routes()));
app.use(mount("/account", accountRouter.routes()));
`,
        "src/account/index.js": `const Router = require("@koa/router");
const router = new Router();
require("./sign-in").register(router);
module.exports = router;
`,
        "src/account/sign-in.js": `module.exports.register = (router) => {
  router.post("/sign-in", (ctx) => { ctx.body = { token: "t" }; });
};
`,
      }),
    ).toEqual([
      "POST /account/sign-in koa src/account/sign-in.js:2",
      "GET /health koa src/app.js:7",
    ]);
  });

  it("takes a path-scoped middleware for a guard, not an endpoint", async () => {
    expect(
      await routes({
        "src/middleware/admin.ts": `import { createMiddleware } from "hono/factory";
export const adminOnly = createMiddleware(async (c, next) => {
  if (c.get("role") !== "admin") throw new HTTPException(403);
  await next();
});
export async function audit(c, next) {
  log(c.req.path);
  await next();
}
`,
        "src/index.ts": `import { Hono } from "hono";
import { adminOnly, audit } from "./middleware/admin";
const app = new Hono();
app.get("/api/users", adminOnly);
app.post("/api/users", audit);
app.delete("/api/users/:id", async (c, next) => { await next(); });
app.get("/api/users", (c) => c.json([]));
app.get("/api/ping", async (c, next) => {
  if (c.req.query("skip")) return next();
  return c.text("pong");
});
`,
      }),
    ).toEqual(["GET /api/ping hono src/index.ts:8", "GET /api/users hono src/index.ts:7"]);
  });

  it("gives every call of a router factory its own router", async () => {
    expect(
      await routes({
        "src/helpers/hono.ts": `import { Hono } from "hono";
export function makeApp() {
  const app = new Hono();
  app.get("/ping", (c) => c.json({ pong: true }));
  return app;
}
`,
        "src/users.ts": `import { makeApp } from "./helpers/hono";
const users = makeApp();
users.get("/:id", (c) => c.json({}));
export default users;
`,
        "src/index.ts": `import { makeApp } from "./helpers/hono";
import users from "./users";
const app = makeApp();
app.route("/users", users);
`,
      }),
    ).toEqual([
      "GET /ping hono src/helpers/hono.ts:4",
      "GET /users/:id hono src/users.ts:3",
      "GET /users/ping hono src/helpers/hono.ts:4",
    ]);
  });

  it("reads @hono/zod-openapi routes defined with createRoute, here or in another module", async () => {
    const found = await detectNodeStack(
      scanContextFrom({
        "src/index.ts": `import { OpenAPIHono } from "@hono/zod-openapi";
import { categories } from "./categories/controller";
const app = new OpenAPIHono().basePath("/api");
app.route("/categories", categories);
`,
        "src/categories/route.ts": `import { createRoute, z } from "@hono/zod-openapi";
export const listRoute = createRoute({ method: "get", path: "/", responses: {} });
export const showRoute = createRoute({ method: "get", path: "/{id}", responses: {} });
`,
        "src/helpers/app.ts": `import { OpenAPIHono } from "@hono/zod-openapi";
export const honoApp = () => new OpenAPIHono({ defaultHook: validationHook });
`,
        "src/helpers/openapi.ts": `export { createRoute } from "@hono/zod-openapi";
`,
        "src/categories/controller.ts": `import { createRoute } from "../helpers/openapi";
import { honoApp } from "../helpers/app";
import { listRoute, showRoute } from "./route";
export const categories = honoApp();
categories.openapi(listRoute, (c) => c.json([]));
categories.openapi(showRoute, (c) => c.json({}));
categories.openapi(createRoute({ method: "delete", path: "/{id}", responses: {} }), (c) => c.body(null, 204));
`,
      }),
    );
    expect(found.endpoints?.map(describeEndpoint)).toEqual([
      "GET /api/categories hono src/categories/controller.ts:5",
      "DELETE /api/categories/:id hono src/categories/controller.ts:7",
      "GET /api/categories/:id hono src/categories/controller.ts:6",
    ]);
    expect(found.signals?.rest_api?.value).toBe(true);
  });

  it("reads chained @hono/zod-openapi routes from a namespace import of a barrel, mounted by a function another file calls", async () => {
    const found = await detectNodeStack(
      scanContextFrom({
        "src/core/create-router.ts": `import { OpenAPIHono } from "@hono/zod-openapi";
export function createRouter() {
  return new OpenAPIHono({ defaultHook: (result, c) => undefined });
}
`,
        "src/core/create-app.ts": `import { createRouter } from "./create-router.js";
export function createApp() {
  const app = createRouter();
  return app;
}
`,
        "src/features/projects/list/routes.ts": `import { createRoute } from "@hono/zod-openapi";
export const listProjectsRoute = createRoute({ method: "get", path: "/projects", responses: {} });
`,
        "src/features/projects/show/routes.ts": `import { createRoute } from "@hono/zod-openapi";
export const getProjectRoute = createRoute({ method: "get", path: "/projects/{id}", responses: {} });
`,
        "src/features/projects/routes.ts": `export * from "./list/routes.js";
export * from "./show/routes.js";
`,
        "src/features/projects/handlers.ts": `export const listProjects = (c) => c.json([]);
export const getProject = (c) => c.json({});
`,
        "src/features/projects/index.ts": `import { createRouter } from "../../core/create-router.js";
import * as handlers from "./handlers.js";
import * as routes from "./routes.js";
const router = createRouter()
  .openapi(routes.listProjectsRoute, handlers.listProjects)
  .openapi(routes.getProjectRoute, handlers.getProject);
export default router;
`,
        "src/register.ts": `import type { createApp } from "./core/create-app.js";
import projects from "./features/projects/index.js";
export function registerFeatureRoutes(app: ReturnType<typeof createApp>): void {
  app.route("/api/v1", projects);
}
`,
        "src/application.ts": `import { createApp } from "./core/create-app.js";
import { registerFeatureRoutes } from "./register.js";
export function createApplication() {
  const app = createApp();
  registerFeatureRoutes(app);
  return app;
}
`,
      }),
    );
    expect(found.endpoints?.map((e) => `${describeEndpoint(e)} ${e.resolved}`)).toEqual([
      "GET /api/v1/projects hono src/features/projects/index.ts:5 true",
      "GET /api/v1/projects/:id hono src/features/projects/index.ts:6 true",
    ]);
  });

  it("finds JSON written by a response helper that the handlers hand their context to", async () => {
    const found = await detectNodeStack(
      scanContextFrom({
        "src/app.ts": `import express from "express";
import { list } from "./handlers/books";
const app = express();
app.get("/books", list);
`,
        "src/handlers/books.ts": `import { sendSuccess } from "../utils/response";
export const list = async (req, res) => {
  const books = await repo.all();
  return sendSuccess(res, books);
};
`,
        "src/utils/response.ts": `export function sendSuccess(res, data, status = 200) {
  return res.status(status).json({ success: true, data });
}
`,
      }),
    );
    expect(found.signals?.rest_api).toEqual({
      value: true,
      evidence: [{ file: "src/utils/response.ts", line: 2, note: "JSON response" }],
    });
  });

  it("reads routing-controllers' decorated controllers under the server's routePrefix", async () => {
    const found = await detectNodeStack(
      scanContextFrom({
        "package.json": JSON.stringify({
          dependencies: { express: "^4.21.0", "routing-controllers": "^0.10.0" },
        }),
        "src/server.ts": `import { useExpressServer } from "routing-controllers";
import express from "express";
import { BookController } from "./books";
const app = express();
app.get("/health", (req, res) => res.json({ ok: true }));
useExpressServer(app, { routePrefix: "/api", controllers: [BookController] });
`,
        "src/books.ts": `import { JsonController, Get, Post, Delete, Param, Body } from "routing-controllers";
@JsonController("/books")
export class BookController {
  @Get()
  list() { return []; }
  @Get("/:id")
  one(@Param("id") id: string) { return { id }; }
  @Post()
  create(@Body() book: object) { return book; }
  @Delete("/:id")
  remove(@Param("id") id: string) { return { id }; }
}
`,
        "src/ui.ts": `import { Controller, Get, Render } from "routing-controllers";
@Controller()
export class PageController {
  @Get("/about")
  @Render("about")
  about() { return {}; }
}
`,
      }),
    );
    expect(found.endpoints?.map(describeEndpoint)).toEqual([
      "GET /api/about routing-controllers src/ui.ts:4",
      "GET /api/books routing-controllers src/books.ts:4",
      "POST /api/books routing-controllers src/books.ts:8",
      "DELETE /api/books/:id routing-controllers src/books.ts:10",
      "GET /api/books/:id routing-controllers src/books.ts:6",
      "GET /health express src/server.ts:5",
    ]);
    // The rendered page is not JSON evidence.
    expect(found.signals?.rest_api?.evidence?.map((e) => `${e.file}:${e.line} ${e.note}`)).toEqual([
      "src/server.ts:5 JSON response",
      "src/books.ts:4 routing-controllers handler returns JSON",
      "src/books.ts:6 routing-controllers handler returns JSON",
      "src/books.ts:8 routing-controllers handler returns JSON",
      "src/books.ts:10 routing-controllers handler returns JSON",
    ]);
  });

  it("serves the routes of a class that extends Koa from its methods' this.use()", async () => {
    expect(
      await routes({
        "app/app.js": `const Koa = require("koa");
const router = require("./routes");
class App extends Koa {
  constructor(...params) {
    super(...params);
    this.configureRoutes();
  }
  configureRoutes() {
    this.use(router.routes());
    this.use(router.allowedMethods());
  }
}
module.exports = App;
`,
        "app/routes.js": `const Router = require("koa-router");
const router = new Router({ prefix: "/v1" });
router.get("/status", (ctx) => { ctx.body = { ok: true }; });
module.exports = router;
`,
        "app/cache.js": `class Cache extends Map {
  warm() { this.get("/index"); }
}
module.exports = Cache;
`,
      }),
    ).toEqual(["GET /v1/status koa app/routes.js:3"]);
  });

  it("does not list a CORS preflight set up with app.options(path, cors()) as an endpoint", async () => {
    expect(
      await routes({
        "package.json": expressPkg,
        "src/app.js": `const express = require("express");
const cors = require("cors");
const app = express();
app.use(cors());
app.options("*", cors());
app.options("/upload", cors({ origin: "https://example.com" }));
app.options("/probe", (req, res) => res.sendStatus(204));
app.get("/items", (req, res) => res.json([]));
`,
      }),
    ).toEqual(["GET /items express src/app.js:8", "OPTIONS /probe express src/app.js:7"]);
  });

  it("lists the spec a @hono/zod-openapi app serves with doc() or doc31(), generator options too", async () => {
    const found = await detectNodeStack(
      scanContextFrom({
        "src/docs.ts": `import { OpenAPIHono } from "@hono/zod-openapi";
import { swaggerUI } from "@hono/swagger-ui";
export const docs = new OpenAPIHono();
docs.doc("/openapi.json", { openapi: "3.0.0", info: { title: "Shop", version: "1" } });
docs.doc31("/openapi31.json", (c) => ({ openapi: "3.1.0", info: { title: "Shop", version: "1" } }));
docs.get("/ui", swaggerUI({ url: "/api/openapi.json" }));
const specConfig = { openapi: "3.1.0", info: { title: "Shop", version: "1" } };
docs.doc("/spec.json", specConfig, { unionPreferredType: "oneOf" });
`,
        "src/index.ts": `import { Hono } from "hono";
import { docs } from "./docs";
const app = new Hono();
app.route("/api", docs);
const notes = { doc: (title: string, body: object) => body };
notes.doc("/readme", {});
`,
      }),
    );
    expect(found.endpoints?.map(describeEndpoint)).toEqual([
      "GET /api/openapi.json hono src/docs.ts:4",
      "GET /api/openapi31.json hono src/docs.ts:5",
      "GET /api/spec.json hono src/docs.ts:8",
      "GET /api/ui hono src/docs.ts:6",
    ]);
  });

  it("serves a fastify-cli app plugin at the root and follows chained register calls", async () => {
    const cliApp = {
      "package.json": `{ "scripts": { "start": "fastify start -l info app.js" }, "dependencies": { "fastify": "^5.0.0", "fastify-cli": "^7.0.0" } }`,
      "app.js": `const path = require("node:path");
const AutoLoad = require("@fastify/autoload");
module.exports = async function (fastify, opts) {
  fastify
    .register(require("@fastify/sensible"))
    .register(require("./user"), { prefix: "/api/user" });
  fastify.register(AutoLoad, { dir: path.join(__dirname, "routes"), options: Object.assign({}, opts) });
};
`,
      "user.js": `module.exports = async function (fastify) {
  fastify.post("/signup", async () => ({ ok: true }));
};
`,
      "routes/health/index.js": `module.exports = async function (fastify) {
  fastify.get("/", async () => ({ up: true }));
};
`,
    };
    expect(await routes(cliApp)).toEqual([
      "POST /api/user/signup fastify user.js:2",
      "GET /health fastify routes/health/index.js:2",
    ]);
    // Without fastify-cli nothing says where the exported plugin is registered.
    const plugin = Object.fromEntries(Object.entries(cliApp).filter(([p]) => p !== "package.json"));
    expect(await routes(plugin)).toEqual([
      "POST /api/user/signup fastify user.js:2 unresolved",
      "GET /health fastify routes/health/index.js:2 unresolved",
    ]);
  });

  it("follows an app bound in a chained assignment (const app = module.exports = new Koa())", async () => {
    expect(
      await routes({
        "app.js": `const router = require("@koa/router")();
const Koa = require("koa");
const app = module.exports = new Koa();
router.get("/", (ctx) => { ctx.body = []; }).post("/post", (ctx) => { ctx.body = {}; });
app.use(router.routes());
`,
      }),
    ).toEqual(["GET / koa app.js:4", "POST /post koa app.js:4"]);
  });

  it("expands routers mounted in a loop over a constant list", async () => {
    expect(
      await routes({
        "routes/index.js": `const express = require("express");
const auth = require("./auth");
const router = express.Router();
const routes = [
  { path: "/auth", route: auth },
];
routes.forEach((r) => {
  router.use(r.path, r.route);
});
module.exports = router;
`,
        "routes/auth.js": `const router = require("express").Router();
router.post("/login", (req, res) => res.json({}));
module.exports = router;
`,
        "app.js": `const express = require("express");
const app = express();
app.use("/v1", require("./routes"));
`,
      }),
    ).toEqual(["POST /v1/auth/login express routes/auth.js:2"]);
  });

  it("reads routes registered in a loop over a table of route objects, here or imported", async () => {
    expect(
      await routes({
        "package.json": expressPkg,
        "src/routes.ts": `import { list } from "./posts";
import { getUser } from "./users";
export const AppRoutes = [
  { path: "/posts", method: "get", action: list },
  { path: "/posts/:id", method: "DELETE", action: list },
  getUser,
];
`,
        "src/users.ts": `export const getUser = { path: "/users/:id", method: "get", action: (req, res) => res.json({}) };
`,
        "src/posts.ts": `export const list = (req, res) => res.json([]);
`,
        "src/index.ts": `import express from "express";
import { AppRoutes } from "./routes";
const app = express();
AppRoutes.forEach((route) => {
  app[route.method](route.path, (req, res, next) => route.action(req, res).catch(next));
});
`,
        "src/other.ts": `import express from "express";
const ROUTES = { ROOT: "/", LOGIN: "/login" };
const table = [
  { url: ROUTES.ROOT, method: "get", fn: (req, res) => res.send("ok") },
  { url: ROUTES.LOGIN, method: "post", fn: (req, res) => res.json({}) },
];
const app = express();
table.forEach(({ url, method, fn }) => app[method](url, fn));
const v2 = [{ url: "/v2/login", method: "post", fn: (req, res) => res.json({}) }];
for (const entry of v2) {
  const { url: at, fn } = entry;
  app.route(at)[entry.method](fn);
}
const pages = [{ at: "/about", page: (req, res) => res.render("about") }];
pages.forEach((p) => app.get(p.at, p.page));
`,
        "src/dynamic.ts": `import express from "express";
import { loadRoutes } from "./load";
const app = express();
loadRoutes().forEach((r) => app[r.method](r.path, r.handler));
const extra = [makePage()];
extra.forEach((p) => app.get(p.at, p.page));
`,
      }),
    ).toEqual([
      "GET / express src/other.ts:4",
      "GET /${p.at} express src/dynamic.ts:6 unresolved",
      "GET /about express src/other.ts:14",
      "POST /login express src/other.ts:5",
      "GET /posts express src/routes.ts:4",
      "DELETE /posts/:id express src/routes.ts:5",
      "GET /users/:id express src/users.ts:1",
      "POST /v2/login express src/other.ts:9",
    ]);
  });

  it("gives each Nest app of a monorepo its own prefix, and none to an app started as a microservice", async () => {
    const nestPkg = JSON.stringify({ dependencies: { "@nestjs/core": "^10.0.0" } });
    const health = `import { Controller, Get } from "@nestjs/common";

@Controller("health")
export class HealthController {
  @Get()
  check() {
    return { ok: true };
  }
}
`;
    expect(
      await routes({
        "package.json": nestPkg,
        // Nx apps: a project.json each, the workspace's one package.json at the root
        "apps/gateway/project.json": '{ "projectType": "application" }',
        "apps/gateway/src/main.ts": `import { NestFactory } from "@nestjs/core";
import { AppModule } from "./app/app.module";
const app = await NestFactory.create(AppModule);
app.setGlobalPrefix("api");
await app.listen(3000);
`,
        "apps/gateway/src/app/health.controller.ts": health,
        "apps/admin/project.json": '{ "projectType": "application" }',
        "apps/admin/src/main.ts": `import { NestFactory } from "@nestjs/core";
import { AppModule } from "./app/app.module";
const app = await NestFactory.create(AppModule);
app.setGlobalPrefix("admin");
await app.listen(3001);
`,
        "apps/admin/src/app/health.controller.ts": health,
        // A service with its own package.json that listens only on its transport
        "services/users/package.json": nestPkg,
        "services/users/src/main.ts": `import { NestFactory } from "@nestjs/core";
import { Transport } from "@nestjs/microservices";
import { AppModule } from "./app.module";
const app = await NestFactory.createMicroservice(AppModule, { transport: Transport.TCP });
`,
        "services/users/src/health.controller.ts": health,
      }),
    ).toEqual([
      "GET /admin/health nestjs apps/admin/src/app/health.controller.ts:5",
      "GET /api/health nestjs apps/gateway/src/app/health.controller.ts:5",
    ]);
  });

  it("takes a seed script that creates a Nest app without listening for no app of its own", async () => {
    expect(
      await routes({
        "package.json": JSON.stringify({ dependencies: { "@nestjs/core": "^10.0.0" } }),
        "apps/api/project.json": '{ "projectType": "application" }',
        "apps/api/src/main.ts": `import { NestFactory } from "@nestjs/core";
import { AppModule } from "./app/app.module";
const app = await NestFactory.create(AppModule);
app.setGlobalPrefix("api");
await app.listen(3000);
`,
        "libs/db/src/seed.ts": `import { NestFactory } from "@nestjs/core";
import { SeedModule } from "./seed.module";
const app = await NestFactory.create(SeedModule);
await app.close();
`,
        "libs/users/src/users.controller.ts": `import { Controller, Get } from "@nestjs/common";

@Controller("users")
export class UsersController {
  @Get()
  list() {
    return [];
  }
}
`,
      }),
    ).toEqual(["GET /api/users nestjs libs/users/src/users.controller.ts:5"]);
  });

  it("adds Nest URI version segments and honours global prefix exclusions", async () => {
    expect(
      await routes({
        "src/main.ts": `import { NestFactory } from "@nestjs/core";
import { VersioningType } from "@nestjs/common";
import { AppModule } from "./app.module";
const app = await NestFactory.create(AppModule);
app.setGlobalPrefix("api", { exclude: ["health"] });
app.enableVersioning({ type: VersioningType.URI, defaultVersion: "1" });
`,
        "src/app.controller.ts": `import { Controller, Get, Version } from "@nestjs/common";

@Controller({ path: "orders", version: ["1", "2"] })
export class OrdersController {
  @Get()
  list() {
    return [];
  }

  @Version("3")
  @Get("export")
  exportAll() {
    return [];
  }
}

@Controller()
export class HealthController {
  @Get("health")
  ok() {
    return { ok: true };
  }
}
`,
      }),
    ).toEqual([
      "GET /api/v1/orders nestjs src/app.controller.ts:5",
      "GET /api/v2/orders nestjs src/app.controller.ts:5",
      "GET /api/v3/orders/export nestjs src/app.controller.ts:11",
      "GET /v1/health nestjs src/app.controller.ts:19",
    ]);
  });

  it("takes enableVersioning() without options for URI versioning, as Nest does", async () => {
    expect(
      await routes({
        "src/main.ts": `import { NestFactory } from "@nestjs/core";
const app = await NestFactory.create(AppModule);
app.enableVersioning();
`,
        "src/auth.controller.ts": `import { Controller, Get, Version } from "@nestjs/common";

@Controller("auth")
export class AuthController {
  @Version("1")
  @Get("me")
  me() {
    return {};
  }
}
`,
      }),
    ).toEqual(["GET /v1/auth/me nestjs src/auth.controller.ts:6"]);
  });

  it("keeps a prefix read from configuration unresolved and shortens its expression", async () => {
    expect(
      await routes({
        "app.js": `import express from "express";
const app = express();
const r = express.Router();
r.get("/x", (req, res) => res.json({}));
app.use(config.get("server.http.apiPrefixWithAVeryLongNameIndeed"), r);
app.use(\`\${config.get("server.http.apiPrefixWithAVeryLongNameIndeed")}\`, r);
app.use(cors(), r);
`,
      }),
    ).toEqual([
      'GET /${config.get("server.http.apiPrefixWithAV…}/x express app.js:4 unresolved',
      "GET /x express app.js:4",
    ]);
  });
});
