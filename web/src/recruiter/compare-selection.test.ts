import { describe, expect, it } from "vitest";
import { MAX_COMPARED, toggleCompared } from "./compare-selection.js";

describe("toggleCompared", () => {
  it("adds candidates in the order they are picked", () => {
    expect(toggleCompared(toggleCompared([], "a", true), "b", true)).toEqual(["a", "b"]);
  });

  it("refuses a fourth candidate and keeps the three already picked", () => {
    const three = ["a", "b", "c"];
    expect(three).toHaveLength(MAX_COMPARED);
    expect(toggleCompared(three, "d", true)).toEqual(three);
  });

  it("removes an unticked candidate and ignores a second tick of the same one", () => {
    expect(toggleCompared(["a", "b"], "a", false)).toEqual(["b"]);
    expect(toggleCompared(["a"], "a", true)).toEqual(["a"]);
  });
});
