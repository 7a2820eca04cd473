import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Check, Criterion } from "../content/content.schema.js";
import { loadRoadmap } from "../content/content-loader.js";
import { FACTS, SIGNALS, isFactId, type FactId, type SignalId } from "../content/signals.js";
import type { FactValue } from "./fact-view.js";
import { DevladderError } from "../errors.js";
import { evaluateChecks, formatFactValue, formatValue } from "./check-evaluate.js";
import { at, makeFactView, type FactOverrides } from "./test-support/fact-view-fixtures.js";

function criterion(overrides: Partial<Criterion> & Pick<Criterion, "fact" | "expect">): Criterion {
  return {
    required: false,
    label: `${overrides.fact} as expected`,
    nextStep: `improve ${overrides.fact}`,
    ...overrides,
  };
}

function check(overrides: Partial<Check> & Pick<Check, "id" | "criteria">): Check {
  return {
    kind: "skill-gap",
    title: overrides.id,
    description: `about ${overrides.id}`,
    weight: 1,
    skills: [],
    ...overrides,
  };
}

const restApi = check({
  id: "rest-api",
  title: "Build a REST API from scratch",
  weight: 3,
  criteria: [
    criterion({
      fact: "rest_api",
      expect: { is: true },
      required: true,
      label: "serves JSON over HTTP",
      nextStep: "Build an API that serves JSON.",
    }),
    criterion({
      fact: "http_endpoints",
      expect: { min: 4 },
      label: "at least four endpoints",
      nextStep: "Only {value} endpoints found: add the rest of create, read, update and delete.",
    }),
    criterion({
      fact: "api_tests",
      expect: { is: true },
      label: "tests call the endpoints",
      nextStep: "Add API tests that call your endpoints.",
    }),
  ],
});

const gitHabits = check({
  id: "git-habits",
  kind: "recruiter",
  title: "Commit history",
  weight: 1,
  criteria: [
    criterion({ fact: "git.commits", expect: { min: 10 }, required: true, label: "ten commits" }),
    criterion({
      fact: "git.branches",
      expect: { min: 2 },
      label: "works on branches",
      nextStep: "Only {value} branch: use feature branches.",
    }),
  ],
});

const endpointEvidence = Array.from({ length: 7 }, (_, i) =>
  at("src/routes.ts", 10 + i, `GET /api/items/${i}`),
);

describe("evaluateChecks: verdicts", () => {
  it("passes a check whose criteria are all met and cites the observed values and evidence", () => {
    const facts = makeFactView({
      rest_api: { value: true, evidence: [at("src/routes.ts", 10, "GET /api/items/0")] },
      http_endpoints: { value: 12, evidence: endpointEvidence },
      api_tests: { value: true, evidence: [at("test/items.test.ts", 3)] },
    });
    const [result] = evaluateChecks([restApi], facts).checks;
    expect(result).toMatchObject({ id: "rest-api", kind: "skill-gap", verdict: "pass" });
    expect(result?.reasons).toEqual([
      "met: serves JSON over HTTP (rest_api = yes, e.g. GET /api/items/0 at src/routes.ts:10)",
      "met: at least four endpoints (http_endpoints = 12, e.g. GET /api/items/0 at src/routes.ts:10)",
      "met: tests call the endpoints (api_tests = yes, e.g. test/items.test.ts:3)",
    ]);
    // five per criterion, without repeating the line both criteria cite
    expect(result?.evidence).toEqual([
      ...endpointEvidence.slice(0, 5),
      at("test/items.test.ts", 3),
    ]);
  });

  it("calls a check partial when the required criteria hold and an optional one does not", () => {
    const facts = makeFactView({ rest_api: true, http_endpoints: 6 });
    const [result] = evaluateChecks([restApi], facts).checks;
    expect(result?.verdict).toBe("partial");
    expect(result?.reasons[2]).toBe("not met: tests call the endpoints (api_tests = no)");
  });

  it("fails a check whose required criterion is unmet, whatever else is met", () => {
    const facts = makeFactView({ rest_api: false, http_endpoints: 6, api_tests: true });
    expect(evaluateChecks([restApi], facts).checks[0]?.verdict).toBe("fail");
  });

  it("fails a check with no required criteria when none is met", () => {
    const optional = check({
      id: "docs",
      criteria: [
        criterion({ fact: "readme", expect: { is: true } }),
        criterion({ fact: "api_docs", expect: { is: true } }),
      ],
    });
    expect(evaluateChecks([optional], makeFactView()).checks[0]?.verdict).toBe("fail");
    const one = evaluateChecks([optional], makeFactView({ readme: true })).checks[0];
    expect(one?.verdict).toBe("partial");
  });

  it("never counts an unknown value as met (a folder without git history)", () => {
    const facts = makeFactView({ "git.commits": null, "git.branches": null });
    const [result] = evaluateChecks([gitHabits], facts).checks;
    expect(result?.verdict).toBe("fail");
    expect(result?.reasons[0]).toBe("not met: ten commits (git.commits = unknown)");
  });

  it("compares list facts by their length and cites the offending evidence", () => {
    const noSecrets = check({
      id: "secrets",
      criteria: [
        criterion({
          fact: "committed_secrets",
          expect: { max: 0 },
          required: true,
          label: "no committed secrets",
          nextStep: "Remove the committed secrets ({value}) and rotate them.",
        }),
      ],
    });
    const leaked = makeFactView({
      committed_secrets: { value: ["aws-key AKIA****"], evidence: [at(".env", 2)] },
    });
    const evaluation = evaluateChecks([noSecrets], leaked);
    expect(evaluation.checks[0]?.verdict).toBe("fail");
    expect(evaluation.checks[0]?.reasons[0]).toBe(
      "not met: no committed secrets (committed_secrets = aws-key AKIA****, e.g. .env:2)",
    );
    expect(evaluation.nextSteps[0]?.text).toBe(
      "Remove the committed secrets (aws-key AKIA****) and rotate them.",
    );
    expect(evaluateChecks([noSecrets], makeFactView()).checks[0]?.verdict).toBe("pass");
  });

  it("refuses a criterion over a fact the catalogue does not have", () => {
    const broken = check({
      id: "broken",
      criteria: [criterion({ fact: "vibes", expect: { is: true } })],
    });
    expect(() => evaluateChecks([broken], makeFactView())).toThrow(DevladderError);
  });
});

describe("evaluateChecks: score and next steps", () => {
  it("weights checks by their weight and criteria by whether they are required", () => {
    // rest-api (share 75): required met (2) + endpoints unmet (1) + api tests unmet (1): partial 2/4
    // git-habits (share 25): commits met (2) + branches unmet (1): partial 2/3
    const facts = makeFactView({
      rest_api: true,
      http_endpoints: 2,
      "git.commits": 12,
      "git.branches": 1,
    });
    const evaluation = evaluateChecks([gitHabits, restApi], facts);
    expect(evaluation.score).toBe(Math.round(75 * 0.5 + 25 * (2 / 3)));
    expect(evaluation.nextSteps).toEqual([
      {
        check: "rest-api",
        impact: 18.8,
        text: "Only 2 endpoints found: add the rest of create, read, update and delete.",
      },
      { check: "rest-api", impact: 18.8, text: "Add API tests that call your endpoints." },
      { check: "git-habits", impact: 8.3, text: "Only 1 branch: use feature branches." },
    ]);
  });

  it("halves the credit of a failed check", () => {
    // required unmet, both optional met: fail with metShare 2/4, so credit 1/4 of 100
    const facts = makeFactView({ http_endpoints: 9, api_tests: true });
    expect(evaluateChecks([restApi], facts).score).toBe(25);
  });

  it("scores 100 when everything is met and 0 when nothing is", () => {
    const all = makeFactView({
      rest_api: true,
      http_endpoints: 4,
      api_tests: true,
      "git.commits": 10,
      "git.branches": 2,
    });
    const evaluation = evaluateChecks([restApi, gitHabits], all);
    expect(evaluation.score).toBe(100);
    expect(evaluation.nextSteps).toEqual([]);
    expect(evaluateChecks([restApi, gitHabits], makeFactView()).score).toBe(0);
  });

  it("appends a caller's hint to make a step specific", () => {
    const facts = makeFactView({ rest_api: true, http_endpoints: 19 });
    const { nextSteps } = evaluateChecks([restApi], facts, {
      api_tests: "19 endpoints, none exercised by a test: start with POST /api/articles",
    });
    expect(nextSteps.map((step) => step.text)).toEqual([
      "Add API tests that call your endpoints (19 endpoints, none exercised by a test: start with POST /api/articles).",
    ]);
  });

  it("says a step once when several checks ask for the same fact, with their impacts added", () => {
    const quality = check({
      id: "quality",
      kind: "recruiter",
      criteria: [
        criterion({ fact: "api_tests", expect: { is: true }, nextStep: "Test failure cases too." }),
      ],
    });
    const facts = makeFactView({ rest_api: true, http_endpoints: 19 });
    // Shares: rest-api 75, quality 25. API tests would lift rest-api from 3/4 to a pass
    // (+18.75) and quality from a fail to a pass (+25).
    expect(evaluateChecks([restApi, quality], facts).nextSteps).toEqual([
      { check: "quality", impact: 43.8, text: "Test failure cases too." },
    ]);
  });

  it("folds a step that comes after an unmet fact into that fact's step, points and all", () => {
    const testing = check({
      id: "testing",
      criteria: [
        criterion({
          fact: "tests",
          expect: { is: true },
          required: true,
          nextStep: "Add automated tests.",
        }),
        criterion({
          fact: "test_files",
          expect: { min: 3 },
          after: "tests",
          nextStep: "Only {value} test files.",
        }),
        criterion({ fact: "ci", expect: { is: true }, nextStep: "Run them in CI." }),
      ],
    });
    // Weights 2 + 1 + 1. Tests alone: fail 0 → partial 2/4 (+50); test files: fail 0 → fail
    // 1/4 / 2 (+12.5), said within the tests step; CI the same, said on its own.
    expect(evaluateChecks([testing], makeFactView()).nextSteps).toEqual([
      { check: "testing", impact: 62.5, text: "Add automated tests." },
      { check: "testing", impact: 12.5, text: "Run them in CI." },
    ]);
    // Once the fact it comes after is met, the step is said on its own.
    const some = makeFactView({ tests: true, test_files: 1, ci: true });
    expect(evaluateChecks([testing], some).nextSteps).toEqual([
      { check: "testing", impact: 25, text: "Only 1 test files." },
    ]);
  });

  it("meets a gated criterion only while the fact it comes after is met", () => {
    const testing = check({
      id: "testing",
      criteria: [
        criterion({ fact: "tests", expect: { is: true }, nextStep: "Add automated tests." }),
        criterion({
          fact: "git.tests_with_changes_share",
          expect: { min: 0.2 },
          label: "tests change with the code",
          after: "tests",
          gated: true,
          nextStep: "Change tests with the code.",
        }),
      ],
    });
    // An empty generated tests.py touched by every commit: 100% of commits, but no real tests.
    const stubs = evaluateChecks(
      [testing],
      makeFactView({ tests: false, "git.tests_with_changes_share": 1 }),
    );
    expect(stubs.checks[0]?.verdict).toBe("fail");
    expect(stubs.checks[0]?.reasons[1]).toBe(
      "not met: tests change with the code (git.tests_with_changes_share = 100%, which counts only with tests)",
    );
    expect(stubs.score).toBe(0);
    // Its points are said within the tests step, which now earns both criteria.
    expect(stubs.nextSteps).toEqual([
      { check: "testing", impact: 100, text: "Add automated tests." },
    ]);
    const real = evaluateChecks(
      [testing],
      makeFactView({ tests: true, "git.tests_with_changes_share": 1 }),
    );
    expect(real.checks[0]?.verdict).toBe("pass");
    expect(real.score).toBe(100);
  });

  it("cites no example when the value already names its place", () => {
    const safety = check({
      id: "safety",
      criteria: [
        criterion({ fact: "committed_secrets", expect: { max: 0 }, label: "no credentials" }),
      ],
    });
    const facts = makeFactView({
      committed_secrets: {
        value: ["api-key at app.yml:3 (40****70)"],
        evidence: [at("app.yml", 3, "api-key")],
      },
    });
    expect(evaluateChecks([safety], facts).checks[0]?.reasons).toEqual([
      "not met: no credentials (committed_secrets = api-key at app.yml:3 (40****70))",
    ]);
  });

  it("writes a counted noun in the singular or plural its value needs", () => {
    const counted = check({
      id: "counted",
      criteria: [
        criterion({
          fact: "git.branches",
          expect: { min: 2 },
          nextStep: "Only {value} branch(es) found.",
        }),
        criterion({
          fact: "test_files",
          expect: { min: 3 },
          nextStep: "Only {value} test file(s); {value} is few.",
        }),
      ],
    });
    const texts = (facts: FactOverrides) =>
      evaluateChecks([counted], makeFactView(facts)).nextSteps.map((step) => step.text);
    expect(texts({ "git.branches": 1, test_files: 2 })).toEqual([
      "Only 1 branch found.",
      "Only 2 test files; 2 is few.",
    ]);
    expect(texts({ "git.branches": 0, test_files: 1 })).toEqual([
      "Only 0 branches found.",
      "Only 1 test file; 1 is few.",
    ]);
  });

  it("follows a fold along: a step after a folded fact is said where that one is", () => {
    const api = check({
      id: "api",
      criteria: [
        criterion({ fact: "rest_api", expect: { is: true }, nextStep: "Build an API." }),
        criterion({
          fact: "http_endpoints",
          expect: { min: 3 },
          after: "rest_api",
          nextStep: "Add endpoints.",
        }),
      ],
    });
    const data = check({
      id: "data",
      criteria: [
        criterion({
          fact: "crud",
          expect: { is: true },
          after: "http_endpoints",
          nextStep: "Add CRUD.",
        }),
      ],
    });
    // Shares 50 each. Either API criterion alone makes that check partial at 1/2 (+25); CRUD +50.
    expect(evaluateChecks([api, data], makeFactView()).nextSteps).toEqual([
      { check: "api", impact: 100, text: "Build an API." },
    ]);
    const endpoints = makeFactView({ rest_api: true, http_endpoints: 5 });
    expect(evaluateChecks([api, data], endpoints).nextSteps).toEqual([
      { check: "data", impact: 50, text: "Add CRUD." },
    ]);
  });

  it("says an urgent step first, whatever its points", () => {
    const safety = check({
      id: "safety",
      criteria: [
        criterion({ fact: "tests", expect: { is: true }, required: true, nextStep: "Test." }),
        criterion({
          fact: "committed_secrets",
          expect: { max: 0 },
          urgent: true,
          nextStep: "Revoke the committed credentials.",
        }),
      ],
    });
    const facts = makeFactView({
      committed_secrets: { value: ["api-key at app.yml:3"], evidence: [at("app.yml", 3)] },
    });
    // Tests: fail 0 → partial 2/3 (+66.7); the secret: fail 0 → fail 1/3 / 2 (+16.7).
    expect(evaluateChecks([safety], facts).nextSteps).toEqual([
      { check: "safety", impact: 16.7, text: "Revoke the committed credentials." },
      { check: "safety", impact: 66.7, text: "Test." },
    ]);
  });

  it("meeting more criteria never lowers the score, which stays within 0-100 (property)", () => {
    // a small pool, so criteria share facts and check verdicts move in many ways
    const booleanFacts = (Object.keys(SIGNALS) as SignalId[])
      .filter((id) => SIGNALS[id].type === "boolean")
      .slice(0, 6);
    const criterionArbitrary = fc.record({
      fact: fc.constantFrom(...booleanFacts),
      required: fc.boolean(),
    });
    const checksArbitrary = fc.array(
      fc.record({
        weight: fc.integer({ min: 1, max: 10 }),
        criteria: fc.array(criterionArbitrary, { minLength: 1, maxLength: 8 }),
      }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(
        checksArbitrary,
        fc.subarray(booleanFacts),
        fc.constantFrom(...booleanFacts),
        (specs, trueFacts, extra) => {
          const checks = specs.map((spec, i) =>
            check({
              id: `check-${i}`,
              weight: spec.weight,
              criteria: spec.criteria.map((c) => criterion({ ...c, expect: { is: true } })),
            }),
          );
          const view = (ids: readonly SignalId[]) =>
            makeFactView(Object.fromEntries(ids.map((id) => [id, true])));
          const before = evaluateChecks(checks, view(trueFacts));
          const after = evaluateChecks(checks, view([...trueFacts, extra]));
          expect(after.score).toBeGreaterThanOrEqual(before.score);
          for (const result of [before, after]) {
            expect(result.score).toBeGreaterThanOrEqual(0);
            expect(result.score).toBeLessThanOrEqual(100);
            const impacts = result.nextSteps.map((step) => step.impact);
            expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("formatValue", () => {
  it("writes values the way a sentence needs them", () => {
    expect(formatValue(true)).toBe("yes");
    expect(formatValue(false)).toBe("no");
    expect(formatValue(12)).toBe("12");
    expect(formatValue(0.4567)).toBe("0.46");
    expect(formatValue([])).toBe("none");
    expect(formatValue(["postgresql", "sqlite"])).toBe("postgresql, sqlite");
    expect(formatValue(["a", "b", "c"])).toBe("a, b, c");
    expect(formatValue(["a", "b", "c", "d", "e"])).toBe("a, b, c and 2 more");
    expect(formatValue(null)).toBe("unknown");
  });

  it("writes shares (and the comment ratio) as percentages, other numbers as they are", () => {
    expect(formatFactValue("git.conventional_commit_share", 0.284)).toBe("28%");
    expect(formatFactValue("git.tests_with_changes_share", 0)).toBe("0%");
    expect(formatFactValue("code.comment_ratio", 0.014)).toBe("1%");
    expect(formatFactValue("git.commits", 12)).toBe("12");
    expect(formatFactValue("git.conventional_commit_share", null)).toBe("unknown");
  });

  it("cites a share as a percentage in reasons and next steps", () => {
    const messages = check({
      id: "messages",
      criteria: [
        criterion({
          fact: "git.conventional_commit_share",
          expect: { min: 0.5 },
          label: "consistent messages",
          nextStep: "The share is {value}; write Conventional Commits.",
        }),
      ],
    });
    const facts = makeFactView({ "git.conventional_commit_share": 0.28 });
    const evaluation = evaluateChecks([messages], facts);
    expect(evaluation.checks[0]?.reasons).toEqual([
      "not met: consistent messages (git.conventional_commit_share = 28%)",
    ]);
    expect(evaluation.nextSteps.map((step) => step.text)).toEqual([
      "The share is 28%; write Conventional Commits.",
    ]);
  });
});

/** For each fact the criteria name, a value that meets all of them (tried from their thresholds). */
function factsMeeting(checks: readonly Check[]): FactOverrides {
  const byFact = new Map<FactId, Criterion[]>();
  for (const entry of checks.flatMap((c) => c.criteria)) {
    if (!isFactId(entry.fact)) throw new Error(`unknown fact ${entry.fact}`);
    byFact.set(entry.fact, [...(byFact.get(entry.fact) ?? []), entry]);
  }
  const overrides: FactOverrides = {};
  for (const [fact, criteria] of byFact) {
    const sizes = [
      0,
      1,
      ...criteria.flatMap((c) =>
        "min" in c.expect ? [c.expect.min] : "max" in c.expect ? [c.expect.max] : [],
      ),
    ];
    const candidates: FactValue[] =
      FACTS[fact].type === "boolean"
        ? [true, false]
        : FACTS[fact].type === "number"
          ? sizes
          : sizes.map((n) => Array.from({ length: Math.ceil(n) }, (_, i) => `item-${i}`));
    const fits = candidates.find((value) =>
      evaluateChecks(
        [check({ id: "probe", criteria })],
        makeFactView({ [fact]: value }),
      ).checks[0]?.reasons.every((r) => r.startsWith("met")),
    );
    if (fits === undefined) throw new Error(`no value meets every criterion on ${fact}`);
    overrides[fact] = fits;
  }
  return overrides;
}

describe("evaluateChecks: the real roadmap's checks", () => {
  const { checks } = loadRoadmap();

  it("passes every check and scores 100 for a repository that meets every criterion", () => {
    const evaluation = evaluateChecks(checks, makeFactView(factsMeeting(checks)));
    expect(evaluation.checks.map((c) => [c.id, c.verdict])).toEqual(
      checks.map((c) => [c.id, "pass"]),
    );
    expect(evaluation.score).toBe(100);
    expect(evaluation.nextSteps).toEqual([]);
  });

  it("says to use a relational database before migrations and a data-access layer for it", () => {
    const noSql = { ...factsMeeting(checks), sql_database: false, migrations: false, orms: [] };
    // sql-crud (15 points) fails at 2/6 (crud only): a database alone makes it partial at 4/6
    // (+7.5); migrations or a data-access layer alone would add 1.3 each, said in that step.
    expect(evaluateChecks(checks, makeFactView(noSql)).nextSteps).toEqual([
      {
        check: "sql-crud",
        impact: 10.1,
        text: "Store the application's data in a relational database such as PostgreSQL, MySQL or SQLite.",
      },
    ]);
  });

  it("asks for API tests once, error cases included, when there is none to add failure cases to", () => {
    const noApiTests = { ...factsMeeting(checks), api_tests: false, api_error_tests: false };
    const steps = evaluateChecks(checks, makeFactView(noApiTests)).nextSteps;
    expect(steps.map((step) => step.check)).toEqual(["tested-production-quality"]);
    expect(steps[0]?.text).toMatch(/^Add tests that call your endpoints .*including error cases/);
    // With API tests in place, the failure cases are a step of their own.
    const happyPathOnly = { ...factsMeeting(checks), api_error_tests: false };
    expect(
      evaluateChecks(checks, makeFactView(happyPathOnly)).nextSteps.map((step) => step.check),
    ).toEqual(["error-handling-edge-cases"]);
  });

  it("passes the branching check on pull requests merged as one commit each, without merges", () => {
    const squashed = {
      ...factsMeeting(checks),
      "git.merge_commits": 0,
      "git.merged_branches": 3,
      "git.pull_requests": 3,
    };
    const evaluation = evaluateChecks(checks, makeFactView(squashed));
    expect(evaluation.checks.find((c) => c.id === "git-branching")?.verdict).toBe("pass");
  });

  it("fails every check of an empty folder without history, with a next step per criterion", () => {
    const empty = makeFactView(
      Object.fromEntries(
        Object.keys(FACTS)
          .filter((id) => id.startsWith("git."))
          .map((id) => [id, null]),
      ),
    );
    const evaluation = evaluateChecks(checks, empty);
    expect(evaluation.checks.every((c) => c.verdict !== "pass")).toBe(true);
    expect(evaluation.score).toBeLessThan(20);
    for (const step of evaluation.nextSteps) expect(step.text).not.toContain("{value}");
  });
});
