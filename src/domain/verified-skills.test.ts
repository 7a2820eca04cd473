import { describe, expect, it } from "vitest";
import type { GitSummary, SignalResult, Signals } from "../analyzer/report.js";
import { SIGNALS, SIGNAL_IDS, type SignalId } from "../content/signals.js";
import type { ReportFacts } from "./fact-view.js";
import { EVIDENCE_PER_FACT, verifySkills } from "./verified-skills.js";
import { absentFactValue } from "../content/test-support/absent-fact-value.js";

function report(
  overrides: Partial<Record<SignalId, SignalResult<unknown>>>,
  git: Partial<GitSummary> | null = {},
): ReportFacts {
  const absent = (id: SignalId) => absentFactValue(SIGNALS[id].type);
  const signals = Object.fromEntries(
    SIGNAL_IDS.map((id) => [id, overrides[id] ?? { value: absent(id), evidence: [] }]),
  ) as Signals;
  return {
    signals,
    git:
      git === null
        ? null
        : {
            commits: 0,
            authors: 0,
            bot_authors: 0,
            branches: 0,
            merge_commits: 0,
            pull_requests: 0,
            merged_branches: 0,
            first_commit: null,
            last_commit: null,
            active_weeks: 0,
            longest_gap_days: 0,
            conventional_commit_share: 0,
            commit_convention_share: 0,
            commit_convention: null,
            bulk_upload: false,
            tests_with_changes_share: 0,
            numstat_commits: 0,
            unreadable_paths: 0,
            weekly: [],
            ...git,
          },
  };
}

const at = (file: string, line: number) => ({ file, line });

describe("verifySkills", () => {
  it("verifies a skill when every listed fact is met, with the evidence of each", () => {
    const proved = verifySkills(
      [{ id: "rest-apis", signals: ["rest_api", "http_endpoints", "orms"] }],
      report({
        rest_api: { value: true, evidence: [at("src/app.js", 3)] },
        http_endpoints: { value: 4, evidence: [at("src/routes.js", 10)] },
        orms: { value: ["prisma"], evidence: [at("package.json", 0)] },
      }),
    );
    expect(proved).toEqual([
      {
        skillId: "rest-apis",
        facts: [
          { fact: "rest_api", value: true, evidence: [at("src/app.js", 3)] },
          { fact: "http_endpoints", value: 4, evidence: [at("src/routes.js", 10)] },
          { fact: "orms", value: ["prisma"], evidence: [at("package.json", 0)] },
        ],
      },
    ]);
  });

  it("does not verify a skill when one fact is false, zero or an empty list", () => {
    const skills = [
      { id: "a", signals: ["rest_api", "tests"] },
      { id: "b", signals: ["rest_api", "http_endpoints"] },
      { id: "c", signals: ["rest_api", "orms"] },
    ];
    const proved = verifySkills(skills, report({ rest_api: { value: true, evidence: [] } }));
    expect(proved).toEqual([]);
  });

  it("reads git facts from the history summary and treats a folder without history as unproven", () => {
    const skills = [{ id: "git-basics", signals: ["git.commits", "git.active_weeks"] }];
    expect(
      verifySkills(skills, report({}, { commits: 12, active_weeks: 3 })).map((s) => s.skillId),
    ).toEqual(["git-basics"]);
    expect(verifySkills(skills, report({}, { commits: 12, active_weeks: 0 }))).toEqual([]);
    expect(verifySkills(skills, report({}, null))).toEqual([]);
  });

  it("takes collaboration (git.co_authors) as proved by two or more people, not by one", () => {
    const skills = [{ id: "collaboration", signals: ["git.co_authors"] }];
    expect(verifySkills(skills, report({}, { commits: 40, authors: 1 }))).toEqual([]);
    expect(verifySkills(skills, report({}, { commits: 40, authors: 3 }))).toEqual([
      { skillId: "collaboration", facts: [{ fact: "git.co_authors", value: 2, evidence: [] }] },
    ]);
    expect(verifySkills(skills, report({}, null))).toEqual([]);
  });

  it("reads code facts from the code figures; a report stored without them proves none", () => {
    const skills = [{ id: "style", signals: ["lint_config", "code.comment_ratio"] }];
    const lint = { lint_config: { value: true, evidence: [] } };
    const withCode = { ...report(lint), code: { lines: 800, comment_ratio: 0.12 } };
    expect(verifySkills(skills, withCode)).toEqual([
      {
        skillId: "style",
        facts: [
          { fact: "lint_config", value: true, evidence: [] },
          { fact: "code.comment_ratio", value: 0.12, evidence: [] },
        ],
      },
    ]);
    const uncommented = { ...report(lint), code: { lines: 800, comment_ratio: 0 } };
    expect(verifySkills(skills, uncommented)).toEqual([]);
    expect(verifySkills(skills, report(lint))).toEqual([]);
  });

  it("never verifies a skill without facts, with code figures the report lacks, or with warning facts", () => {
    const proved = verifySkills(
      [
        { id: "no-facts", signals: [] },
        { id: "style", signals: ["lint_config", "code.comment_ratio"] },
        { id: "secrets", signals: ["committed_secrets"] },
        { id: "bulk", signals: ["git.bulk_upload"] },
        { id: "unknown", signals: ["not_a_fact"] },
      ],
      report(
        {
          lint_config: { value: true, evidence: [] },
          committed_secrets: { value: ["aws key"], evidence: [] },
        },
        { bulk_upload: true },
      ),
    );
    expect(proved).toEqual([]);
  });

  it("keeps only the first few evidence locations of a fact", () => {
    const many = Array.from({ length: EVIDENCE_PER_FACT + 3 }, (_, i) => at(`t${i}.test.js`, 1));
    const [skill] = verifySkills(
      [{ id: "testing", signals: ["tests"] }],
      report({ tests: { value: true, evidence: many } }),
    );
    expect(skill?.facts[0]?.evidence).toEqual(many.slice(0, EVIDENCE_PER_FACT));
  });
});
