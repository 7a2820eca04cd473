import { describe, expect, it } from "vitest";
import { isJsonApi } from "./rest-api-verdict.js";

describe("isJsonApi", () => {
  it("takes one JSON handler beside many pages for a widget, not an API", () => {
    expect(isJsonApi(1, 16)).toBe(false);
    expect(isJsonApi(0, 0)).toBe(false);
    expect(isJsonApi(1, 0)).toBe(true);
  });

  it("needs JSON handlers for at least a fifth of the pages, and two at least", () => {
    expect(isJsonApi(2, 10)).toBe(true);
    expect(isJsonApi(3, 16)).toBe(false);
    expect(isJsonApi(4, 16)).toBe(true);
  });

  it("takes an API of twenty or more JSON handlers for one, however large the site beside it", () => {
    expect(isJsonApi(35, 209)).toBe(true);
    expect(isJsonApi(19, 209)).toBe(false);
  });
});
