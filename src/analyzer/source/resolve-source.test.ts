import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DevladderError } from "../../errors.js";
import { gitIn, makeFolder, makeRepo, type TempRepo } from "../test-support/make-repo.js";
import { resolveSource } from "./resolve-source.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function track(repo: TempRepo): TempRepo {
  cleanups.push(() => repo.cleanup());
  return repo;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "devladder-test-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A small repository with two commits and a second branch. */
function sourceRepo(): TempRepo {
  const repo = track(
    makeRepo([
      {
        files: { "README.md": "# shop\n", "src/app.ts": "export const port = 3000;\n" },
        message: "feat: start",
      },
      { files: { "src/app.ts": "export const port = 8080;\n" }, message: "fix: port" },
    ]),
  );
  repo.git("branch", "feature/cart");
  return repo;
}

async function failure(promise: Promise<unknown>): Promise<DevladderError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DevladderError) return error;
    throw error;
  }
  throw new Error("expected a DevladderError");
}

describe("resolveSource with local directories", () => {
  it("analyses a git work tree in place and leaves it alone on cleanup", async () => {
    const repo = sourceRepo();
    const source = await resolveSource(repo.dir);
    expect(source).toMatchObject({ root: repo.dir, isGit: true });
    await source.cleanup();
    expect(existsSync(join(repo.dir, "src/app.ts"))).toBe(true);
  });

  it("treats a folder without git as a plain folder", async () => {
    const folder = track(makeFolder({ "main.py": "print('hi')\n" }));
    expect(await resolveSource(folder.dir)).toMatchObject({ root: folder.dir, isGit: false });
  });

  it("rejects a missing path and a file with a one-line invalid_input error", async () => {
    const missing = await failure(resolveSource("/nonexistent/devladder/repo"));
    expect(missing.code).toBe("invalid_input");
    expect(missing.message).toBe("path not found: /nonexistent/devladder/repo");
    const folder = track(makeFolder({ "notes.txt": "x\n" }));
    const file = await failure(resolveSource(join(folder.dir, "notes.txt")));
    expect(file.code).toBe("invalid_input");
    expect(file.message).toMatch(/^not a directory: /);
  });
});

describe("resolveSource cloning", () => {
  it("clones a file:// URL with its whole history and branches, and removes it on cleanup", async () => {
    const repo = sourceRepo();
    const source = await resolveSource(`file://${repo.dir}`);
    expect(source.isGit).toBe(true);
    expect(source.root).not.toBe(repo.dir);
    expect(gitIn(source.root, ["rev-list", "--count", "HEAD"]).trim()).toBe("2");
    expect(gitIn(source.root, ["branch", "-r"])).toContain("origin/feature/cart");
    expect(existsSync(join(source.root, "src/app.ts"))).toBe(true);
    await source.cleanup();
    expect(existsSync(source.root)).toBe(false);
  });

  it("clones a local bare repository given as a path", async () => {
    const repo = sourceRepo();
    const bare = join(tempDir(), "shop.git");
    gitIn(repo.dir, ["clone", "-q", "--bare", repo.dir, bare]);
    const source = await resolveSource(bare);
    try {
      expect(source.isGit).toBe(true);
      expect(existsSync(join(source.root, "README.md"))).toBe(true);
    } finally {
      await source.cleanup();
    }
  });

  it("never runs a command given through ext:: or an --upload-pack option", async () => {
    const marker = join(tempDir(), "pwned");
    const ext = await failure(resolveSource(`ext::sh -c touch% ${marker}`));
    expect(ext.code).toBe("invalid_input");
    const option = await failure(resolveSource(`--upload-pack=touch ${marker}`));
    expect(option.code).toBe("invalid_input");
    expect(existsSync(marker)).toBe(false);
  });

  it("does not run hooks from a template directory the environment points to", async () => {
    const repo = sourceRepo();
    const templates = tempDir();
    const marker = join(templates, "hook-ran");
    mkdirSync(join(templates, "hooks"));
    writeFileSync(join(templates, "hooks", "post-checkout"), `#!/bin/sh\ntouch '${marker}'\n`, {
      mode: 0o755,
    });
    // Control: plain git with this environment does run the hook, so the check below can fail.
    const control = join(tempDir(), "control");
    gitIn(repo.dir, ["clone", "-q", repo.dir, control], { GIT_TEMPLATE_DIR: templates });
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);

    const saved = process.env.GIT_TEMPLATE_DIR;
    process.env.GIT_TEMPLATE_DIR = templates;
    try {
      const source = await resolveSource(`file://${repo.dir}`);
      await source.cleanup();
    } finally {
      if (saved === undefined) delete process.env.GIT_TEMPLATE_DIR;
      else process.env.GIT_TEMPLATE_DIR = saved;
    }
    expect(existsSync(marker)).toBe(false);
  });

  it("stops a clone that exceeds the time limit and says so", async () => {
    const repo = sourceRepo();
    const error = await failure(resolveSource(`file://${repo.dir}`, { cloneTimeoutMs: 1 }));
    expect(error.code).toBe("repository_unavailable");
    expect(error.message).toMatch(/timed out after 1 ms$/);
  });

  it("stops a clone that exceeds the size limit and removes what it wrote", async () => {
    const repo = track(makeRepo({ "data.csv": "id,name\n".repeat(4096) }));
    // A temp folder of its own: other test files clone into the shared one at the same time.
    const temp = track(makeFolder({}));
    const shared = process.env.TMPDIR;
    process.env.TMPDIR = temp.dir;
    try {
      const error = await failure(resolveSource(`file://${repo.dir}`, { maxCloneBytes: 8192 }));
      expect(error.code).toBe("repository_unavailable");
      expect(error.message).toMatch(/is larger than the 8 KiB limit$/);
      expect(readdirSync(temp.dir)).toEqual([]);
    } finally {
      if (shared === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = shared;
    }
  });

  it("checks out every readable file of a local repository that lacks some objects", async () => {
    const repo = sourceRepo();
    const bare = join(tempDir(), "mirror.git");
    gitIn(repo.dir, ["clone", "-q", "--bare", repo.dir, bare]);
    // A mirror without its largest files: the blob of README.md is gone.
    const blob = gitIn(bare, ["rev-parse", "HEAD:README.md"]).trim();
    rmSync(join(bare, "objects", blob.slice(0, 2), blob.slice(2)));
    for (const input of [bare, `file://${bare}`]) {
      const source = await resolveSource(input);
      try {
        expect(existsSync(join(source.root, "src/app.ts"))).toBe(true);
        expect(existsSync(join(source.root, "README.md"))).toBe(false);
      } finally {
        await source.cleanup();
      }
    }
  });

  it("masks a token passed in an https URL in every message", async () => {
    const error = await failure(resolveSource("https://ghp_secret123@127.0.0.1:9/acme/shop.git"));
    expect(error.code).toBe("repository_unavailable");
    expect(error.message).toMatch(
      /^cannot clone https:\/\/\*\*\*@127\.0\.0\.1:9\/acme\/shop\.git: /,
    );
    expect(error.message).not.toContain("ghp_secret123");
  });

  it("reports a clone failure as git's one-line cause", async () => {
    const error = await failure(resolveSource(`file://${tempDir()}/no-such-repo.git`));
    expect(error.code).toBe("repository_unavailable");
    expect(error.message).toMatch(/^cannot clone file:\/\/.*no-such-repo\.git: .+/);
    expect(error.message).not.toContain("\n");
  });

  it("fails fast and in one line when an ssh server cannot be reached", async () => {
    const error = await failure(resolveSource("ssh://git@127.0.0.1:9/acme/shop.git"));
    expect(error.code).toBe("repository_unavailable");
    expect(error.message).toMatch(
      /^cannot clone ssh:\/\/git@127\.0\.0\.1:9\/acme\/shop\.git: ssh: connect to host .*refused/,
    );
    expect(error.message).not.toContain("\n");
  });
});
