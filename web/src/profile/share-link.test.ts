import { describe, expect, it } from "vitest";
import { shareLinkUrl } from "./share-link.js";

describe("shareLinkUrl", () => {
  it("turns the API's share path into the web page address on the same origin", () => {
    expect(shareLinkUrl("/api/v1/shared-profiles/k3y-abc", "http://localhost:3000")).toBe(
      "http://localhost:3000/p/k3y-abc",
    );
  });

  it("ignores a trailing slash and any path already on the origin", () => {
    expect(shareLinkUrl("/api/v1/shared-profiles/xyz/", "https://devladder.example/roadmap")).toBe(
      "https://devladder.example/p/xyz",
    );
  });

  it("refuses a path without a slug instead of sharing a wrong address", () => {
    expect(() => shareLinkUrl("/", "http://localhost:3000")).toThrow(/no slug/);
  });
});
