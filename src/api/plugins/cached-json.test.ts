import { describe, expect, it } from "vitest";
import { etagMatches } from "./cached-json.js";

describe("etagMatches", () => {
  const etag = '"v1-python"';

  it("matches the tag itself, a weak copy of it, or one in a list", () => {
    expect(etagMatches('"v1-python"', etag)).toBe(true);
    expect(etagMatches('W/"v1-python"', etag)).toBe(true);
    expect(etagMatches('"v0-python", "v1-python"', etag)).toBe(true);
    expect(etagMatches("*", etag)).toBe(true);
  });

  it("does not match without the header or with other tags", () => {
    expect(etagMatches(undefined, etag)).toBe(false);
    expect(etagMatches('"v1-java"', etag)).toBe(false);
    expect(etagMatches("v1-python", etag)).toBe(false);
  });
});
