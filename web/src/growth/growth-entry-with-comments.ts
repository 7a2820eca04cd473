import type { GrowthComment, GrowthEntry } from "../api/api-types.js";

/** A growth entry with its mentor comments, oldest first: what the learner and mentors see. */
export interface GrowthEntryWithComments {
  readonly entry: GrowthEntry;
  readonly comments: GrowthComment[];
}
