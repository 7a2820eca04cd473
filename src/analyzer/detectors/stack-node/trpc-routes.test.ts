import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import type { FileMap } from "../../test-support/make-repo.js";
import { detectNodeStack } from "./index.js";

const SERVER_PKG = JSON.stringify({ dependencies: { "@trpc/server": "11", zod: "3" } });

async function detect(files: FileMap): Promise<{ routes: string[]; restApi: boolean }> {
  const found = await detectNodeStack(scanContextFrom(files));
  return {
    routes: (found.endpoints ?? [])
      .filter((e) => e.framework === "trpc")
      .map((e) => `${e.method} ${e.path} ${e.file}:${e.line}${e.resolved ? "" : " (unresolved)"}`),
    restApi: found.signals?.rest_api?.value === true,
  };
}

const TRPC_INIT = [
  `import { initTRPC } from "@trpc/server";`,
  `const t = initTRPC.create();`,
  `export const createTRPCRouter = t.router;`,
  `export const publicProcedure = t.procedure;`,
  `export const protectedProcedure = t.procedure.use(({ next }) => next());`,
  ``,
].join("\n");

describe("tRPC procedures", () => {
  it("lists queries as GET and mutations as POST under the App Router endpoint, nested routers by property", async () => {
    const found = await detect({
      "package.json": JSON.stringify({ workspaces: ["apps/*", "packages/*"] }),
      "packages/api/package.json": JSON.stringify({
        name: "@acme/api",
        exports: { ".": { types: "./dist/index.d.ts", default: "./src/index.ts" } },
        dependencies: { "@trpc/server": "11" },
      }),
      "packages/api/src/trpc.ts": TRPC_INIT,
      "packages/api/src/router/post.ts": [
        `import { z } from "zod";`,
        `import { protectedProcedure, publicProcedure } from "../trpc";`,
        `export const postRouter = {`,
        `  all: publicProcedure.query(() => []),`,
        `  byId: publicProcedure.input(z.object({ id: z.string() })).query(() => null),`,
        `  create: protectedProcedure.input(z.string()).mutation(() => null),`,
        `  onAdd: publicProcedure.subscription(() => null),`,
        `};`,
        ``,
      ].join("\n"),
      "packages/api/src/root.ts": [
        `import { postRouter } from "./router/post";`,
        `import { createTRPCRouter, publicProcedure } from "./trpc";`,
        `export const appRouter = createTRPCRouter({`,
        `  post: postRouter,`,
        `  health: publicProcedure.query(() => "ok"),`,
        `});`,
        ``,
      ].join("\n"),
      "packages/api/src/index.ts": `export { appRouter } from "./root";\n`,
      "apps/web/package.json": JSON.stringify({
        dependencies: { next: "15", "@trpc/server": "11", "@acme/api": "workspace:*" },
      }),
      "apps/web/src/app/api/trpc/[trpc]/route.ts": [
        `import { fetchRequestHandler } from "@trpc/server/adapters/fetch";`,
        `import { appRouter } from "@acme/api";`,
        `const handler = (req: Request) =>`,
        `  fetchRequestHandler({ endpoint: "/api/trpc", router: appRouter, req, createContext: () => ({}) });`,
        `export { handler as GET, handler as POST };`,
        ``,
      ].join("\n"),
      "apps/web/src/app/page.tsx": [
        `import { api } from "~/trpc/react";`,
        `export default function Page() { api.post.create.useMutation(); return api.post.all.useQuery(); }`,
        ``,
      ].join("\n"),
    });
    expect(found.routes).toEqual([
      "GET /api/trpc/health packages/api/src/root.ts:5",
      "GET /api/trpc/post.all packages/api/src/router/post.ts:4",
      "GET /api/trpc/post.byId packages/api/src/router/post.ts:5",
      "POST /api/trpc/post.create packages/api/src/router/post.ts:6",
    ]);
    expect(found.restApi).toBe(true);
  });

  it("reads the mount of the Express, Fastify and Pages Router adapters and merged routers", async () => {
    const found = await detect({
      "package.json": SERVER_PKG.replace("{", `{"devDependencies":{"next":"14"},`),
      "src/trpc.ts":
        TRPC_INIT.replace("createTRPCRouter", "router") + "export const { mergeRouters } = t;\n",
      "src/users.ts": [
        `import { router, publicProcedure } from "./trpc";`,
        `export const usersRouter = router({ list: publicProcedure.query(() => []) });`,
        `export const adminRouter = router({ ban: publicProcedure.mutation(() => null) });`,
        ``,
      ].join("\n"),
      "src/root.ts": [
        `import { mergeRouters } from "./trpc";`,
        `import { usersRouter, adminRouter } from "./users";`,
        `export const appRouter = mergeRouters(usersRouter, adminRouter);`,
        ``,
      ].join("\n"),
      "src/express.ts": [
        `import express from "express";`,
        `import * as trpcExpress from "@trpc/server/adapters/express";`,
        `import { appRouter } from "./root";`,
        `const app = express();`,
        `app.use("/trpc", trpcExpress.createExpressMiddleware({ router: appRouter }));`,
        ``,
      ].join("\n"),
      "src/fastify.ts": [
        `import { fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";`,
        `import { usersRouter } from "./users";`,
        `export default async (fastify: any) => {`,
        `  await fastify.register(fastifyTRPCPlugin, { prefix: "/rpc", trpcOptions: { router: usersRouter } });`,
        `};`,
        ``,
      ].join("\n"),
      "src/pages/api/v1/trpc/[trpc].ts": [
        `import { createNextApiHandler } from "@trpc/server/adapters/next";`,
        `import { adminRouter } from "../../../../users";`,
        `export default createNextApiHandler({ router: adminRouter });`,
        ``,
      ].join("\n"),
    });
    expect(found.routes).toEqual([
      "POST /api/v1/trpc/ban src/users.ts:3",
      "GET /rpc/list src/users.ts:2",
      "POST /trpc/ban src/users.ts:3",
      "GET /trpc/list src/users.ts:2",
    ]);
  });

  it("lists a root router no adapter serves with the mount unknown, and reads v9 router chains", async () => {
    const found = await detect({
      "package.json": SERVER_PKG,
      "src/router.ts": [
        `import * as trpc from "@trpc/server";`,
        `const postRouter = trpc.router().query("all", { resolve: () => [] }).mutation("add", { resolve: () => null });`,
        `export const appRouter = trpc`,
        `  .router()`,
        `  .query("hello", { resolve: () => "hi" })`,
        `  .merge("post.", postRouter);`,
        ``,
      ].join("\n"),
    });
    expect(found.routes).toEqual([
      "GET /<mount>/hello src/router.ts:5 (unresolved)",
      "POST /<mount>/post.add src/router.ts:2 (unresolved)",
      "GET /<mount>/post.all src/router.ts:2 (unresolved)",
    ]);
    expect(found.restApi).toBe(true);
  });

  it("reads procedures defined apart and routers exported by default, served at the root by the standalone adapter", async () => {
    const found = await detect({
      "package.json": SERVER_PKG,
      "src/trpc.ts": `import { initTRPC } from "@trpc/server";\nexport const trpc = initTRPC.create();\n`,
      "src/routers/companies/create.ts": [
        `import { trpc } from "../../trpc";`,
        `export const create = trpc.procedure`,
        `  .input((x) => x)`,
        `  .mutation(() => null);`,
        ``,
      ].join("\n"),
      "src/routers/companies/index.ts": [
        `import { trpc } from "../../trpc";`,
        `import { create } from "./create";`,
        `const list = trpc.procedure.query(() => []);`,
        `export default trpc.router({ create, list });`,
        ``,
      ].join("\n"),
      "src/index.ts": [
        `import { createHTTPHandler } from "@trpc/server/adapters/standalone";`,
        `import companies from "./routers/companies";`,
        `import { trpc } from "./trpc";`,
        `export const handler = createHTTPHandler({ router: trpc.router({ companies }) });`,
        ``,
      ].join("\n"),
    });
    expect(found.routes).toEqual([
      "POST /companies.create src/routers/companies/create.ts:2",
      "GET /companies.list src/routers/companies/index.ts:3",
    ]);
  });

  it("lists the procedures in place of the Next.js route that hands requests to tRPC", async () => {
    const found = await detectNodeStack(
      scanContextFrom({
        "package.json": JSON.stringify({ dependencies: { "@trpc/server": "11", next: "15" } }),
        "src/server/trpc.ts": TRPC_INIT,
        "src/server/root.ts": [
          `import { createTRPCRouter, publicProcedure } from "./trpc";`,
          `export const appRouter = createTRPCRouter({ hello: publicProcedure.query(() => "hi") });`,
        ].join("\n"),
        "src/app/api/trpc/[trpc]/route.ts": [
          `import { fetchRequestHandler } from "@trpc/server/adapters/fetch";`,
          `import { appRouter } from "../../../../server/root";`,
          `const handler = (req: Request) =>`,
          `  fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => ({}) });`,
          `export { handler as GET, handler as POST };`,
        ].join("\n"),
        "src/app/api/health/route.ts": `export function GET() {\n  return Response.json({ ok: true });\n}\n`,
      }),
    );
    expect((found.endpoints ?? []).map((e) => `${e.method} ${e.path} ${e.framework}`)).toEqual([
      "GET /api/health next",
      "GET /api/trpc/hello trpc",
    ]);
  });

  it("does not read routers in a package without @trpc/server, nor client calls", async () => {
    const found = await detect({
      "package.json": JSON.stringify({ dependencies: { "@trpc/client": "11", "vue-router": "4" } }),
      "src/client.ts": [
        `import { createTRPCProxyClient } from "@trpc/client";`,
        `const trpc = createTRPCProxyClient<any>({ links: [] });`,
        `export const all = () => trpc.post.all.query();`,
        `export const add = () => trpc.post.add.mutate({});`,
        ``,
      ].join("\n"),
      "src/router.ts": `import { createRouter } from "vue-router";\nexport const r = createRouter({ routes: [], home: x.query() });\n`,
    });
    expect(found.routes).toEqual([]);
    expect(found.restApi).toBe(false);
  });
});
