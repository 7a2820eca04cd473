import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import * as phpLaravelApi from "../../test-support/fixtures/php-laravel-api.js";
import { observeStack } from "../stack-text/stack-fixture-check.js";
import { phpStackDetector } from "./index.js";

function detect(files: Record<string, string>) {
  return phpStackDetector.detect(scanContextFrom(files), {});
}

describe("phpStackDetector", () => {
  it("reports exactly the frameworks, endpoints and JSON verdict of php-laravel-api", () => {
    expect(observeStack(phpStackDetector, phpLaravelApi.phpLaravelApi)).toEqual(
      phpLaravelApi.expected,
    );
  });

  it("ignores routes declared in tests and commented out", () => {
    const paths = (detect(phpLaravelApi.phpLaravelApi).endpoints ?? []).map((e) => e.path);
    expect(paths).not.toContain("/only-in-tests");
    expect(paths.some((p) => p.includes("archive"))).toBe(false);
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
});
