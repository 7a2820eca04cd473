import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import type { FileMap } from "../../test-support/make-repo.js";
import { detectNodeStack } from "./index.js";

const NEXT_PKG = JSON.stringify({ dependencies: { next: "15", react: "19" } });

async function detect(files: FileMap): Promise<{ routes: string[]; restApi: boolean }> {
  const found = await detectNodeStack(scanContextFrom(files));
  return {
    routes: (found.endpoints ?? []).map((e) => `${e.method} ${e.path} ${e.file}:${e.line}`),
    restApi: found.signals?.rest_api?.value === true,
  };
}

describe("Next.js route handlers", () => {
  it("reads one endpoint per exported method of an App Router route.ts", async () => {
    const found = await detect({
      "web/package.json": NEXT_PKG,
      "web/app/api/todos/route.ts": [
        `import { NextResponse } from "next/server";`,
        `export async function GET() {`,
        `  return NextResponse.json([]);`,
        `}`,
        `export const POST = async (req: Request) => Response.json(await req.json());`,
        ``,
      ].join("\n"),
      "web/src/app/(admin)/api/users/[id]/route.js": `const h = () => new Response("ok");\nexport { h as GET, h as DELETE };\n`,
      "web/app/files/[...slug]/route.ts": `// export function POST() {}\nexport function GET() { return new Response("<p/>"); }\n`,
      "web/app/_lib/route.ts": `export function GET() {}\n`,
      "web/app/page.tsx": `export default function Page() { return null; }\n`,
    });
    expect(found.routes).toEqual([
      "GET /api/todos web/app/api/todos/route.ts:2",
      "POST /api/todos web/app/api/todos/route.ts:5",
      "DELETE /api/users/:id web/src/app/(admin)/api/users/[id]/route.js:2",
      "GET /api/users/:id web/src/app/(admin)/api/users/[id]/route.js:2",
      "GET /files/:slug+ web/app/files/[...slug]/route.ts:2",
    ]);
    expect(found.restApi).toBe(true);
  });

  it("reads Pages Router API routes by the methods the handler tells apart", async () => {
    const found = await detect({
      "package.json": NEXT_PKG,
      "pages/api/todos/index.ts": [
        `export default async function handler(req, res) {`,
        `  if (req.method === "POST") return res.status(201).json({ ok: true });`,
        `  switch (req.method) {`,
        `    case "GET":`,
        `      return res.json([]);`,
        `  }`,
        `}`,
        ``,
      ].join("\n"),
      "src/pages/api/[[...all]].js": `module.exports = (req, res) => res.redirect("/");\n`,
      "pages/api/lib/util.ts": `export const x = 1;\n`,
      "pages/api/posts.js": `export default (req, res) => {\n  const { method } = req;\n  switch (method) {\n    case "PUT":\n      return res.send({});\n  }\n};\n`,
    });
    expect(found.routes).toEqual([
      "ANY /api/:all* src/pages/api/[[...all]].js:1",
      "PUT /api/posts pages/api/posts.js:4",
      "GET /api/todos pages/api/todos/index.ts:4",
      "POST /api/todos pages/api/todos/index.ts:2",
    ]);
    expect(found.restApi).toBe(true);
  });

  it("finds no endpoint or JSON API in a Next.js app whose routes only redirect or serve pages", async () => {
    const found = await detect({
      "package.json": NEXT_PKG,
      "app/login/route.ts": `import { redirect } from "next/navigation";\nexport function GET() { redirect("/"); }\n`,
      "app/api/page.tsx": `export default function Page() { return null; }\n`,
    });
    expect(found).toEqual({ routes: ["GET /login app/login/route.ts:2"], restApi: false });
  });

  it("reads no routes from a package that does not declare next", async () => {
    const found = await detect({
      "package.json": JSON.stringify({ dependencies: { react: "19" } }),
      "app/api/todos/route.ts": `export function GET() { return Response.json([]); }\n`,
      "pages/api/x.ts": `export default (req, res) => res.json({});\n`,
    });
    expect(found).toEqual({ routes: [], restApi: false });
  });
});
