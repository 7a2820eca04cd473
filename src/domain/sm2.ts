/**
 * SM-2 spaced repetition (Woźniak, 1990), as SuperMemo 2 published it, for self-graded answers
 * to interview questions. Grades run 0-5:
 *   5 perfect, 4 correct after hesitation, 3 correct with serious difficulty,
 *   2 wrong but the answer felt familiar, 1 wrong, 0 blank.
 * A grade of 3 or more is a success: the interval goes 1 day, then 6 days, then the previous
 * interval times the ease factor (rounded to whole days). A grade below 3 starts the card over
 * (1 day, repetitions back to 0). The ease factor moves by 0.1 - (5 - q)(0.08 + (5 - q)0.02)
 * after every review and never drops below 1.3, so a hard card still comes back less often each
 * time it is answered well.
 */

export const GRADE = { min: 0, max: 5, pass: 3 } as const;
export const MIN_EASE_FACTOR = 1.3;
export const INITIAL_EASE_FACTOR = 2.5;

export interface Sm2State {
  /** successful reviews in a row */
  readonly repetitions: number;
  /** days until the next review */
  readonly intervalDays: number;
  readonly easeFactor: number;
}

export const NEW_CARD: Sm2State = {
  repetitions: 0,
  intervalDays: 0,
  easeFactor: INITIAL_EASE_FACTOR,
};

export function isGrade(value: number): boolean {
  return Number.isInteger(value) && value >= GRADE.min && value <= GRADE.max;
}

export function reviewCard(state: Sm2State, grade: number): Sm2State {
  if (!isGrade(grade)) throw new RangeError(`an SM-2 grade is a whole number 0-5, not ${grade}`);
  const miss = GRADE.max - grade;
  // rounded to 4 decimals so the stored value does not drift with binary fractions
  const easeFactor = Math.max(
    MIN_EASE_FACTOR,
    Math.round((state.easeFactor + 0.1 - miss * (0.08 + miss * 0.02)) * 10_000) / 10_000,
  );
  if (grade < GRADE.pass) return { repetitions: 0, intervalDays: 1, easeFactor };
  const repetitions = state.repetitions + 1;
  const intervalDays =
    repetitions === 1 ? 1 : repetitions === 2 ? 6 : Math.round(state.intervalDays * easeFactor);
  return { repetitions, intervalDays, easeFactor };
}
