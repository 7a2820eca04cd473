import pc from "picocolors";
import { describe, expect, it } from "vitest";
import type { Endpoint } from "../../analyzer/report.js";
import { sampleGit, sampleReport } from "../../analyzer/test-support/evidence-report.js";
import { renderText } from "./report-text.js";

const plain = pc.createColors(false);

function endpoint(overrides: Partial<Endpoint>): Endpoint {
  return {
    method: "GET",
    path: "/health",
    framework: "express",
    file: "src/app.ts",
    line: 3,
    resolved: true,
    ...overrides,
  };
}

describe("renderText: endpoints", () => {
  const text = renderText(
    sampleReport({
      endpoints: [
        endpoint({ method: "OPTIONS", path: "/*any", file: "router/router.go", line: 163 }),
        endpoint({
          path: "/<HealthEndpointPath>",
          file: "MinimalClean/src/MinimalClean.Architecture.ServiceDefaults/Extensions.cs",
          line: 116,
          resolved: false,
        }),
        endpoint({
          method: "DELETE",
          path: "/admin/challenges/preview/<int:challenge_id>/attempts",
          file: "src/Clean.Architecture.Web/Contributors/Delete.cs",
          line: 12,
        }),
      ],
    }),
    plain,
  );
  const lines = text.split("\n");

  it("keeps the method apart from the path, even OPTIONS", () => {
    expect(lines).toContain("  OPTIONS /*any                                 router/router.go:163");
  });

  it("fits every endpoint line in 80 columns, keeping the file name and line", () => {
    expect(lines).toContain(
      "  GET     /<HealthEndpointPath>                 …/Extensions.cs:116 (unresolved)",
    );
    expect(lines).toContain(
      "  DELETE  /admin/challenges/preview/<int:chall… …e.Web/Contributors/Delete.cs:12",
    );
    expect(lines.filter((line) => line.length > 80)).toEqual([]);
  });
});

describe("renderText: check reasons", () => {
  it("breaks a file path too long for a line after a slash, so every line fits 80 columns", () => {
    const reason =
      "met: validates request input (input_validation = yes, e.g. uses FluentValidation at " +
      "MinimalClean/src/MinimalClean.Architecture.Web/CartFeatures/AddToCart/AddToCartEndpoint.cs:1)";
    const text = renderText(
      sampleReport({
        checks: [
          {
            id: "api",
            kind: "skill-gap",
            title: "Build a working REST API from scratch",
            verdict: "pass",
            reasons: [reason],
            evidence: [],
          },
        ],
      }),
      plain,
    );
    expect(text).toContain(
      [
        "  ✔ pass    Build a working REST API from scratch",
        "      - met: validates request input (input_validation = yes, e.g. uses",
        "        FluentValidation at",
        "        MinimalClean/src/MinimalClean.Architecture.Web/CartFeatures/AddToCart/",
        "        AddToCartEndpoint.cs:1)",
      ].join("\n"),
    );
    expect(text.split("\n").filter((line) => line.length > 80)).toEqual([]);
  });

  it("cuts a long word without slashes (a masked secret) where the line ends", () => {
    const masked = `(MIGe${"*".repeat(100)}AAE=)`;
    const text = renderText(
      sampleReport({
        checks: [
          {
            id: "secrets",
            kind: "recruiter",
            title: "Secrets",
            verdict: "fail",
            reasons: [`not met: no credentials (committed_secrets = key at a.pem:1 ${masked})`],
            evidence: [],
          },
        ],
      }),
      plain,
    );
    expect(text).toContain(
      [
        "      - not met: no credentials (committed_secrets = key at a.pem:1",
        `        (MIGe${"*".repeat(67)}`,
        `        ${"*".repeat(33)}AAE=))`,
      ].join("\n"),
    );
  });
});

describe("renderText: next steps", () => {
  it("shows the eight most valuable and says how many more there are", () => {
    const steps = Array.from({ length: 10 }, (_, i) => ({
      check: "c",
      impact: 10 - i,
      text: `Step ${i + 1}.`,
    }));
    const lines = renderText(sampleReport({ next_steps: steps }), plain)
      .trimEnd()
      .split("\n");
    expect(lines.slice(-3)).toEqual([
      "  7. Step 7. (+4)",
      "  8. Step 8. (+3)",
      "  … and 2 more (see --md or --json)",
    ]);
    const eight = renderText(sampleReport({ next_steps: steps.slice(0, 8) }), plain);
    expect(eight.trimEnd().split("\n").at(-1)).toBe("  8. Step 8. (+3)");
  });
});

describe("renderText: git history", () => {
  it("gives each count the noun that agrees with it", () => {
    const one = {
      ...sampleGit,
      active_weeks: 1,
      longest_gap_days: 1,
      branches: 1,
      merge_commits: 1,
      pull_requests: 1,
    };
    // Joined to one line: the summary wraps at 80 columns.
    const text = renderText(sampleReport({ git: one }), plain).replace(/\s+/g, " ");
    expect(text).toContain(
      "1 active week, longest gap 1 day, 1 branch, 1 merge, 1 pull request merged",
    );
    const many = renderText(
      sampleReport({ git: { ...one, branches: 2, merge_commits: 0 } }),
      plain,
    );
    expect(many).toContain("2 branches, 0 merges");
  });
});
