import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "./calendar-date.js";
import { addMonths, certificationValidity, EXPIRES_SOON_DAYS } from "./certification-validity.js";

describe("certificationValidity", () => {
  it("expires validityMonths after the earned day, clamping to the month's end", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-11-15", 36)).toBe("2029-11-15");
    expect(certificationValidity("2026-03-10", 24, "2026-04-01").expiresOn).toBe("2028-03-10");
  });

  it("is current, then expiring soon in the last 60 days, then expired from the expiry day", () => {
    const at = (today: string) => certificationValidity("2025-01-01", 12, today);
    expect(at("2025-10-01")).toEqual({
      expiresOn: "2026-01-01",
      expired: false,
      expiresSoon: false,
    });
    expect(at(addDays("2026-01-01", -EXPIRES_SOON_DAYS))).toMatchObject({ expiresSoon: true });
    expect(at(addDays("2026-01-01", -EXPIRES_SOON_DAYS - 1))).toMatchObject({ expiresSoon: false });
    expect(at("2025-12-31")).toMatchObject({ expired: false, expiresSoon: true });
    expect(at("2026-01-01")).toMatchObject({ expired: true, expiresSoon: false });
  });

  it("never expires without a validity period or before it is earned", () => {
    expect(certificationValidity("2001-01-01", null, "2026-01-01")).toEqual({
      expiresOn: null,
      expired: false,
      expiresSoon: false,
    });
    expect(certificationValidity(null, 12, "2026-01-01").expiresOn).toBeNull();
  });

  it("adds months so that the result is never before the start and within a month's length", () => {
    const day = fc.integer({ min: 0, max: 30_000 }).map((n) => addDays("1990-01-01", n));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 120 }), (start, months) => {
        const end = addMonths(start, months);
        const span = daysBetween(start, end);
        expect(span).toBeGreaterThanOrEqual(months * 28 - 3);
        expect(span).toBeLessThanOrEqual(months * 31);
      }),
    );
  });
});
