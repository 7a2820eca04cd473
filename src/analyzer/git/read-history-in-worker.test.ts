import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertCliBuilt } from "../../cli/test-support/run-cli.js";
import { makeRepo, type TempRepo } from "../test-support/make-repo.js";
import { readGitHistory } from "./git-history.js";
import type * as WorkerModule from "./read-history-in-worker.js";

// Under the test runner this module's source is TypeScript, which a worker thread cannot load,
// so the built module (npm run build) is what these tests drive.
const BUILT = new URL("../../../dist/analyzer/git/read-history-in-worker.js", import.meta.url);
type Module = typeof WorkerModule;

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

function repoWithHistory(): TempRepo {
  const repo = makeRepo([
    { files: { "src/app.ts": "export const a = 1;\n" }, message: "feat: app" },
    {
      files: { "src/app.test.ts": "test('a', () => {});\n" },
      message: "test: app",
      author: { name: "Bo Mentor", email: "bo@example.com" },
    },
    { files: { "src/app.ts": "export const a = 2;\n" }, message: "fix: a is two" },
  ]);
  repos.push(repo);
  return repo;
}

describe("reading git history on a worker thread", () => {
  let built: Module;
  beforeAll(async () => {
    assertCliBuilt();
    built = (await import(BUILT.href)) as Module;
  });

  it("gives the same figures as reading on this thread, by default and over the full history", async () => {
    const repo = repoWithHistory();
    for (const fullHistory of [false, true]) {
      const inWorker = await built.readGitHistoryInWorker(repo.dir, { fullHistory });
      expect(inWorker).toEqual(await readGitHistory(repo.dir, { fullHistory }));
      expect(inWorker.commits).toBe(3);
    }
  });

  it("waits for the files before the metadata walk, and leaves it out when they fail", async () => {
    const repo = repoWithHistory();
    let filesRead = () => undefined as void;
    const reading = new Promise<void>((resolve) => (filesRead = resolve));
    const held = built.readGitHistoryInWorker(repo.dir, { metadataAfter: reading });
    filesRead();
    expect((await held).commits).toBe(3);

    const failed = Promise.reject(new Error("unreadable"));
    const without = await built.readGitHistoryInWorker(repo.dir, { metadataAfter: failed });
    expect(without).toEqual(await readGitHistory(repo.dir, { metadataAfter: failed }));
    expect(without.commits).toBe(0);
  });

  it("rejects with the analyzer's own error for a repository without commits", async () => {
    const repo = makeRepo([]);
    repos.push(repo);
    await expect(built.readGitHistoryInWorker(repo.dir)).rejects.toMatchObject({
      name: "DevladderError",
      code: "invalid_input",
      message: "repository has no commits",
    });
  });

  it("rejects with the caller's reason when aborted", async () => {
    const repo = repoWithHistory();
    const controller = new AbortController();
    const reason = new Error("time limit reached");
    const reading = built.readGitHistoryInWorker(repo.dir, { signal: controller.signal });
    controller.abort(reason);
    await expect(reading).rejects.toBe(reason);
    await expect(
      built.readGitHistoryInWorker(repo.dir, { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
  });
});
