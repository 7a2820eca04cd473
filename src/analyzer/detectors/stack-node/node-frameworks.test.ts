import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import type { FileMap } from "../../test-support/make-repo.js";
import { detectNodeStack } from "./index.js";

async function frameworks(files: FileMap): Promise<string[]> {
  return ((await detectNodeStack(scanContextFrom(files))).frameworks ?? []).map(
    (f) => `${f.id}:${f.confidence}`,
  );
}

describe("Node framework detection", () => {
  it("reports a framework declared but never imported as declared", async () => {
    expect(
      await frameworks({ "package.json": JSON.stringify({ dependencies: { koa: "2" } }) }),
    ).toEqual(["koa:declared"]);
  });

  it("reports a framework imported by a workspace package without its own declaration as used", async () => {
    expect(
      await frameworks({
        "package.json": JSON.stringify({ workspaces: ["services/*"] }),
        "services/api/src/index.ts": `import { Hono } from "hono";\nexport const app = new Hono();\n`,
      }),
    ).toEqual(["hono:used"]);
  });

  it("ignores type-only imports and usage examples in comments", async () => {
    expect(
      await frameworks({
        "src/types.ts": `import type { Request } from "express";\nexport type R = Request;\n`,
        "src/doc.js": `/**\n * var express = require('express')\n */\n// import fastify from "fastify"\nexport {};\n`,
        "src/sample.ts": `/**\nUsage:\n\timport Koa from 'koa';\n*/\nexport const x = 1;\n`,
      }),
    ).toEqual([]);
  });

  it("does not report the framework a repository publishes itself", async () => {
    expect(
      await frameworks({
        "package.json": JSON.stringify({ name: "fastify", devDependencies: { tap: "1" } }),
        "fastify.js": `const fastify = require("fastify");\nmodule.exports = fastify;\n`,
      }),
    ).toEqual([]);
  });

  it("names evidence lines in the manifest and the importing file", async () => {
    const found = await detectNodeStack(
      scanContextFrom({
        "package.json": `{\n  "dependencies": {\n    "express": "^4.21.0"\n  }\n}\n`,
        "src/app.js": `// server\nconst express = require("express");\n`,
      }),
    );
    expect(found.frameworks).toEqual([
      {
        id: "express",
        category: "backend",
        confidence: "declared+used",
        evidence: [
          { file: "package.json", line: 3, note: "declares express" },
          { file: "src/app.js", line: 2, note: "imported" },
        ],
      },
    ]);
  });
});
