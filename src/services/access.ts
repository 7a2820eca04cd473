/**
 * The one place that decides who may see whose data. Every route that reads or writes another
 * person's data asks here; a "no" for something whose existence must not leak becomes a 404.
 *
 * - the owner sees everything of their own, including private notes;
 * - an admin sees every profile and progress, but never private notes;
 * - a mentor sees a learner's profile and progress only while the learner grants it;
 * - a recruiter, and anyone else signed in, sees a profile only when it is `public`;
 * - a `link` profile is seen by whoever holds its share link (anonymous callers included);
 * - progress and plans of others are for the owner, granted mentors and admins only.
 */
import type { Visibility } from "../store/database.types.js";
import type { Caller } from "./caller.js";

export interface LearnerRelation {
  /** the learner has granted this caller (a mentor) access */
  readonly granted: boolean;
}

export function canViewProfile(
  caller: Caller,
  learnerId: string,
  visibility: Visibility,
  relation: LearnerRelation,
): boolean {
  if (canViewProgress(caller, learnerId, relation)) return true;
  return visibility === "public";
}

export function canViewProgress(
  caller: Caller,
  learnerId: string,
  relation: LearnerRelation,
): boolean {
  if (caller.id === learnerId) return true;
  switch (caller.role) {
    case "admin":
      return true;
    case "mentor":
      return relation.granted;
    case "learner":
    case "recruiter":
      return false;
  }
}

/** Private notes never leave their owner. */
export function canSeeNotes(caller: Caller, learnerId: string): boolean {
  return caller.id === learnerId;
}

export function isVisibleThroughLink(visibility: Visibility): boolean {
  return visibility === "link" || visibility === "public";
}
