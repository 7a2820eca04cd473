import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  datePartsOf,
  dayNumberOf,
  daysBetween,
  isIsoDate,
  isoDateOf,
  utcDateOf,
} from "./calendar-date.js";

describe("calendar dates", () => {
  it("accepts real dates including a leap day", () => {
    expect(isIsoDate("2026-12-01")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
  });

  it("rejects impossible dates and other spellings", () => {
    for (const text of [
      "2026-02-29",
      "2026-02-30",
      "2026-13-01",
      "2026-00-10",
      "2026-1-5",
      "2026/12/01",
      "01-12-2026",
      "2026-12-01T00:00:00Z",
      "",
    ]) {
      expect(isIsoDate(text), text).toBe(false);
    }
  });

  it("counts days across a year end and a leap year", () => {
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(addDays("2027-01-04", -35)).toBe("2026-11-30");
  });

  it("ignores daylight-saving changes because it counts in UTC", () => {
    // Europe and the US change clocks in late March and late October.
    expect(daysBetween("2026-03-01", "2026-04-01")).toBe(31);
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26");
  });

  it("gives the UTC date of an instant, whatever the local time zone", () => {
    expect(utcDateOf(new Date("2026-12-01T23:30:00-05:00"))).toBe("2026-12-02");
  });

  it("splits a date into year, month and day", () => {
    expect(datePartsOf("2027-09-01")).toEqual([2027, 9, 1]);
  });

  it("round-trips every day number through its ISO date", () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 80_000 }), (day) => {
        expect(dayNumberOf(isoDateOf(day))).toBe(day);
      }),
    );
  });
});
