/**
 * Backend facts cite backend files: in a full-stack repository and in an Express app with React
 * pages, analysed end to end, no evidence of a backend signal points into the front-end code.
 * (The corpus asserts these fixtures' values; this asserts where their evidence lies.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRoadmap } from "../content/content-loader.js";
import { analyze } from "./analyze.js";
import type { EvidenceReport } from "./report.js";
import * as fullstack from "./test-support/fixtures/fullstack-express-react.js";
import * as expressReactUi from "./test-support/fixtures/node-express-react-ui.js";
import * as nextFullstack from "./test-support/fixtures/node-nextjs-fullstack.js";
import { makeRepo, type TempRepo } from "./test-support/make-repo.js";

const BACKEND_SIGNALS = [
  "input_validation",
  "env_config",
  "logging",
  "caching",
  "auth_jwt",
  "password_hashing",
  "authorization",
  "central_error_handling",
] as const;

const checks = loadRoadmap().checks;

/** The files each backend signal cites, by signal. */
function citedFiles(report: EvidenceReport): Record<string, string[]> {
  return Object.fromEntries(
    BACKEND_SIGNALS.map((id) => [id, [...new Set(report.signals[id].evidence.map((e) => e.file))]]),
  );
}

describe("backend signals in a repository with front-end code", () => {
  const repos: TempRepo[] = [];
  let fullstackReport: EvidenceReport;
  let expressReport: EvidenceReport;
  let nextReport: EvidenceReport;

  beforeAll(async () => {
    const a = makeRepo(fullstack.files);
    const b = makeRepo(expressReactUi.files);
    const c = makeRepo(nextFullstack.files);
    repos.push(a, b, c);
    [fullstackReport, expressReport, nextReport] = await Promise.all([
      analyze(a.dir, checks),
      analyze(b.dir, checks),
      analyze(c.dir, checks),
    ]);
  });
  afterAll(() => {
    for (const repo of repos) repo.cleanup();
  });

  it("cite only backend/ in a full-stack repository, its package.json included", () => {
    expect(citedFiles(fullstackReport)).toEqual({
      input_validation: ["backend/src/app.js", "backend/package.json"],
      env_config: ["backend/src/app.js", "backend/src/auth.js"],
      logging: ["backend/src/app.js", "backend/package.json"],
      caching: [],
      auth_jwt: ["backend/src/auth.js", "backend/package.json"],
      password_hashing: ["backend/src/auth.js", "backend/package.json"],
      authorization: [],
      central_error_handling: [],
    });
  });

  it("still count the frontend's Playwright as a test framework", () => {
    expect(fullstackReport.signals.test_frameworks.evidence.map((e) => e.file)).toEqual([
      "frontend/package.json",
    ]);
  });

  it("keep the server's files of an Express app with React pages, not its components", () => {
    expect(citedFiles(expressReport)).toEqual({
      input_validation: ["src/server.js", "package.json"],
      env_config: ["src/server.js"],
      logging: ["src/server.js", "package.json"],
      caching: [],
      auth_jwt: [],
      password_hashing: [],
      authorization: [],
      central_error_handling: [],
    });
  });

  it("cite the schema a Next.js route handler shares with its form, not client components or pages", () => {
    expect(citedFiles(nextReport)).toEqual({
      input_validation: ["lib/note-schema.ts", "package.json"],
      env_config: [],
      logging: [],
      caching: [],
      auth_jwt: [],
      password_hashing: [],
      authorization: [],
      central_error_handling: [],
    });
  });
});
