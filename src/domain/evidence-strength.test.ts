import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evidenceStrength, type StrengthInput } from "./evidence-strength.js";

const input = fc.record({
  skillsVerifiedByAnalysis: fc.nat(50),
  skillsVerifiedOnlyByEndorsement: fc.nat(50),
  currentCertifications: fc.nat(10),
  reachedLevelOrder: fc.nat(4),
});
const keys: (keyof StrengthInput)[] = [
  "skillsVerifiedByAnalysis",
  "skillsVerifiedOnlyByEndorsement",
  "currentCertifications",
  "reachedLevelOrder",
];

describe("evidenceStrength", () => {
  it("weighs a skill proven by a repository above one vouched for by a mentor", () => {
    const base = {
      skillsVerifiedByAnalysis: 0,
      skillsVerifiedOnlyByEndorsement: 0,
      currentCertifications: 0,
      reachedLevelOrder: 0,
    };
    expect(evidenceStrength({ ...base, skillsVerifiedByAnalysis: 1 })).toBeGreaterThan(
      evidenceStrength({ ...base, skillsVerifiedOnlyByEndorsement: 1 }),
    );
    expect(evidenceStrength(base)).toBe(0);
  });

  it("never lowers the strength when any kind of evidence grows", () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...keys), (before, key) => {
        const after = { ...before, [key]: before[key] + 1 };
        expect(evidenceStrength(after)).toBeGreaterThan(evidenceStrength(before));
      }),
    );
  });
});
