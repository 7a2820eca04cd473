import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerErrorHandler } from "./error-handler.js";
import { hasWebApp, webAppPlugin } from "./web-app.js";

describe("the web app plugin", () => {
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "devladder-web-"));
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>app</title>");
    writeFileSync(join(dir, "assets", "index-abc123.js"), "console.log('app')");
    writeFileSync(join(dir, "favicon.svg"), "<svg/>");
    app = Fastify();
    registerErrorHandler(app);
    app.get("/api/v1/thing", () => ({ ok: true }));
    app.get("/healthz", () => ({ status: "ok" }));
    await app.register(webAppPlugin, { root: dir });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves index.html at / and for the app's own routes, uncached and with a CSP", async () => {
    for (const url of ["/", "/roadmap", "/plan?view=original", "/some/deep/link"]) {
      const response = await app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-type"]).toContain("text/html");
      expect(response.body).toContain("<title>app</title>");
      expect(response.headers["cache-control"]).toBe("no-cache");
      expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
    }
  });

  it("serves hashed assets as immutable and other files uncached", async () => {
    const asset = await app.inject({ method: "GET", url: "/assets/index-abc123.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe("console.log('app')");
    expect(asset.headers["cache-control"]).toContain("immutable");
    const icon = await app.inject({ method: "GET", url: "/favicon.svg" });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers["cache-control"]).toBe("no-cache");
  });

  it("leaves API, docs and health paths to the API, with its problem+json 404", async () => {
    expect((await app.inject({ method: "GET", url: "/api/v1/thing" })).json()).toEqual({
      ok: true,
    });
    expect((await app.inject({ method: "GET", url: "/healthz" })).json()).toEqual({ status: "ok" });
    for (const url of ["/api/v1/missing", "/api", "/docs/nothing", "/readyz"]) {
      const response = await app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers["content-type"]).toContain("application/problem+json");
    }
  });

  it("answers 404 for a missing file instead of handing out index.html", async () => {
    const response = await app.inject({ method: "GET", url: "/assets/gone-123.js" });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toContain("application/problem+json");
  });

  it("only falls back to the app for GET: a POST to an unknown path is still a 404", async () => {
    const response = await app.inject({ method: "POST", url: "/roadmap", payload: {} });
    expect(response.statusCode).toBe(404);
  });

  it("is only registered when a build exists", () => {
    expect(hasWebApp(dir)).toBe(true);
    expect(hasWebApp(join(dir, "assets"))).toBe(false);
  });
});
