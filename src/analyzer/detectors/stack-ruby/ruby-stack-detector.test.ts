import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import * as rubyRailsApi from "../../test-support/fixtures/ruby-rails-api.js";
import { observeStack } from "../../test-support/stack-fixture-check.js";
import { rubyStackDetector } from "./index.js";

function detect(files: Record<string, string>) {
  return rubyStackDetector.detect(scanContextFrom(files), {});
}

const routes = (body: string): Record<string, string> => ({
  "config/routes.rb": `Rails.application.routes.draw do\n${body}\nend\n`,
});

describe("rubyStackDetector", () => {
  it("reports exactly the frameworks, endpoints and JSON verdict of ruby-rails-api", () => {
    expect(observeStack(rubyStackDetector, rubyRailsApi.files)).toEqual(rubyRailsApi.expected);
  });

  it("expands resources into the seven standard actions, new and edit included outside API mode", () => {
    const found = detect(routes("  resources :articles"));
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual([
      "GET /articles",
      "POST /articles",
      "DELETE /articles/:id",
      "GET /articles/:id",
      "PATCH /articles/:id",
      "PUT /articles/:id",
      "GET /articles/:id/edit",
      "GET /articles/new",
    ]);
  });

  it("uses param: for member paths and nested parameter names, and scope paths as prefixes", () => {
    const found = detect(
      routes(`  scope "/v2" do
    resources :categories, param: :slug, only: [:show] do
      resources :items, only: :index
    end
  end`),
    );
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual([
      "GET /v2/categories/:category_slug/items",
      "GET /v2/categories/:slug",
    ]);
  });

  it("lists the routes of a server-rendered app but does not call it a REST API", () => {
    const found = detect({
      ...routes(`  root "pages#home"\n  resources :posts, only: [:index, :show]`),
      "app/controllers/posts_controller.rb":
        "class PostsController < ApplicationController\n  def index\n    @posts = Post.all\n  end\nend\n",
      "app/views/posts/index.html.erb": "<h1>Posts</h1>\n",
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual([
      "GET /",
      "GET /posts",
      "GET /posts/:id",
    ]);
    expect(found.signals?.rest_api?.value).toBe(false);
  });

  it("reads match with via: and ignores commented-out routes", () => {
    const found = detect(
      routes(
        `  match "hooks/:source", to: "hooks#receive", via: [:get, :post]\n  # get "secret", to: "x#y"`,
      ),
    );
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual([
      "GET /hooks/:source",
      "POST /hooks/:source",
    ]);
  });

  it("does not read routes of a dummy app inside spec/", () => {
    const found = detect({
      "spec/dummy/config/routes.rb":
        "Rails.application.routes.draw do\n  resources :widgets\nend\n",
    });
    expect(found.endpoints).toEqual([]);
    expect(found.frameworks).toEqual([]);
  });

  it("takes Rails as declared from the Gemfile, not from an engine's gemspec", () => {
    const declared = (files: Record<string, string>) =>
      detect(files).frameworks?.map((f) => [f.id, f.confidence, f.evidence[0]?.line]);
    expect(
      declared({ Gemfile: 'source \'https://rubygems.org\'\ngem("railties", ">= 7")\n' }),
    ).toEqual([["rails", "declared", 2]]);
    expect(declared({ "engine.gemspec": '  spec.add_dependency "rails", ">= 7"\n' })).toEqual([]);
  });
});
