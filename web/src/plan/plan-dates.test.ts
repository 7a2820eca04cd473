import { describe, expect, it } from "vitest";
import { addDays, daysBetween, formatDate, formatHours, standingText } from "./plan-dates.js";

describe("plan dates", () => {
  it("counts days across month and leap-year ends", () => {
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2027-12-31", "2028-01-01")).toBe(1);
    expect(addDays("2028-02-28", 2)).toBe("2028-03-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
  });

  it("formats a date without shifting it through the local time zone", () => {
    expect(formatDate("2027-01-01")).toBe("Jan 1, 2027");
  });

  it("words the standing with the number of study days", () => {
    expect(standingText(0)).toBe("on schedule");
    expect(standingText(1)).toBe("ahead by 1 study day");
    expect(standingText(-4)).toBe("behind by 4 study days");
  });

  it("refuses a value that is not a date", () => {
    expect(() => daysBetween("soon", "2027-01-01")).toThrow("not a YYYY-MM-DD date");
  });

  it("rounds hours to one decimal", () => {
    expect(formatHours(25.142857142857142)).toBe("25.1 h");
    expect(formatHours(75)).toBe("75 h");
  });
});
