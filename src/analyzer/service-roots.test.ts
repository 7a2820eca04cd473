import { describe, expect, it } from "vitest";
import { scanContextFrom } from "./test-support/scan-context-from.js";
import { serviceRoots } from "./service-roots.js";

describe("serviceRoots", () => {
  it("places a file in the nearest folder above it that holds a project manifest", () => {
    const serviceOf = serviceRoots(
      scanContextFrom({
        "package.json": "{}",
        "apps/api/package.json": "{}",
        "apps/api/src/routes/users.ts": "",
        "src/Orders.Api/Orders.Api.csproj": "<Project />",
        "src/Orders.Api/Program.cs": "",
        "docs/package.json": "{}",
      }),
    );
    expect(serviceOf("apps/api/src/routes/users.ts")).toBe("apps/api");
    expect(serviceOf("src/Orders.Api/Apis/OrdersApi.cs")).toBe("src/Orders.Api");
    expect(serviceOf("lib/server.js")).toBe("");
    expect(serviceOf("server.js")).toBe("");
  });

  it("takes an Nx application's project.json for a service root, not a library's", () => {
    const serviceOf = serviceRoots(
      scanContextFrom({
        "package.json": "{}",
        "apps/gateway/project.json": '{ "name": "gateway", "projectType": "application" }',
        "apps/users/project.json": '{ "name": "users", "projectType": "application" }',
        "libs/shared/project.json": '{ "name": "shared", "projectType": "library" }',
      }),
    );
    expect(serviceOf("apps/gateway/src/app/health.controller.ts")).toBe("apps/gateway");
    expect(serviceOf("apps/users/src/app/health.controller.ts")).toBe("apps/users");
    expect(serviceOf("libs/shared/src/index.ts")).toBe("");
  });

  it("takes the applications a NestJS monorepo's nest-cli.json lists for service roots", () => {
    const serviceOf = serviceRoots(
      scanContextFrom({
        "backend/package.json": "{}",
        "backend/nest-cli.json": JSON.stringify({
          monorepo: true,
          projects: {
            gateway: { type: "application", root: "apps/gateway" },
            users: { type: "application", root: "./apps/users/" },
            common: { type: "library", root: "libs/common" },
          },
        }),
      }),
    );
    expect(serviceOf("backend/apps/gateway/src/app.controller.ts")).toBe("backend/apps/gateway");
    expect(serviceOf("backend/apps/users/src/app.controller.ts")).toBe("backend/apps/users");
    expect(serviceOf("backend/libs/common/src/index.ts")).toBe("backend");
  });
});
