import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import * as phpLaravelApi from "../../test-support/fixtures/php-laravel-api.js";
import { observeStack } from "../../test-support/stack-fixture-check.js";
import { phpStackDetector } from "./index.js";

function detect(files: Record<string, string>) {
  return phpStackDetector.detect(scanContextFrom(files));
}

describe("phpStackDetector", () => {
  it("reports exactly the frameworks, endpoints and JSON verdict of php-laravel-api", () => {
    expect(observeStack(phpStackDetector, phpLaravelApi.files)).toEqual(phpLaravelApi.expected);
  });

  it("ignores routes declared in tests and commented out", () => {
    const paths = (detect(phpLaravelApi.files).endpoints ?? []).map((e) => e.path);
    expect(paths).not.toContain("/only-in-tests");
    expect(paths.some((p) => p.includes("archive"))).toBe(false);
  });

  it("names routes: ->name() under the group's name prefix, and a resource's actions", () => {
    const found = detect({
      "routes/api.php": `<?php
Route::name('admin.')->prefix('admin')->group(function () {
    Route::get('/stats', [StatsController::class, 'index'])->name('stats');
});
Route::group(['prefix' => 'v1', 'as' => 'v1.'], function () {
    Route::apiResource('photos.comments', CommentController::class)->only(['index', 'show']);
});
Route::post('/login', [AuthController::class, 'login'])->name('login');
`,
    });
    expect(Object.fromEntries(found.routeNames ?? [])).toEqual({
      "admin.stats": "/api/admin/stats",
      "v1.photos.comments.index": "/api/v1/photos/{photo}/comments",
      "v1.photos.comments.show": "/api/v1/photos/{photo}/comments/{comment}",
      login: "/api/login",
    });
  });

  it("leaves the parents out of a shallow nested resource's item routes, in path and name", () => {
    const found = detect({
      "routes/api.php": `<?php
Route::apiResource('projects.tags', TagController::class)->shallow()->except(['show']);
`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual([
      "GET /api/projects/{project}/tags",
      "POST /api/projects/{project}/tags",
      "DELETE /api/tags/{tag}",
      "PATCH /api/tags/{tag}",
      "PUT /api/tags/{tag}",
    ]);
    expect(Object.fromEntries(found.routeNames ?? [])).toEqual({
      "projects.tags.index": "/api/projects/{project}/tags",
      "projects.tags.store": "/api/projects/{project}/tags",
      "tags.update": "/api/tags/{tag}",
      "tags.destroy": "/api/tags/{tag}",
    });
  });

  it("gives Route::resource its create and edit form routes", () => {
    const found = detect({
      "routes/web.php":
        "<?php\nRoute::resource('blog-posts', PostController::class)->except(['destroy']);\n",
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual([
      "GET /blog-posts",
      "POST /blog-posts",
      "GET /blog-posts/create",
      "GET /blog-posts/{blog_post}",
      "PATCH /blog-posts/{blog_post}",
      "PUT /blog-posts/{blog_post}",
      "GET /blog-posts/{blog_post}/edit",
    ]);
  });

  it("gives singleton resources their routes without an id", () => {
    const found = detect({
      "routes/api.php":
        "<?php\nRoute::apiSingleton('profile', ProfileController::class)->destroyable();\nRoute::apiSingleton('photos.thumbnail', ThumbnailController::class)->creatable()->except(['update']);\n",
      "routes/web.php": "<?php\nRoute::singleton('settings', SettingsController::class);\n",
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual([
      "DELETE /api/photos/{photo}/thumbnail",
      "GET /api/photos/{photo}/thumbnail",
      "POST /api/photos/{photo}/thumbnail",
      "DELETE /api/profile",
      "GET /api/profile",
      "PATCH /api/profile",
      "PUT /api/profile",
      "GET /settings",
      "PATCH /settings",
      "PUT /settings",
      "GET /settings/edit",
    ]);
  });

  it("reads resource names with a path or a leading slash, and renamed parameters", () => {
    const found = detect({
      "routes/api.php":
        "<?php\nRoute::apiResource('/disks', DiskController::class)->only(['show']);\nRoute::apiResource('admin/users', UserController::class)->only(['show'])->parameters(['users' => 'member']);\n",
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual([
      "GET /api/admin/users/{member}",
      "GET /api/disks/{disk}",
    ]);
  });

  it("lists Route::view pages and Route::redirect routes", () => {
    const found = detect({
      "routes/web.php":
        "<?php\nRoute::view('/', 'apidocs');\nRoute::prefix('legal')->group(function () {\n    Route::view('terms', 'legal.terms', ['v' => 2]);\n    Route::permanentRedirect('tos', 'terms');\n});\nRoute::redirect('/home', '/');\n",
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.line}`)).toEqual([
      "GET / 2",
      "ANY /home 7",
      "GET /legal/terms 4",
      "ANY /legal/tos 5",
    ]);
  });

  it("does not call a views-only web app a REST API", () => {
    const found = detect({
      "composer.json": '{"require": {"laravel/framework": "^11.0"}}',
      "routes/web.php": "<?php\nRoute::get('/about', fn () => view('about'));\n",
    });
    expect(found.endpoints?.map((e) => e.path)).toEqual(["/about"]);
    expect(found.signals?.rest_api?.value).toBe(false);
  });

  it("uses the apiPrefix of a Laravel 11 bootstrap/app.php", () => {
    const found = detect({
      "bootstrap/app.php":
        "<?php\nreturn Application::configure()->withRouting(api: __DIR__.'/../routes/api.php', apiPrefix: 'v2')->create();\n",
      "routes/api.php": "<?php\nRoute::get('/ping', fn () => ['ok' => true]);\n",
    });
    expect(found.endpoints?.map((e) => e.path)).toEqual(["/v2/ping"]);
  });

  it("reads every routes file an app splits its routes into, with the prefix its loader gives", () => {
    const found = detect({
      "composer.json": '{"require": {"laravel/framework": "^11.0"}}',
      "bootstrap/app.php": `<?php
return Application::configure(basePath: dirname(__DIR__))
    ->withRouting(
        using: function () {
            Router::loadVersioned('web');
            Route::middleware('api')->prefix('partners')->group(base_path('routes/partner.php'));
        },
        commands: __DIR__.'/../routes/console.php',
    )->create();
`,
      "routes/web.main.php": "<?php\nRoute::get('/', [HomeController::class, 'index']);\n",
      "routes/api.main.php": `<?php
Route::prefix('api')->group(function () {
    Route::apiResource('playlists', PlaylistController::class)->only('index', 'store');
    require __DIR__.'/api.admin.php';
});
`,
      "routes/api.admin.php":
        "<?php\nRoute::delete('users/{user}', [UserController::class, 'destroy']);\n",
      "routes/partner.php": "<?php\nRoute::get('stock', StockController::class);\n",
      "routes/console.php": "<?php\nArtisan::command('inspire', fn () => 1);\n",
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.file}`)).toEqual([
      "GET / routes/web.main.php",
      "GET /api/playlists routes/api.main.php",
      "POST /api/playlists routes/api.main.php",
      "DELETE /api/users/{user} routes/api.admin.php",
      "GET /partners/stock routes/partner.php",
    ]);
    expect(found.signals?.rest_api?.value).toBe(true);
  });

  it("reads route prefixes from a RouteServiceProvider kept outside app/ (a domain layout)", () => {
    const found = detect({
      "composer.json": '{"require": {"laravel/framework": "^9.0"}}',
      "src/Support/Providers/RouteServiceProvider.php": `<?php
class RouteServiceProvider extends ServiceProvider
{
    public function boot(): void
    {
        $this->routes(function () {
            Route::prefix('v1')
                ->middleware('api')
                ->group(base_path('routes/api.php'));

            Route::prefix('api-admin')
                ->middleware('api')
                ->group(base_path('routes/api-admin.php'));
        });
    }
}
`,
      "routes/api.php": "<?php\nRoute::get('quotes', [QuoteController::class, 'index']);\n",
      "routes/api-admin.php": "<?php\nRoute::get('users', [UserController::class, 'index']);\n",
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.file}`)).toEqual([
      "GET /api-admin/users routes/api-admin.php",
      "GET /v1/quotes routes/api.php",
    ]);
  });

  it("follows a bare include of a routes file, and lists the /up health route of withRouting", () => {
    const found = detect({
      "composer.json": '{"require": {"laravel/framework": "^11.0"}}',
      "bootstrap/app.php": `<?php
return Application::configure(basePath: dirname(__DIR__))
    ->withRouting(
        api: __DIR__.'/../routes/api.php',
        health: '/up',
    )->create();
`,
      "routes/api.php": `<?php
Route::get('/health', HealthController::class);

// Auth Routes
include 'api/v1/AuthRoutes.php';
`,
      "routes/api/v1/AuthRoutes.php": `<?php
Route::prefix('v1')->group(function () {
    Route::post('login', [AuthController::class, 'login']);
});
`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.file} ${e.resolved}`)).toEqual([
      "GET /api/health routes/api.php true",
      "POST /api/v1/login routes/api/v1/AuthRoutes.php true",
      "GET /up bootstrap/app.php true",
    ]);
  });

  it("takes Laravel as declared from composer.json require or require-dev, not from suggest", () => {
    const declared = (composer: object) =>
      detect({ "composer.json": JSON.stringify(composer, null, 2) }).frameworks?.map((f) => [
        f.id,
        f.evidence[0]?.line,
      ]);
    expect(declared({ "require-dev": { "laravel/framework": "^11" } })).toEqual([["laravel", 3]]);
    expect(declared({ suggest: { "laravel/framework": "for facades" } })).toEqual([]);
  });
});
