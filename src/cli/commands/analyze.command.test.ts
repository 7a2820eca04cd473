import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGNAL_IDS } from "../../content/signals.js";
import type { EvidenceReport } from "../../analyzer/report.js";
import { makeFolder, makeRepo, type TempRepo } from "../../analyzer/test-support/make-repo.js";
import { files as expressApi } from "../../analyzer/test-support/fixtures/node-express-api.js";
import { assertCliBuilt, runCli } from "../test-support/run-cli.js";

describe("devladder analyze", () => {
  let repo: TempRepo;
  let scratch: string;

  beforeAll(() => {
    assertCliBuilt();
    repo = makeRepo(expressApi);
    scratch = mkdtempSync(join(tmpdir(), "devladder-analyze-cli-"));
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("prints a grouped report with the score, checks, endpoints and next steps", () => {
    const result = runCli(["analyze", repo.dir]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Score \d+\/100$/m);
    expect(result.stdout).toContain("Skill-gap checks");
    expect(result.stdout).toContain("Recruiter checklist");
    expect(result.stdout).toMatch(/GET\s+\/api\/articles\s+src\/routes\/articles\.js:\d+/);
    expect(result.stdout).toContain("Next steps");
    for (const line of result.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("prints the JSON contract with every signal and the commit analysed", () => {
    const result = runCli(["analyze", repo.dir, "--json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as EvidenceReport;
    expect(report.schemaVersion).toBe(1);
    expect(report.tool.name).toBe("devladder");
    expect(report.repository.commit).toBe(repo.git("rev-parse", "HEAD").trim());
    expect(Object.keys(report.signals).sort()).toEqual([...SIGNAL_IDS].sort());
    expect(report.signals.rest_api.value).toBe(true);
    expect(report.git?.commits).toBe(1);
    expect(report.code.lines).toBeGreaterThan(0);
    expect(report.code.comment_ratio).toBeGreaterThanOrEqual(0);
    expect(report.code.comment_ratio).toBeLessThan(1);
    expect(
      report.checks.map((c) => c.verdict).every((v) => ["pass", "partial", "fail"].includes(v)),
    ).toBe(true);
  });

  it("prints Markdown and writes an SVG badge with the same score", () => {
    const badge = join(scratch, "badge.svg");
    const json = JSON.parse(runCli(["analyze", repo.dir, "--json"]).stdout) as EvidenceReport;
    const result = runCli(["analyze", repo.dir, "--md", "--badge", badge]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# devladder report/);
    expect(result.stdout).toContain(`**Score: ${json.score}/100**`);
    const svg = readFileSync(badge, "utf8");
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain(`${json.score}/100`);
  });

  it("exits 3 when the score is below --fail-under and 0 when it is not", () => {
    const { score } = JSON.parse(runCli(["analyze", repo.dir, "--json"]).stdout) as EvidenceReport;
    const below = runCli(["analyze", repo.dir, "--json", "--fail-under", String(score + 1)]);
    expect(below.code).toBe(3);
    expect(below.stderr).toContain(`score ${score} is below --fail-under ${score + 1}`);
    expect(runCli(["analyze", repo.dir, "--json", "--fail-under", String(score)]).code).toBe(0);
  });

  it("loads the TypeScript parser only for repositories with JavaScript routes to read", () => {
    // Reports at exit whether the process loaded the typescript package (≈ 0.4 s and 80 MB).
    const probe = join(scratch, "typescript-probe.cjs");
    writeFileSync(
      probe,
      `process.on("exit", () => process.stderr.write("typescript loaded: " + Object.keys(require.cache).some((k) => k.includes("/node_modules/typescript/")) + "\\n"));\n`,
    );
    const loaded = (dir: string) =>
      runCli(["analyze", dir, "--json", "-q"], { env: { NODE_OPTIONS: `--require ${probe}` } })
        .stderr;
    const python = makeRepo({
      "app/main.py":
        "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get('/items')\ndef items():\n    return []\n",
      "web/src/client.test.ts": "import { it } from 'vitest';\nit('loads', () => {});\n",
    });
    // A Next.js app's route handlers are read as text, and its plain-JSON tsconfig with JSON.parse.
    const next = makeRepo({
      "package.json": JSON.stringify({ dependencies: { next: "15.0.0", react: "19.0.0" } }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { paths: { "@/*": ["./*"] } } }),
      "app/api/items/route.ts": "export async function GET() { return Response.json([]); }\n",
      "app/items/page.tsx": "import { List } from '@/components/list';\nexport default List;\n",
      "components/list.tsx": "'use client';\nexport const List = () => null;\n",
    });
    try {
      expect(loaded(python.dir)).toBe("typescript loaded: false\n");
      expect(loaded(next.dir)).toBe("typescript loaded: false\n");
      expect(loaded(repo.dir)).toBe("typescript loaded: true\n");
    } finally {
      python.cleanup();
      next.cleanup();
    }
  });

  it("rejects a --fail-under that is not a score with exit 2", () => {
    const result = runCli(["analyze", repo.dir, "--fail-under", "lots"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("a number from 0 to 100");
  });

  it("rejects two output formats at once", () => {
    const result = runCli(["analyze", repo.dir, "--json", "--md"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("at most one of --json, --md");
  });

  it("answers a missing path with one line and exit 2, never a stack trace", () => {
    const result = runCli(["analyze", join(scratch, "nope")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not found/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("answers a repository without commits with exit 2", () => {
    const empty = makeFolder({ "README.md": "# nothing committed\n" });
    try {
      empty.git("init", "-q");
      const result = runCli(["analyze", empty.dir]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("no commits");
    } finally {
      empty.cleanup();
    }
  });

  it("answers an empty folder with exit 2", () => {
    const empty = makeFolder({});
    try {
      const result = runCli(["analyze", empty.dir]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("empty");
    } finally {
      empty.cleanup();
    }
  });

  it("clones a file:// URL, analyses it and removes the clone", () => {
    // A temp folder of its own: other tests clone into the shared one at the same time.
    const temp = mkdtempSync(join(scratch, "tmp-"));
    const result = runCli(["analyze", `file://${repo.dir}`, "--json"], { env: { TMPDIR: temp } });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as EvidenceReport;
    expect(report.endpoints.length).toBeGreaterThan(0);
    expect(readdirSync(temp)).toEqual([]);
  });

  it("answers a clone that fails with exit 1 and git's cause", () => {
    const result = runCli(["analyze", `file://${join(scratch, "missing.git")}`]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("refuses transports that could run commands", () => {
    const marker = join(scratch, "pwned");
    const result = runCli(["analyze", `ext::sh -c touch% ${marker}`]);
    expect(result.code).toBe(2);
    expect(existsSync(marker)).toBe(false);
  });
});
