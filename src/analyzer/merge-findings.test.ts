import { describe, expect, it } from "vitest";
import { mergeFindings } from "./merge-findings.js";

describe("mergeFindings", () => {
  it("adds up a declaration and a usage of the same framework seen by different detectors", () => {
    const merged = mergeFindings([
      {
        frameworks: [
          {
            id: "express",
            category: "backend",
            confidence: "declared",
            evidence: [{ file: "package.json", line: 5 }],
          },
        ],
      },
      {
        frameworks: [
          {
            id: "express",
            category: "backend",
            confidence: "used",
            evidence: [{ file: "src/app.ts", line: 1 }],
          },
        ],
      },
    ]);
    expect(merged.frameworks).toEqual([
      {
        id: "express",
        category: "backend",
        confidence: "declared+used",
        evidence: [
          { file: "package.json", line: 5 },
          { file: "src/app.ts", line: 1 },
        ],
      },
    ]);
  });

  it("joins the route names of all detectors, keeping the first path given for a name", () => {
    const merged = mergeFindings([
      { routeNames: new Map([["post-list", "/api/posts/"]]) },
      {},
      {
        routeNames: new Map([
          ["post-list", "/other/posts/"],
          ["blog:home", "/blog/"],
        ]),
      },
    ]);
    expect(merged.routeNames).toEqual(
      new Map([
        ["post-list", "/api/posts/"],
        ["blog:home", "/blog/"],
      ]),
    );
  });

  it("ORs booleans, keeps the larger number and unions lists", () => {
    const e = (file: string) => [{ file, line: 1 }];
    const merged = mergeFindings([
      {
        signals: {
          rest_api: { value: false, evidence: [] },
          test_files: { value: 2, evidence: e("a") },
          orms: { value: ["prisma"], evidence: e("a") },
        },
      },
      {
        signals: {
          rest_api: { value: true, evidence: e("b") },
          test_files: { value: 5, evidence: e("b") },
          orms: { value: ["knex", "prisma"], evidence: e("b") },
        },
      },
    ]);
    expect(merged.signals?.rest_api).toEqual({ value: true, evidence: e("b") });
    expect(merged.signals?.test_files?.value).toBe(5);
    expect(merged.signals?.orms?.value).toEqual(["knex", "prisma"]);
  });
});
