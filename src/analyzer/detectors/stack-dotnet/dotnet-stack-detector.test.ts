import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import * as dotnetAspnetcoreApi from "../../test-support/fixtures/dotnet-aspnetcore-api.js";
import { observeStack } from "../stack-text/stack-fixture-check.js";
import { dotnetStackDetector } from "./index.js";

function detect(files: Record<string, string>) {
  return dotnetStackDetector.detect(scanContextFrom(files), {});
}

describe("dotnetStackDetector", () => {
  it("reports exactly the frameworks, endpoints and JSON verdict of dotnet-aspnetcore-api", () => {
    expect(observeStack(dotnetStackDetector, dotnetAspnetcoreApi.dotnetAspnetcoreApi)).toEqual(
      dotnetAspnetcoreApi.expected,
    );
  });

  it("skips HttpClient calls, commented-out endpoints and controllers in test projects", () => {
    const paths = (detect(dotnetAspnetcoreApi.dotnetAspnetcoreApi).endpoints ?? []).map(
      (e) => e.path,
    );
    expect(paths).not.toContain("/danger");
    expect(paths).not.toContain("/fake");
    expect(paths.some((p) => p.includes("quote"))).toBe(false);
  });

  it("lists an MVC controller's routed actions without calling the app a REST API", () => {
    const found = detect({
      "Web/Controllers/HomeController.cs": `public class HomeController : Controller
{
    [HttpGet("/about")]
    public IActionResult About() => View();
}`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual(["GET /about"]);
    expect(found.signals?.rest_api?.value).toBe(false);
  });

  it("gives an extension method's routes the prefix of each group it is called on", () => {
    const found = detect({
      "Program.cs": `var app = WebApplication.Create(args);
app.MapGroup("/v1/users").MapUsers();
app.MapGroup("/v2/users").MapUsers();
app.Run();`,
      "Users.cs": `static class Users {
    public static void MapUsers(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/{id}", new[] { "GET", "HEAD" }, (int id) => id);
    }
}`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual([
      "GET /v1/users/{id}",
      "HEAD /v1/users/{id}",
      "GET /v2/users/{id}",
      "HEAD /v2/users/{id}",
    ]);
  });
});
