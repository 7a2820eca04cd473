import { describe, expect, it } from "vitest";
import { closestIds, editDistance } from "./closest-ids.js";

const IDS = ["rest-api-design", "rest-api-building", "sql-fundamentals", "docker-basics", "django"];

describe("closestIds", () => {
  it("counts single-character edits", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });

  it("suggests the id a typo was meant to be, best first", () => {
    expect(closestIds("rest-api-desing", IDS)[0]).toBe("rest-api-design");
  });

  it("suggests ids that contain what was typed", () => {
    expect(closestIds("docker", IDS)).toEqual(["docker-basics"]);
  });

  it("suggests nothing for an unrelated word", () => {
    expect(closestIds("kubernetes", IDS)).toEqual([]);
  });

  it("returns at most the requested number of ids", () => {
    expect(closestIds("rest-api", IDS, 1)).toHaveLength(1);
  });
});
