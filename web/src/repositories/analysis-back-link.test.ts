import { describe, expect, it } from "vitest";
import { analysisBackLink } from "./analysis-back-link.js";

describe("analysisBackLink", () => {
  it("leads back to the page that passed itself as router state", () => {
    const back = { to: "/mentor/0192", label: "Back to Ada" };
    expect(analysisBackLink(back, "mentor")).toEqual(back);
  });

  it("falls back to the reader's own place for analyses without state", () => {
    expect(analysisBackLink(null, "learner")).toEqual({
      to: "/repositories",
      label: "All repositories",
    });
    expect(analysisBackLink(undefined, "mentor")).toEqual({ to: "/mentor", label: "Mentees" });
  });

  it("ignores state that is not a path inside the app", () => {
    for (const state of [
      { to: "//evil.example/x", label: "x" },
      { to: "https://evil.example", label: "x" },
      { to: "/ok", label: 3 },
      "oops",
    ]) {
      expect(analysisBackLink(state, "learner").to).toBe("/repositories");
    }
  });
});
