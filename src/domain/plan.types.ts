/** The personal learning plan: what schedulePlan takes and returns. Dates are ISO `YYYY-MM-DD`. */
import type { TrackId } from "../content/content.schema.js";

export const HOURS_PER_WEEK = { min: 0.5, max: 80 } as const;

export interface PlanInput {
  readonly track: TrackId;
  /** steady study time, spread evenly over all seven days of the week */
  readonly hoursPerWeek: number;
  /** first study day */
  readonly start: string;
  /** skills already learned: not scheduled */
  readonly done?: readonly string[];
  /** skills the learner chooses not to learn now: not scheduled either */
  readonly skipped?: readonly string[];
  /** the date the learner wants to be finished by (inclusive), after `start` */
  readonly target?: string;
}

/** How the caller names the input fields in error details (e.g. the CLI's `--hours`). */
export type PlanInputLabels = Partial<Record<keyof PlanInput, string>>;

export interface PlanItem {
  readonly skillId: string;
  readonly title: string;
  readonly stage: string;
  readonly hours: number;
  /** first day with work on this skill */
  readonly start: string;
  /** last day with work on this skill (inclusive) */
  readonly end: string;
}

export interface PlanStage {
  readonly id: string;
  readonly order: number;
  readonly title: string;
  /** null when nothing is left to learn in this stage for the track */
  readonly start: string | null;
  readonly end: string | null;
  readonly hours: number;
  /** number of scheduled skills */
  readonly skills: number;
}

export interface PlanTarget {
  readonly date: string;
  /** the plan ends on or before the target date */
  readonly feasible: boolean;
  /** the smallest weekly hours, in steps of 0.1, that end the plan on or before the target */
  readonly requiredHoursPerWeek: number;
}

export interface Plan {
  readonly track: TrackId;
  readonly hoursPerWeek: number;
  readonly start: string;
  /** last study day; equals `start` when nothing is left */
  readonly end: string;
  readonly totalHours: number;
  /** calendar weeks from start to end, rounded up; 0 when nothing is left */
  readonly totalWeeks: number;
  readonly items: readonly PlanItem[];
  /** every stage of the roadmap, in order, including stages with nothing left */
  readonly stages: readonly PlanStage[];
  readonly target?: PlanTarget;
}

export interface PlanProgress {
  /** the day the learner reports on; the re-plan starts then (or at the plan's start if later) */
  readonly today: string;
  /** skills finished since the plan was made, and when */
  readonly done: readonly { readonly skillId: string; readonly on: string }[];
}

export interface PlanComparison {
  /** whole days ahead of the original plan (negative: behind), truncated toward zero */
  readonly daysAhead: number;
  /** effort finished of the original plan, and the effort the plan expected by the end of today */
  readonly completedHours: number;
  readonly expectedHours: number;
  readonly replanned: Plan;
}
