import { describe, expect, it } from "vitest";
import { weekStart } from "./history-figures.js";

const at = (iso: string) => Date.parse(iso) / 1000;

describe("weekStart", () => {
  it("puts every day of a week, Monday to Sunday, in the week that starts on its Monday", () => {
    expect(weekStart(at("2026-11-23T00:00:00Z"))).toBe("2026-11-23");
    expect(weekStart(at("2026-11-25T12:00:00Z"))).toBe("2026-11-23");
    expect(weekStart(at("2026-11-29T23:59:59Z"))).toBe("2026-11-23");
    expect(weekStart(at("2026-11-30T00:00:00Z"))).toBe("2026-11-30");
  });

  it("handles weeks across a year end and before 1970", () => {
    expect(weekStart(at("2027-01-01T08:00:00Z"))).toBe("2026-12-28");
    expect(weekStart(at("1969-12-31T08:00:00Z"))).toBe("1969-12-29");
  });
});
