import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DevladderError } from "../../errors.js";
import { makeFolder, makeRepo, type TempRepo } from "../test-support/make-repo.js";
import { resolveCommit } from "./resolve-commit.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
const track = (repo: TempRepo) => {
  cleanups.push(() => repo.cleanup());
  return repo;
};

describe("resolveCommit", () => {
  it("names the HEAD commit of a remote without cloning it, and of a clean local work tree", async () => {
    const repo = track(makeRepo({ "README.md": "# shop\n" }));
    const head = repo.git("rev-parse", "HEAD").trim();
    expect(await resolveCommit(`file://${repo.dir}`)).toBe(head);
    expect(await resolveCommit(repo.dir)).toBe(head);
  });

  it("names no commit for a folder without git or a work tree with uncommitted changes", async () => {
    const folder = track(makeFolder({ "main.py": "print('hi')\n" }));
    expect(await resolveCommit(folder.dir)).toBeNull();
    const repo = track(makeRepo({ "README.md": "# shop\n" }));
    writeFileSync(join(repo.dir, "README.md"), "# changed\n");
    expect(await resolveCommit(repo.dir)).toBeNull();
  });

  it("fails with repository_unavailable when the remote cannot be read", async () => {
    const folder = track(makeFolder({}));
    const error = await resolveCommit(`file://${folder.dir}/missing.git`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DevladderError);
    expect((error as DevladderError).code).toBe("repository_unavailable");
  });
});
