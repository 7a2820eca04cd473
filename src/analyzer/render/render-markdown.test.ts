import { describe, expect, it } from "vitest";
import { sampleGit, sampleReport } from "../test-support/evidence-report.js";
import { inline, renderMarkdown } from "./render-markdown.js";

describe("inline", () => {
  it("escapes what Markdown would read as emphasis, HTML, links, code or a cell border", () => {
    expect(inline("at CTFd/admin/__init__.py:72")).toBe("at CTFd/admin/\\_\\_init\\_\\_.py:72");
    expect(inline("start with GET /users/<int:id>")).toBe("start with GET /users/\\<int:id\\>");
    expect(inline("OPTIONS /*any | [x] `y`")).toBe("OPTIONS /\\*any \\| \\[x\\] \\`y\\`");
    expect(inline("two\nlines")).toBe("two lines");
  });
});

describe("renderMarkdown", () => {
  const report = sampleReport({
    checks: [
      {
        id: "tests",
        kind: "recruiter",
        title: "Tests",
        verdict: "partial",
        reasons: ["met: automated tests (tests = yes, e.g. at app/__init__.py:3)"],
        evidence: [],
      },
    ],
    next_steps: [
      { check: "tests", impact: 2.4, text: "Add API tests (start with GET /users/<int:id>)." },
    ],
    endpoints: [
      {
        method: "GET",
        path: "/users/<int:id>",
        framework: "flask",
        file: "app/__init__.py",
        line: 9,
        resolved: true,
      },
    ],
  });
  const md = renderMarkdown(report);

  it("shows paths in reasons, next steps and evidence places as written", () => {
    expect(md).toContain(
      "| Tests | 🟡 partial | met: automated tests (tests = yes, e.g. at app/\\_\\_init\\_\\_.py:3) |",
    );
    expect(md).toContain("1. Add API tests (start with GET /users/\\<int:id\\>). _(+2.4 points)_");
    expect(md).toContain("| GET | `/users/<int:id>` | app/\\_\\_init\\_\\_.py:9 |");
  });
});

describe("renderMarkdown: git history", () => {
  it("gives each count the noun that agrees with it", () => {
    const git = {
      ...sampleGit,
      authors: 1,
      active_weeks: 1,
      branches: 1,
      merge_commits: 0,
      pull_requests: 1,
    };
    const md = renderMarkdown(sampleReport({ git }));
    expect(md).toContain("- 42 commits by 1 author, ");
    expect(md).toContain("- 1 active week; longest gap 9 days");
    expect(md).toContain("- 1 branch, 0 merge commits, 1 pull request merged");
  });

  it("counts each language's lines with a thousands separator and the noun that agrees", () => {
    const md = renderMarkdown(
      sampleReport({
        languages: [
          { name: "C#", files: 40, code: 4130, comment: 80, blank: 500 },
          { name: "Markdown", files: 1, code: 1, comment: 0, blank: 0 },
        ],
      }),
    );
    expect(md).toContain("- Languages: C# (4,130 lines), Markdown (1 line)");
  });

  it("shows the share of subjects that follow a convention and which one most follow", () => {
    const git = {
      ...sampleGit,
      commit_convention_share: 0.62,
      commit_convention: "gitmoji" as const,
    };
    expect(renderMarkdown(sampleReport({ git }))).toContain(
      "- 62% of subjects follow a convention (mostly gitmoji); 50% conventional commits; 25% of changes touch tests",
    );
  });

  it("leaves the convention out for a report stored before the figure existed", () => {
    const older = Object.fromEntries(
      Object.entries(sampleGit).filter(([key]) => !key.startsWith("commit_convention")),
    ) as unknown as typeof sampleGit;
    const md = renderMarkdown(sampleReport({ git: older }));
    expect(md).toContain("- 50% conventional commits; 25% of changes touch tests");
  });
});
