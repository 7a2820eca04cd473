import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DIALECTS } from "../store/test-support/test-databases.js";
import { startServer, type RunningServer } from "./server.js";
import { openTestApp, type TestApp } from "./test-support/test-app.js";

describe.each(TEST_DIALECTS)("the API over a real port on %s", (dialect) => {
  let t: TestApp;
  let server: RunningServer;
  let closedHook = false;
  beforeAll(async () => {
    t = await openTestApp(dialect, {
      beforeReady: (app) => {
        // a deliberately slow request, to see shutdown wait for it
        app.get("/test/slow", async () => {
          await delay(300);
          return { finished: true };
        });
      },
    });
    server = await startServer(t.app, {
      port: 0,
      host: "127.0.0.1",
      onClosed: () => {
        closedHook = true;
        return Promise.resolve();
      },
    });
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("registers, logs in and reads the profile over HTTP", async () => {
    const email = `port-${dialect}@example.test`;
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect(
      (await post("/api/v1/auth/register", { email, password: "long enough pw", displayName: "P" }))
        .status,
    ).toBe(202);
    const session = (await (
      await post("/api/v1/auth/login", { email, password: "long enough pw" })
    ).json()) as {
      accessToken: string;
    };
    const me = await fetch(`${server.url}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe(email);
  });

  it("finishes an in-flight request before shutting down, then refuses connections", async () => {
    const inFlight = fetch(`${server.url}/test/slow`);
    await delay(50);
    const closing = server.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    await closing;
    expect(closedHook).toBe(true);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
