import { describe, expect, it } from "vitest";
import type { Level } from "../content/content.schema.js";
import { readiness, type ReadinessEvidence } from "./readiness.js";
import { showcaseReadiness } from "./readiness-showcase.js";

const criterion = (id: string, measure: Level["criteria"][number]["measure"]) => ({
  id,
  description: `about ${id}`,
  evidence: ["analysis" as const],
  measure,
});
const level: Level = {
  id: "senior",
  order: 1,
  title: "Senior",
  summary: "s",
  criteria: [
    criterion("skills", { type: "skills-verified", skills: ["rest", "sql", "git"], min: 2 }),
    criterion("impact", { type: "growth", dimension: "impact", min: 1 }),
    criterion("endorsed", { type: "endorsements", min: 1 }),
  ],
};
const evidence: ReadinessEvidence = {
  projects: [],
  skillProofs: new Map([["rest", [{ kind: "analysis", analysisId: "a1", location: "repo" }]]]),
  selfDone: new Set(),
  growth: [{ id: "g1", dimension: "impact", title: "Private story about a release" }],
  endorsements: [{ id: "e1", skillId: "rest", mentor: "Ada" }],
  currentCertifications: [],
};

describe("readiness as a profile shows it", () => {
  it("says nothing about skills the learner only marked done, and keeps the rest as judged", () => {
    const selfDone = new Set(["sql", "git"]);
    // the learner's own view names both
    expect(JSON.stringify(readiness([level], { ...evidence, selfDone }))).toContain("marked done");
    const shown = showcaseReadiness([level], { ...evidence, selfDone });
    // exactly what the learner's readiness would be had they marked nothing done
    expect(shown).toEqual(showcaseReadiness([level], evidence));
    expect(JSON.stringify(shown)).not.toContain("marked done");
    const skills = shown.levels[0]?.criteria[0];
    expect(skills).toMatchObject({ have: 1, need: 2, met: false });
    expect(skills?.missing).toHaveLength(1);
  });

  it("counts growth entries without naming them, and still names endorsements and analyses", () => {
    const shown = showcaseReadiness([level], evidence);
    const [skills, impact, endorsed] = shown.levels[0]?.criteria ?? [];
    expect(impact).toMatchObject({ have: 1, need: 1, met: true, evidence: [] });
    expect(JSON.stringify(shown)).not.toContain("Private story");
    expect(endorsed?.evidence).toEqual([
      { kind: "endorsement", id: "e1", label: "rest: endorsed by Ada" },
    ]);
    expect(skills?.evidence.map((e) => e.id)).toEqual(["a1"]);
  });
});
