import { describe, expect, it } from "vitest";
import type { Level } from "../content/content.schema.js";
import { readiness, type ReadinessEvidence, type SkillProof } from "./readiness.js";

const criterion = (id: string, measure: Level["criteria"][number]["measure"]) => ({
  id,
  description: `about ${id}`,
  evidence: ["analysis" as const],
  measure,
});
const entry: Level = {
  id: "entry",
  order: 1,
  title: "Entry",
  summary: "s",
  criteria: [
    criterion("projects", { type: "projects", min: 2, checks: ["api", "tests"] }),
    criterion("skills", { type: "skills-verified", skills: ["rest", "sql", "git"], min: 2 }),
  ],
};
const senior: Level = {
  id: "senior",
  order: 2,
  title: "Senior",
  summary: "s",
  criteria: [
    criterion("services", { type: "fact", fact: "microservices" }),
    criterion("impact", { type: "growth", dimension: "impact", min: 1 }),
    criterion("endorsed", { type: "endorsements", min: 1 }),
    criterion("certified", { type: "certifications", min: 1 }),
  ],
};

const project = (id: string, checks: string[], facts: string[] = []) => ({
  analysisId: id,
  location: `https://git.example/${id}`,
  passedChecks: new Set(checks),
  trueFacts: new Set(facts),
});
const noEvidence: ReadinessEvidence = {
  projects: [],
  skillProofs: new Map(),
  selfDone: new Set(),
  growth: [],
  endorsements: [],
  currentCertifications: [],
};

describe("readiness", () => {
  it("counts only repositories that pass every named check", () => {
    const result = readiness([entry], {
      ...noEvidence,
      projects: [project("a", ["api", "tests"]), project("b", ["api"])],
    });
    const projects = result.levels[0]?.criteria[0];
    expect(projects).toMatchObject({ have: 1, need: 2, met: false });
    expect(projects?.evidence.map((e) => e.id)).toEqual(["a"]);
    expect(projects?.missing).toEqual(["1 more analysed repository passing api, tests"]);
  });

  it("verifies skills by analysis or endorsement, never by a self-marked done", () => {
    const proofs = new Map<string, SkillProof[]>([
      ["rest", [{ kind: "analysis", analysisId: "a", location: "repo" }]],
      ["sql", [{ kind: "endorsement", endorsementId: "e", mentor: "Ada" }]],
    ]);
    const met = readiness([entry], { ...noEvidence, skillProofs: proofs }).levels[0]?.criteria[1];
    expect(met).toMatchObject({ have: 2, need: 2, met: true, missing: [] });
    expect(met?.evidence.map((e) => e.kind)).toEqual(["analysis", "endorsement"]);

    const selfOnly = readiness([entry], {
      ...noEvidence,
      selfDone: new Set(["rest", "sql", "git"]),
    }).levels[0]?.criteria[1];
    expect(selfOnly).toMatchObject({ have: 0, met: false });
    expect(selfOnly?.missing).toContain(
      "git is marked done but not verified: link a repository that shows it or ask a mentor to endorse it",
    );
  });

  it("meets a fact, growth, endorsement and certification criterion from their evidence", () => {
    const result = readiness([senior], {
      ...noEvidence,
      projects: [project("m", [], ["microservices"])],
      growth: [{ id: "g", dimension: "impact", title: "Shipped search" }],
      endorsements: [{ id: "e", skillId: "sql", mentor: "Ada" }],
      currentCertifications: [{ id: "aws", title: "AWS" }],
    });
    expect(result.levels[0]?.criteria.map((c) => [c.criterionId, c.met])).toEqual([
      ["services", true],
      ["impact", true],
      ["endorsed", true],
      ["certified", true],
    ]);
    const none = readiness([senior], noEvidence).levels[0]?.criteria;
    expect(none?.map((c) => c.missing.length > 0)).toEqual([true, true, true, true]);
  });

  it("reaches a level only when it and every level below it are met", () => {
    const seniorOnly: ReadinessEvidence = {
      ...noEvidence,
      projects: [project("m", [], ["microservices"])],
      growth: [{ id: "g", dimension: "impact", title: "t" }],
      endorsements: [{ id: "e", skillId: "sql", mentor: "Ada" }],
      currentCertifications: [{ id: "aws", title: "AWS" }],
    };
    const result = readiness([senior, entry], seniorOnly);
    expect(result.levels.map((l) => [l.levelId, l.met])).toEqual([
      ["entry", false],
      ["senior", true],
    ]);
    expect(result.reachedLevel).toBeNull();
  });
});
