import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import * as dotnetAspnetcoreApi from "../../test-support/fixtures/dotnet-aspnetcore-api.js";
import { observeStack } from "../../test-support/stack-fixture-check.js";
import { dotnetStackDetector } from "./index.js";

function detect(files: Record<string, string>) {
  return dotnetStackDetector.detect(scanContextFrom(files));
}

describe("dotnetStackDetector", () => {
  it("reports exactly the frameworks, endpoints and JSON verdict of dotnet-aspnetcore-api", () => {
    expect(observeStack(dotnetStackDetector, dotnetAspnetcoreApi.files)).toEqual(
      dotnetAspnetcoreApi.expected,
    );
  });

  it("skips HttpClient calls, commented-out endpoints and controllers in test projects", () => {
    const paths = (detect(dotnetAspnetcoreApi.files).endpoints ?? []).map((e) => e.path);
    expect(paths).not.toContain("/danger");
    expect(paths).not.toContain("/fake");
    expect(paths.some((p) => p.includes("quote"))).toBe(false);
  });

  it("reads FastEndpoints' Configure() routes, with constants from request types and the app's prefix", () => {
    const found = detect({
      "Shop.Web/Program.cs": `var app = builder.Build();
app.UseFastEndpoints(c => c.Endpoints.RoutePrefix = "api");
app.Run();`,
      "Shop.Web/Books/Create.cs": `public class CreateBookRequest
{
    public const string Route = "/books";
    public string Title { get; set; } = "";
}

public class Create(IMediator mediator) : Endpoint<CreateBookRequest, BookRecord>
{
    public override void Configure()
    {
        Post(CreateBookRequest.Route);
        AllowAnonymous();
        Summary(s => { s.Summary = "Create a book"; });
    }
}`,
      "Shop.Web/Books/GetById.cs": `public class GetById : Endpoint<GetBookRequest, BookRecord>
{
    public override void Configure()
    {
        Get("/books/{BookId:int}");
    }
}

public class BookCacheOptions : CacheOptions
{
    public override void Configure()
    {
        Get("/not-an-endpoint");
    }
}`,
      "Shop.Web/Books/Archive.cs": `public class Archive : EndpointWithoutRequest
{
    public override void Configure()
    {
        Verbs(Http.PUT, Http.PATCH);
        Routes(Paths.Archive);
    }
}`,
      "Shop.Web/Startup/Options.cs": `public class CacheOptions
{
    public override void Configure()
    {
        Get("/not-an-endpoint");
    }
}`,
    });
    expect(
      found.endpoints?.map(
        (e) => `${e.method} ${e.path} ${e.file}:${e.line}${e.resolved ? "" : " unresolved"}`,
      ),
    ).toEqual([
      "PATCH /api/<Paths.Archive> Shop.Web/Books/Archive.cs:5 unresolved",
      "PUT /api/<Paths.Archive> Shop.Web/Books/Archive.cs:5 unresolved",
      "POST /api/books Shop.Web/Books/Create.cs:11",
      "GET /api/books/{BookId:int} Shop.Web/Books/GetById.cs:5",
    ]);
    expect(found.signals?.rest_api?.value).toBe(true);
  });

  it("reads a health-check path held in a constant of the same file, as Aspire's template writes it", () => {
    const found = detect({
      "Shop.Api/Program.cs": `var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();`,
      "Shop.ServiceDefaults/Extensions.cs": `public static class Extensions
{
    private const string HealthEndpointPath = "/health";
    private const string AlivenessEndpointPath = "/alive";

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath);
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
        app.MapGet(Paths.Version, () => "1.0");
        return app;
    }
}`,
    });
    expect(
      found.endpoints?.map((e) => `${e.method} ${e.path}${e.resolved ? "" : " unresolved"}`),
    ).toEqual(["GET /<Paths.Version> unresolved", "GET /alive", "GET /health"]);
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

  it("takes [Route] from a base controller and leaves conventionally routed actions out", () => {
    const found = detect({
      "Api/Controllers/ApiControllerBase.cs": `[ApiController]
[Route("api/[controller]")]
public abstract class ApiControllerBase : ControllerBase
{
}`,
      "Api/Controllers/TodosController.cs": `public class TodosController : ApiControllerBase
{
    [HttpGet("{id:int}")]
    public async Task<TodoDto> Get(int id) => await Mediator.Send(new GetTodo(id));

    [HttpPost]
    public async Task<int> Create(CreateTodo command) => await Mediator.Send(command);
}`,
      "Web/Controllers/AccountController.cs": `public class AccountController : Controller
{
    [HttpGet]
    public IActionResult Login() => View();

    [HttpPost]
    public IActionResult Login(LoginModel model) => RedirectToAction("Index");
}`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual([
      "POST /api/Todos",
      "GET /api/Todos/{id:int}",
    ]);
    expect(found.signals?.rest_api?.value).toBe(true);
  });

  it("writes [controller] and [action] in kebab case when the app registers a slugifying route token transformer", () => {
    const controller = `[Route("[controller]/[action]")]
public class UserAccountController : Controller
{
    [HttpGet]
    public IActionResult MyProfile() => View();

    [HttpPost("{id}")]
    public IActionResult ResetPassword(int id) => View();
}`;
    const slugify = {
      "Web/Program.cs": `builder.Services.AddControllersWithViews(options =>
{
    options.Conventions.Add(new RouteTokenTransformerConvention(new SlugifyParameterTransformer()));
});`,
      "Web/SlugifyParameterTransformer.cs": `public class SlugifyParameterTransformer : IOutboundParameterTransformer
{
    public string? TransformOutbound(object? value) =>
        value == null ? null : Regex.Replace(value.ToString()!, "([a-z])([A-Z])", "$1-$2").ToLowerInvariant();
}`,
      "Web/Controllers/UserAccountController.cs": controller,
    };
    const paths = (files: Record<string, string>) =>
      detect(files).endpoints?.map((e) => `${e.method} ${e.path}`);
    expect(paths(slugify)).toEqual([
      "GET /user-account/my-profile",
      "POST /user-account/reset-password/{id}",
    ]);
    expect(paths({ "Web/Controllers/UserAccountController.cs": controller })).toEqual([
      "GET /UserAccount/MyProfile",
      "POST /UserAccount/ResetPassword/{id}",
    ]);
  });

  it("lists the endpoints MapIdentityApi<T>() adds under its group, and MapHealthChecks", () => {
    const found = detect({
      "TodoApi/Program.cs": `var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGroup("/users").MapIdentityApi<TodoUser>();
app.MapHealthChecks("/health");
app.MapGet("/todos", () => Results.Ok());
app.Run();`,
    });
    const paths = found.endpoints?.map((e) => `${e.method} ${e.path}`) ?? [];
    expect(paths).toContain("POST /users/login");
    expect(paths).toContain("GET /users/manage/info");
    expect(paths).toContain("GET /health");
    expect(paths).toHaveLength(12);
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

  it("reads string.Empty as the group's own path in MapGroup and MapGet", () => {
    const found = detect({
      "Program.cs": `var app = WebApplication.Create(args);
var clients = app.MapGroup("/api/clients/");
var admin = clients.MapGroup(string.Empty).RequireAuthorization("AdminPolicy");
clients.MapGet(string.Empty, GetClients);
clients.MapGet("{id:long}", GetClient);
admin.MapPost(String.Empty, CreateClient);
app.Run();`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${String(e.resolved)}`)).toEqual([
      "GET /api/clients true",
      "POST /api/clients true",
      "GET /api/clients/{id:long} true",
    ]);
  });
  it("follows route modules that discovery code calls, and the app's own MapGet wrappers", () => {
    const found = detect({
      "Api/Program.cs": `var app = WebApplication.CreateBuilder(args).Build();
app.MapModules();
app.Run();`,
      "Api/Routing/RouteWrappers.cs": `public static class RouteWrappers
{
    public static RouteHandlerBuilder MapGet(this IEndpointRouteBuilder routes, Delegate handler, [StringSyntax("Route")] string pattern = "")
    {
        return routes.MapGet(pattern, handler).WithName(handler.Method.Name);
    }
    public static RouteHandlerBuilder MapDelete(this IEndpointRouteBuilder routes, Delegate handler, [StringSyntax("Route")] string pattern)
        => routes.MapDelete(pattern, handler);
}`,
      "Api/Modules/Shelves.cs": `public class Shelves : IRouteModule
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet(ListShelves);
        group.MapDelete(RemoveShelf, "{id}");
    }
    public static IResult ListShelves() => Results.Ok();
    public static IResult RemoveShelf(int id) => Results.NoContent();
}`,
      "Api/Modules/Health.cs": `public class Health : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => Results.Ok("up"));
    }
}`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${String(e.resolved)}`)).toEqual([
      "GET /<Shelves> false",
      "DELETE /<Shelves>/{id} false",
      "GET /health true",
    ]);
  });

  it("takes ASP.NET Core as declared from the Web SDK, an AspNetCore package or the shared framework", () => {
    const declared = (project: string) =>
      detect({ "Api/Api.csproj": project }).frameworks?.map((f) => f.evidence[0]);
    expect(declared('<Project Sdk="Microsoft.NET.Sdk.Web">\n</Project>\n')).toEqual([
      { file: "Api/Api.csproj", line: 1, note: 'Sdk="Microsoft.NET.Sdk.Web"' },
    ]);
    expect(
      declared(
        '<Project Sdk="Microsoft.NET.Sdk">\n  <PackageReference Version="8.0.0" Include="Microsoft.AspNetCore.OpenApi" />\n</Project>\n',
      ),
    ).toEqual([
      { file: "Api/Api.csproj", line: 2, note: 'Include="Microsoft.AspNetCore.OpenApi"' },
    ]);
    expect(
      declared(
        '<Project Sdk="Microsoft.NET.Sdk">\n  <FrameworkReference Include="Microsoft.AspNetCore.App" />\n</Project>\n',
      ),
    ).toEqual([{ file: "Api/Api.csproj", line: 2, note: 'Include="Microsoft.AspNetCore.App"' }]);
    expect(declared('<Project Sdk="Microsoft.NET.Sdk">\n</Project>\n')).toEqual([]);
  });
});
