/**
 * The share of endpoints under test, end to end: an Express app whose supertest suite calls some
 * of its routes is judged on it in the tested-project check, and the next step names routes no
 * test calls.
 */
import { afterAll, describe, expect, it } from "vitest";
import { loadRoadmap } from "../content/content-loader.js";
import { analyze } from "./analyze.js";
import type { EvidenceReport } from "./report.js";
import { makeRepo, type TempRepo } from "./test-support/make-repo.js";

const APP = `const express = require("express");
const app = express();
app.use(express.json());
app.get("/orders", (req, res) => res.json([]));
app.post("/orders", (req, res) => res.status(201).json(req.body));
app.get("/orders/:id", (req, res) => res.json({ id: req.params.id }));
app.delete("/orders/:id", (req, res) => res.status(204).end());
module.exports = app;
`;

const testOf = (calls: string[]) => `const request = require("supertest");
const app = require("../src/app");
${calls.map((call, i) => `test("call ${i}", async () => {\n  const res = await request(app).${call};\n  expect(res.status).toBeLessThan(300);\n});`).join("\n")}
`;

const checks = loadRoadmap().checks;
const repos: TempRepo[] = [];

async function analyzeWithTests(calls: string[]): Promise<EvidenceReport> {
  const repo = makeRepo({
    "package.json": JSON.stringify({
      name: "orders",
      dependencies: { express: "^4.21.0" },
      devDependencies: { jest: "^29.7.0", supertest: "^7.0.0" },
    }),
    "src/app.js": APP,
    "test/orders.test.js": testOf(calls),
  });
  repos.push(repo);
  return analyze(repo.dir, checks);
}

const testedCheck = (report: EvidenceReport) =>
  report.checks.find((c) => c.id === "tested-production-quality");

afterAll(() => {
  for (const repo of repos) repo.cleanup();
});

/** A Rails API that mounts Devise; its request spec sends `calls` (`get "/orders"`). */
async function analyzeRailsWithDevise(resources: string, calls: string[]): Promise<EvidenceReport> {
  const repo = makeRepo({
    Gemfile:
      "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngem 'devise'\ngem 'rspec-rails'\n",
    "config/application.rb":
      "module Shop\n  class Application\n    config.api_only = true\n  end\nend\n",
    "config/routes.rb": `Rails.application.routes.draw do\n  devise_for :users\n  ${resources}\nend\n`,
    "app/models/user.rb":
      "class User < ApplicationRecord\n  devise :database_authenticatable, :registerable, :recoverable\nend\n",
    "app/controllers/orders_controller.rb":
      "class OrdersController < ApplicationController\n  def index\n    render json: Order.all\n  end\nend\n",
    "spec/requests/orders_spec.rb": `require "rails_helper"

RSpec.describe "Orders", type: :request do
${calls.map((call, i) => `  it "calls ${i}" do\n    ${call}\n    expect(response).to have_http_status(:ok)\n  end\n`).join("\n")}end
`,
  });
  repos.push(repo);
  return analyze(repo.dir, checks);
}

describe("endpoints under test", () => {
  it("leaves the routes Devise adds out of the share unless a test calls them", async () => {
    const signIn = 'post "/users/sign_in", params: { user: { email: "a@b.c" } }';
    const met = await analyzeRailsWithDevise("resources :orders, only: [:index, :create, :show]", [
      'get "/orders"',
      'post "/orders", params: { order: { total: 1 } }',
      signIn,
    ]);
    // Devise's 15 routes and the app's 3; the tests call 2 of the app's and Devise's sign-in.
    expect(met.signals.http_endpoints.value).toBe(18);
    expect(met.signals.tested_endpoints.value).toBe(3);
    expect(met.library_endpoints).toEqual({ count: 15, tested: 1 });
    expect(met.endpoints.find((e) => e.path === "/users/sign_in")?.library).toBe("devise");
    expect(met.endpoints.find((e) => e.path === "/orders")?.library).toBeUndefined();
    expect(
      (testedCheck(met)?.reasons ?? []).some((r) =>
        r.startsWith(
          "met: a third of the endpoints or more called by a test (endpoints.tested_share = 75%",
        ),
      ),
    ).toBe(true);
    // Too few of the app's own routes tested: the step counts and names the app's, not Devise's.
    const unmet = await analyzeRailsWithDevise("resources :orders", ['get "/orders"', signIn]);
    expect(unmet.next_steps.map((s) => s.text)).toContainEqual(
      "Tests call 29% of the endpoints; add a test for each of the others that checks its " +
        "answer (no test calls 5 of the 7, e.g. POST /orders and GET /orders/:id).",
    );
  });

  it("asks for tests of the endpoints no test calls while fewer than a third are called", async () => {
    const report = await analyzeWithTests(['get("/orders")']);
    expect(report.signals.tested_endpoints.value).toBe(1);
    expect(testedCheck(report)?.reasons).toContainEqual(
      expect.stringContaining("not met: a third of the endpoints or more called by a test"),
    );
    expect(report.next_steps.map((s) => s.text)).toContainEqual(
      "Tests call 25% of the endpoints; add a test for each of the others that checks its " +
        "answer (no test calls 3 of the 4, e.g. POST /orders and GET /orders/:id).",
    );
  });

  it("is met once a third of the endpoints are called", async () => {
    const report = await analyzeWithTests(['get("/orders")', 'post("/orders").send({ n: 1 })']);
    expect(report.signals.tested_endpoints.value).toBe(2);
    const reasons = testedCheck(report)?.reasons ?? [];
    expect(
      reasons.some((r) => r.startsWith("met: a third of the endpoints or more called by a test")),
    ).toBe(true);
    expect(report.next_steps.map((s) => s.text).join("\n")).not.toContain("Tests call");
  });
});
