import { describe, expect, it } from "vitest";
import { joinRepoPath, nearestDir } from "./repo-path.js";

describe("joinRepoPath", () => {
  it("resolves . and .. parts against the folder, with or without a trailing slash", () => {
    expect(joinRepoPath("src/routes", "../db/index.js")).toBe("src/db/index.js");
    expect(joinRepoPath("src/routes/", "./users.js")).toBe("src/routes/users.js");
    expect(joinRepoPath("", "apps/api/")).toBe("apps/api");
    expect(joinRepoPath("apps/api", "..")).toBe("apps");
  });

  it("is null for a path that leaves the repository", () => {
    expect(joinRepoPath("src", "../../etc/passwd")).toBeNull();
    expect(joinRepoPath("", "../sibling")).toBeNull();
  });

  it("finds the nearest listed folder at or above a folder", () => {
    const dirs = new Set(["", "apps/api"]);
    expect(nearestDir("apps/api/src", dirs)).toBe("apps/api");
    expect(nearestDir("libs/shared", dirs)).toBe("");
    expect(nearestDir("libs/shared", new Set(["apps/api"]))).toBeUndefined();
  });
});
