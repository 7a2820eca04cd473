import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import * as rubyRailsApi from "../../test-support/fixtures/ruby-rails-api.js";
import { observeStack } from "../../test-support/stack-fixture-check.js";
import { rubyStackDetector } from "./index.js";

function detect(files: Record<string, string>) {
  return rubyStackDetector.detect(scanContextFrom(files));
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

  it("names routes as Rails' path helpers do, and keys them by controller#action", () => {
    const found = detect(
      routes(`  root "pages#home"
  get "login", to: "sessions#new", as: :sign_in
  namespace :api do
    namespace :v1 do
      resources :articles, only: [:index, :show, :create] do
        member do
          post :publish
        end
        get :search, on: :collection
        put :update, on: :collection
        resources :comments, only: [:index]
      end
      resource :profile, only: [:show]
    end
  end`),
    );
    expect(Object.fromEntries(found.routeNames ?? [])).toEqual({
      root: "/",
      "pages#home": "/",
      sign_in: "/login",
      "sessions#new": "/login",
      api_v1_articles: "/api/v1/articles",
      "api/v1/articles#index": "/api/v1/articles",
      api_v1_article: "/api/v1/articles/:id",
      "api/v1/articles#show": "/api/v1/articles/:id",
      "api/v1/articles#create": "/api/v1/articles",
      publish_api_v1_article: "/api/v1/articles/:id/publish",
      "api/v1/articles#publish": "/api/v1/articles/:id/publish",
      search_api_v1_articles: "/api/v1/articles/search",
      "api/v1/articles#search": "/api/v1/articles/search",
      "api/v1/articles#update": "/api/v1/articles",
      api_v1_article_comments: "/api/v1/articles/:article_id/comments",
      "api/v1/comments#index": "/api/v1/articles/:article_id/comments",
      api_v1_profile: "/api/v1/profile",
      "api/v1/profiles#show": "/api/v1/profile",
    });
  });

  it("names a canonical action routed on a collection after the collection", () => {
    const found = detect(
      routes("  resources :users, only: [] do\n    post :create, on: :collection\n  end"),
    );
    expect(Object.fromEntries(found.routeNames ?? [])).toEqual({
      users: "/users",
      "users#create": "/users",
    });
  });

  it("names Devise's routes as its helpers do (new_user_session, user_password, …)", () => {
    const found = detect(routes("  devise_for :users"));
    expect(Object.fromEntries(found.routeNames ?? [])).toEqual({
      new_user_session: "/users/sign_in",
      user_session: "/users/sign_in",
      destroy_user_session: "/users/sign_out",
      new_user_password: "/users/password/new",
      edit_user_password: "/users/password/edit",
      user_password: "/users/password",
      cancel_user_registration: "/users/cancel",
      new_user_registration: "/users/sign_up",
      edit_user_registration: "/users/edit",
      user_registration: "/users",
    });
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

  it("keeps a namespace's prefix across an if block and a constraints hash split over lines", () => {
    const found = detect(
      routes(`  namespace :api do
    if Rails.env.development?
      get "debug", to: "debug#show"
    end
    resources :gems, only: [] do
      constraints(
        version_number: /[^\\/]+/
      ) do
        get "versions/:version_number/contents", to: "contents#index"
      end
    end
    get "status", to: "status#show"
  end`),
    );
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual([
      "GET /api/debug",
      "GET /api/gems/:gem_id/versions/:version_number/contents",
      "GET /api/status",
    ]);
  });

  it("routes concerns under the resources that use them, draw(:name) files and shallow nesting", () => {
    const found = detect({
      "config/routes.rb": `Rails.application.routes.draw do
  concern :commentable do
    resources :comments, only: [:index, :create]
  end
  resources :posts, only: [:show], concerns: :commentable
  resources :articles, only: [], shallow: true do
    resources :notes, only: [:index, :show]
  end
  draw(:admin)
end
`,
      "config/routes/admin.rb": `namespace :admin do
  resources :users, only: :index
end
`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.file}:${e.line}`)).toEqual([
      "GET /admin/users config/routes/admin.rb:2",
      "GET /articles/:article_id/notes config/routes.rb:7",
      "GET /notes/:id config/routes.rb:7",
      "GET /posts/:id config/routes.rb:5",
      "GET /posts/:post_id/comments config/routes.rb:3",
      "POST /posts/:post_id/comments config/routes.rb:3",
    ]);
  });

  it("expands devise_token_auth's mount, its options continued over lines, into Devise's routes and validate_token", () => {
    const found = detect({
      "config/routes.rb": `Rails.application.routes.draw do
  namespace :api do
    mount_devise_token_auth_for 'AccountHolder', at: 'auth', controllers: {
      sessions: 'api/sessions',
      passwords: 'api/passwords'
    }, skip: %i[registrations omniauth_callbacks]
  end
  mount_devise_token_auth_for "Company", at: "/company_auth", skip: [:token_validations]
end
`,
      "app/models/account_holder.rb":
        "class AccountHolder < ApplicationRecord\n  devise :database_authenticatable, :registerable, :recoverable, :omniauthable\n  include DeviseTokenAuth::Concerns::User\nend\n",
      "app/models/company.rb":
        "class Company < ApplicationRecord\n  devise :database_authenticatable\nend\n",
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.line}`)).toEqual([
      "PATCH /api/auth/password 3",
      "POST /api/auth/password 3",
      "PUT /api/auth/password 3",
      "GET /api/auth/password/edit 3",
      "GET /api/auth/password/new 3",
      "GET /api/auth/sign_in 3",
      "POST /api/auth/sign_in 3",
      "DELETE /api/auth/sign_out 3",
      "GET /api/auth/validate_token 3",
      "GET /company_auth/sign_in 8",
      "POST /company_auth/sign_in 8",
      "DELETE /company_auth/sign_out 8",
    ]);
  });

  it("routes canonical actions named in a member or collection scope to the resource itself", () => {
    const found = detect({
      "config/routes.rb": `Rails.application.routes.draw do
  resources :users, only: [] do
    controller :registrations do
      post :create, on: :collection
    end
    collection do
      get :index
      get :search
    end
    patch :update, on: :member
  end
end
`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.line}`)).toEqual([
      "GET /users 7",
      "POST /users 4",
      "PATCH /users/:id 10",
      "GET /users/search 8",
    ]);
  });

  it("puts the sign-in pages of devise_for with ActiveAdmin's config in its namespace", () => {
    const files = {
      "config/routes.rb": `Rails.application.routes.draw do
  devise_for :admin_users, ActiveAdmin::Devise.config
end
`,
      "app/models/admin_user.rb":
        "class AdminUser < ApplicationRecord\n  devise :database_authenticatable, :rememberable\nend\n",
    };
    const paths = (extra: Record<string, string>) =>
      detect({ ...files, ...extra }).endpoints?.map((e) => `${e.method} ${e.path}`);
    expect(paths({})).toEqual(["GET /admin/login", "POST /admin/login", "DELETE /admin/logout"]);
    expect(
      paths({
        "config/initializers/active_admin.rb":
          "ActiveAdmin.setup do |config|\n  # config.default_namespace = :admin\n  config.default_namespace = :backoffice\nend\n",
      }),
    ).toEqual(["GET /backoffice/login", "POST /backoffice/login", "DELETE /backoffice/logout"]);
  });

  it("expands devise_for into the routes of the modules the model turns on", () => {
    const found = detect({
      "config/application.rb":
        "module Blog\n  class Application\n    config.api_only = true\n  end\nend\n",
      "config/routes.rb": `Rails.application.routes.draw do
  scope :api, defaults: { format: :json } do
    devise_for :users, controllers: { sessions: :sessions }, path_names: { sign_in: :login }
  end
end
`,
      "app/models/user.rb":
        "class User < ApplicationRecord\n  devise :database_authenticatable, :registerable,\n         :validatable\nend\n",
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual([
      "DELETE /api/users",
      "PATCH /api/users",
      "POST /api/users",
      "PUT /api/users",
      "GET /api/users/cancel",
      "GET /api/users/edit",
      "GET /api/users/login",
      "POST /api/users/login",
      "DELETE /api/users/sign_out",
      "GET /api/users/sign_up",
    ]);
  });

  it("routes nothing for devise_for with skip: :all or only: [], and reads Doorkeeper's routes less those skipped", () => {
    const found = detect(
      routes(`  namespace :v1 do
    devise_for :users, skip: :all
    devise_for :admins, only: []
    namespace :users do
      use_doorkeeper do
        controllers tokens: 'tokens'
        skip_controllers :applications, :authorized_applications, :authorizations
      end
      post 'sign_up', to: 'registrations#create', as: :registration
    end
  end
  use_doorkeeper scope: "api/oauth"`),
    );
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual([
      "GET /api/oauth/applications",
      "POST /api/oauth/applications",
      "DELETE /api/oauth/applications/:id",
      "GET /api/oauth/applications/:id",
      "PATCH /api/oauth/applications/:id",
      "PUT /api/oauth/applications/:id",
      "GET /api/oauth/applications/:id/edit",
      "GET /api/oauth/applications/new",
      "DELETE /api/oauth/authorize",
      "GET /api/oauth/authorize",
      "POST /api/oauth/authorize",
      "GET /api/oauth/authorize/:code",
      "GET /api/oauth/authorized_applications",
      "DELETE /api/oauth/authorized_applications/:id",
      "POST /api/oauth/introspect",
      "POST /api/oauth/revoke",
      "POST /api/oauth/token",
      "GET /api/oauth/token/info",
      "POST /v1/users/oauth/introspect",
      "POST /v1/users/oauth/revoke",
      "POST /v1/users/oauth/token",
      "GET /v1/users/oauth/token/info",
      "POST /v1/users/sign_up",
    ]);
    expect(found.routeNames?.get("v1_users_oauth_token")).toBe("/v1/users/oauth/token");
    expect(found.routeNames?.get("v1_users_oauth_revoke")).toBe("/v1/users/oauth/revoke");
  });

  it("reads one-line brace blocks like their do…end form", () => {
    const found = detect(
      routes(`  resources :services, only: %i[index] do
    collection { post :bulk_update }
    member { get :preview; patch :publish }
  end`),
    );
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual([
      "GET /services",
      "GET /services/:id/preview",
      "PATCH /services/:id/publish",
      "POST /services/bulk_update",
    ]);
  });

  it("names nested parameters after irregular singulars, as Rails does", () => {
    const found = detect(
      routes(`  resources :children, only: [] do
    post :active
  end
  resources :people, only: [] do
    resources :addresses, only: :index
  end`),
    );
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual([
      "POST /children/:child_id/active",
      "GET /people/:person_id/addresses",
    ]);
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
