import { describe, expect, it } from "vitest";
import { scanContextFrom, sourceFile } from "../../test-support/scan-context-from.js";
import { parsePackageJson, readPackageManifests } from "./package-json.js";

describe("package.json manifests", () => {
  it("lists dependencies of every section with their scope and line", () => {
    const file = sourceFile(
      "package.json",
      `{
  "name": "shop",
  "dependencies": {
    "express": "^4.21.0"
  },
  "peerDependencies": { "react": "^18.0.0" },
  "devDependencies": {
    "vitest": "^2.1.0",
    "express": "^4.21.0"
  }
}
`,
    );
    const manifest = parsePackageJson(file);
    expect(manifest?.name).toBe("shop");
    expect(manifest?.dependencies.map((d) => [d.name, d.scope, d.line])).toEqual([
      ["express", "prod", 4],
      ["react", "prod", 6],
      ["vitest", "dev", 8],
      ["express", "dev", 9],
    ]);
  });

  it("reads npm and yarn workspace globs", () => {
    const arrayForm = parsePackageJson(
      sourceFile("package.json", JSON.stringify({ workspaces: ["packages/*", "apps/api"] })),
    );
    const objectForm = parsePackageJson(
      sourceFile("package.json", JSON.stringify({ workspaces: { packages: ["services/*"] } })),
    );
    expect(arrayForm?.workspaces).toEqual(["packages/*", "apps/api"]);
    expect(objectForm?.workspaces).toEqual(["services/*"]);
  });

  it("returns no manifest for a package.json that is not valid JSON", () => {
    expect(parsePackageJson(sourceFile("package.json", "{ name: 'x', }"))).toBeNull();
  });

  it("reads every application package.json, root first, and skips examples and tests", () => {
    const ctx = scanContextFrom({
      "services/api/package.json": JSON.stringify({ name: "api", dependencies: { fastify: "5" } }),
      "package.json": JSON.stringify({ name: "root", workspaces: ["services/*"] }),
      "apps/web/package.json": JSON.stringify({ name: "web", dependencies: { react: "18" } }),
      "examples/demo/package.json": JSON.stringify({ dependencies: { express: "4" } }),
      "test/fixtures/app/package.json": JSON.stringify({ dependencies: { koa: "2" } }),
    });
    expect(readPackageManifests(ctx).map((m) => m.file.path)).toEqual([
      "package.json",
      "apps/web/package.json",
      "services/api/package.json",
    ]);
  });
});
