import { describe, expect, it } from "vitest";
import { singular } from "./inflection.js";

describe("singular", () => {
  it("drops the plural ending of regular nouns", () => {
    expect(
      ["articles", "categories", "boxes", "matches", "wishes", "classes"].map(singular),
    ).toEqual(["article", "category", "box", "match", "wish", "class"]);
  });

  it("knows the irregular plurals the frameworks' inflectors list", () => {
    expect(["people", "children", "statuses", "addresses", "movies", "news"].map(singular)).toEqual(
      ["person", "child", "status", "address", "movie", "news"],
    );
  });

  it("leaves words that are not plurals alone", () => {
    expect(["status", "bus", "address", "days", "keys", "data"].map(singular)).toEqual([
      "status",
      "bus",
      "address",
      "day",
      "key",
      "data",
    ]);
  });

  it("keeps the case of a capitalised path segment (ASP.NET Core's /api/Books)", () => {
    expect(singular("Books")).toBe("Book");
    expect(singular("Categories")).toBe("Category");
  });
});
