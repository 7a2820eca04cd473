import { describe, expect, it } from "vitest";
import { parseLinks } from "./growth-links.js";

describe("parseLinks", () => {
  it("splits links on lines and spaces and drops blanks and repeats", () => {
    expect(parseLinks("https://a.test/1\n\n  https://b.test/2 https://a.test/1\n")).toEqual([
      "https://a.test/1",
      "https://b.test/2",
    ]);
  });

  it("gives no links for an empty box", () => {
    expect(parseLinks("  \n ")).toEqual([]);
  });
});
