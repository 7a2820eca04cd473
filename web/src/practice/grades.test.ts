import { describe, expect, it } from "vitest";
import { GRADES, dueText } from "./grades.js";

describe("practice grades", () => {
  it("offers every SM-2 grade from 5 down to 0 once", () => {
    expect(GRADES.map((g) => g.grade)).toEqual([5, 4, 3, 2, 1, 0]);
  });

  it("says when a question comes back in words", () => {
    expect(dueText("2026-03-01", "2026-03-01")).toBe("today");
    expect(dueText("2026-03-02", "2026-03-01")).toBe("tomorrow");
    expect(dueText("2026-03-07", "2026-03-01")).toBe("in 6 days");
  });
});
