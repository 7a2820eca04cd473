import { describe, expect, it } from "vitest";
import type { ReportSignal } from "../api/analysis-types.js";
import { formatSignalValue, isMet, signalsByArea } from "./signal-areas.js";

const s = (value: ReportSignal["value"]): ReportSignal => ({ value, evidence: [] });

describe("signals by area", () => {
  it("counts true, a positive count and a non-empty list as present, in catalogue order", () => {
    const areas = signalsByArea({
      signals: {
        tests: s(true),
        test_frameworks: s(["vitest"]),
        test_files: s(0),
        api_tests: s(false),
      },
    });
    const testing = areas.find((a) => a.area === "testing");
    expect(testing?.signals.map((x) => x.id)).toEqual([
      "tests",
      "test_frameworks",
      "test_files",
      "api_tests",
    ]);
    expect(testing?.share).toBe(0.5);
    // areas with no signals in the report are shown as empty, not dropped
    expect(areas.map((a) => a.area)).toEqual([
      "api",
      "data",
      "security",
      "testing",
      "delivery",
      "docs",
      "quality",
    ]);
    expect(areas.find((a) => a.area === "api")?.share).toBe(0);
  });

  it("counts committed secrets against the security area when some are found", () => {
    expect(isMet("committed_secrets", s([]))).toBe(true);
    expect(isMet("committed_secrets", s(["AWS key in .env"]))).toBe(false);
    const security = signalsByArea({
      signals: { auth_jwt: s(true), committed_secrets: s(["token"]) },
    }).find((a) => a.area === "security");
    expect(security?.share).toBe(0.5);
  });

  it("writes values as short phrases", () => {
    expect(formatSignalValue(s(true))).toBe("yes");
    expect(formatSignalValue(s(false))).toBe("no");
    expect(formatSignalValue(s(7))).toBe("7");
    expect(formatSignalValue(s([]))).toBe("none");
    expect(formatSignalValue(s(["postgresql", "sqlite"]))).toBe("postgresql, sqlite");
  });
});
