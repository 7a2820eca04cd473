/**
 * How strongly a candidate's evidence backs their profile, to rank recruiter searches. Evidence
 * checked by a machine or vouched for by a person weighs more than anything self-declared, which
 * weighs nothing:
 *   3 points per skill verified by an analysed repository,
 *   2 points per skill verified only by mentor endorsements,
 *   2 points per current (earned, not expired) certification,
 *   5 points per career level reached (entry = 1, senior = 2, ...).
 * More evidence of any kind never lowers the strength.
 */
export const STRENGTH_POINTS = {
  analysedSkill: 3,
  endorsedSkill: 2,
  certification: 2,
  level: 5,
} as const;

export interface StrengthInput {
  readonly skillsVerifiedByAnalysis: number;
  readonly skillsVerifiedOnlyByEndorsement: number;
  readonly currentCertifications: number;
  /** the order of the reached level; 0 when none is reached */
  readonly reachedLevelOrder: number;
}

export function evidenceStrength(input: StrengthInput): number {
  return (
    STRENGTH_POINTS.analysedSkill * input.skillsVerifiedByAnalysis +
    STRENGTH_POINTS.endorsedSkill * input.skillsVerifiedOnlyByEndorsement +
    STRENGTH_POINTS.certification * input.currentCertifications +
    STRENGTH_POINTS.level * input.reachedLevelOrder
  );
}
