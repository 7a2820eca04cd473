import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MIN_EASE_FACTOR, NEW_CARD, reviewCard, type Sm2State } from "./sm2.js";

const grade = fc.integer({ min: 0, max: 5 });
const passing = fc.integer({ min: 3, max: 5 });
/** any state reachable from a new card by some history of reviews */
const reachable = fc
  .array(grade, { maxLength: 30 })
  .map((grades) => grades.reduce<Sm2State>(reviewCard, NEW_CARD));

describe("SM-2", () => {
  it("schedules a new card 1 day, then 6 days, then interval times ease", () => {
    const first = reviewCard(NEW_CARD, 5);
    const second = reviewCard(first, 5);
    const third = reviewCard(second, 5);
    expect([first.intervalDays, second.intervalDays, third.intervalDays]).toEqual([1, 6, 17]);
    expect(third.easeFactor).toBeCloseTo(2.8);
  });

  it("lowers the ease factor on a grade of 3 and keeps it on a 4", () => {
    expect(reviewCard(NEW_CARD, 3).easeFactor).toBeCloseTo(2.36);
    expect(reviewCard(NEW_CARD, 4).easeFactor).toBeCloseTo(2.5);
  });

  it("makes the interval grow with every successful review after the first", () => {
    fc.assert(
      fc.property(reachable, passing, (state, q) => {
        const next = reviewCard(state, q);
        expect(next.repetitions).toBe(state.repetitions + 1);
        if (state.repetitions >= 1) expect(next.intervalDays).toBeGreaterThan(state.intervalDays);
        else expect(next.intervalDays).toBe(1);
      }),
    );
  });

  it("starts a card over after a failed answer", () => {
    fc.assert(
      fc.property(reachable, fc.integer({ min: 0, max: 2 }), (state, q) => {
        const next = reviewCard(state, q);
        expect(next).toMatchObject({ repetitions: 0, intervalDays: 1 });
      }),
    );
  });

  it("never lets the ease factor fall below 1.3, whatever the grades", () => {
    fc.assert(
      fc.property(fc.array(grade, { maxLength: 60 }), (grades) => {
        let state = NEW_CARD;
        for (const q of grades) {
          state = reviewCard(state, q);
          expect(state.easeFactor).toBeGreaterThanOrEqual(MIN_EASE_FACTOR);
        }
      }),
    );
  });

  it("refuses grades outside 0-5", () => {
    expect(() => reviewCard(NEW_CARD, 6)).toThrow(RangeError);
    expect(() => reviewCard(NEW_CARD, 2.5)).toThrow(RangeError);
  });
});
