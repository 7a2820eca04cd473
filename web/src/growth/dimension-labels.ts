import type { GrowthDimension } from "../api/api-types.js";

export const DIMENSION_LABELS: Record<GrowthDimension, string> = {
  impact: "Impact",
  mastery: "Mastery",
  collaboration: "Collaboration",
};

export const DIMENSION_HINTS: Record<GrowthDimension, string> = {
  impact: "what changed for users, the team or the business because of your work",
  mastery: "what you learned deeply enough to teach or to decide with",
  collaboration: "how you helped others: reviews, pairing, mentoring, shared decisions",
};
