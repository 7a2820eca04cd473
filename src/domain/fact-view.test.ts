import { describe, expect, it } from "vitest";
import type { GitSummary, SignalResult, Signals } from "../analyzer/report.js";
import { FACT_IDS, SIGNALS, SIGNAL_IDS, type SignalId } from "../content/signals.js";
import { sampleGit } from "../analyzer/test-support/evidence-report.js";
import { factViewFromReport, testedEndpointShare } from "./fact-view.js";
import { absentFactValue } from "../content/test-support/absent-fact-value.js";

function signals(overrides: Partial<Record<SignalId, SignalResult<unknown>>>): Signals {
  const absent = (id: SignalId) => absentFactValue(SIGNALS[id].type);
  return Object.fromEntries(
    SIGNAL_IDS.map((id) => [id, overrides[id] ?? { value: absent(id), evidence: [] }]),
  ) as Signals;
}

const git: GitSummary = {
  ...sampleGit,
  authors: 2,
  bot_authors: 1,
  merge_commits: 5,
  first_commit: "2026-01-01T10:00:00Z",
  active_weeks: 7,
  longest_gap_days: 12,
};

describe("factViewFromReport", () => {
  it("gives every fact of the catalogue, signals with their evidence", () => {
    const view = factViewFromReport({
      signals: signals({
        http_endpoints: { value: 3, evidence: [{ file: "src/app.ts", line: 4, note: "GET /" }] },
      }),
      git,
      code: { lines: 900, comment_ratio: 0.2 },
    });
    expect(Object.keys(view).sort()).toEqual([...FACT_IDS].sort());
    expect(view.http_endpoints).toEqual({
      value: 3,
      evidence: [{ file: "src/app.ts", line: 4, note: "GET /" }],
    });
    expect(view.readme.value).toBe(false);
    expect(view["git.commits"].value).toBe(42);
    expect(view["git.co_authors"].value).toBe(1); // two authors: one besides the first
    expect(view["git.tests_with_changes_share"].value).toBe(0.25);
    expect(view["git.bulk_upload"].value).toBe(false);
    expect(view["code.comment_ratio"].value).toBe(0.2);
    expect(view["code.lines"].value).toBe(900);
  });

  it("marks git facts unknown when there is no history", () => {
    const view = factViewFromReport({
      signals: signals({}),
      git: null,
      code: { lines: 0, comment_ratio: 0 },
    });
    const gitFacts = FACT_IDS.filter((id) => id.startsWith("git."));
    expect(gitFacts.length).toBeGreaterThan(0);
    for (const id of gitFacts) expect(view[id].value, id).toBeNull();
  });

  it("reads facts a stored report predates as unknown", () => {
    const older: Partial<Signals> = { ...signals({}) };
    delete older.api_error_tests;
    const view = factViewFromReport({
      signals: older as Signals,
      git: { ...git, pull_requests: undefined } as unknown as GitSummary,
    });
    expect(view.api_error_tests).toEqual({ value: null, evidence: [] });
    expect(view["git.pull_requests"].value).toBeNull();
    expect(view["code.lines"].value).toBeNull();
    expect(view["git.commits"].value).toBe(42);
  });

  it("gives the share of endpoints a test calls, unknown when there are none to call", () => {
    const call = { file: "test/users.test.ts", line: 8, note: "GET /users" };
    const share = (endpoints: number, tested: number) =>
      testedEndpointShare({
        http_endpoints: { value: endpoints, evidence: [] },
        tested_endpoints: { value: tested, evidence: tested > 0 ? [call] : [] },
      });
    expect(share(3, 1)).toEqual({ value: 0.333, evidence: [call] });
    expect(share(4, 0)).toEqual({ value: 0, evidence: [] });
    expect(share(0, 0)).toEqual({ value: null, evidence: [] });
    // A report stored before tested_endpoints existed does not know it.
    expect(testedEndpointShare({ http_endpoints: { value: 5, evidence: [] } }).value).toBeNull();
  });
});
