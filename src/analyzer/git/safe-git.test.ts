import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildInventory } from "../inventory/inventory.js";
import { gitIn, makeRepo } from "../test-support/make-repo.js";
import { readGitHistory } from "./git-history.js";
import { gitFailureCause, redactCredentials, streamSafeGit } from "./safe-git.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/**
 * A repository whose own .git/config names commands for core.fsmonitor, a diff textconv
 * driver, gpg.program (reached through log.showSignature on a commit carrying a signature
 * header) and core.pager; each command leaves a marker file when it runs.
 */
function hostileRepo() {
  const repo = makeRepo([
    {
      files: { ".gitattributes": "*.txt diff=evil\n", "notes.txt": "one\n" },
      message: "feat: notes",
    },
    { files: { "notes.txt": "one\ntwo\n" }, message: "fix: more notes" },
  ]);
  const markers = mkdtempSync(join(tmpdir(), "devladder-markers-"));
  cleanups.push(() => {
    repo.cleanup();
    rmSync(markers, { recursive: true, force: true });
  });
  const script = (name: string) => {
    const path = join(markers, `${name}.sh`);
    writeFileSync(path, `#!/bin/sh\ntouch '${join(markers, name)}'\ncat\n`, { mode: 0o755 });
    return path;
  };
  // Re-write HEAD as a commit with a (fake) signature header, so showSignature calls gpg.
  const body = repo.git("cat-file", "commit", "HEAD");
  const signed = body.replace(
    /\n\n/,
    "\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\n",
  );
  const sha = execGit(repo.dir, ["hash-object", "-t", "commit", "-w", "--stdin"], signed).trim();
  repo.git("update-ref", "refs/heads/main", sha);
  repo.git("config", "core.fsmonitor", script("fsmonitor"));
  repo.git("config", "diff.evil.textconv", script("textconv"));
  repo.git("config", "gpg.program", script("gpg"));
  repo.git("config", "log.showSignature", "true");
  repo.git("config", "core.pager", script("pager"));
  const ran = () =>
    ["fsmonitor", "textconv", "gpg", "pager"].filter((m) => existsSync(join(markers, m)));
  const reset = () => {
    for (const m of ["fsmonitor", "textconv", "gpg", "pager"])
      rmSync(join(markers, m), { force: true });
  };
  return { repo, ran, reset };
}

function execGit(dir: string, args: string[], input: string): string {
  const file = join(dir, ".git", "devladder-input");
  writeFileSync(file, input);
  try {
    return gitIn(dir, [...args.filter((a) => a !== "--stdin"), file]);
  } finally {
    rmSync(file);
  }
}

describe("safe git calls", () => {
  it("never runs commands named in the analysed repository's own config", async () => {
    const { repo, ran, reset } = hostileRepo();
    // Control: plain git does run them, so the assertion below is meaningful.
    gitIn(repo.dir, ["ls-files"]);
    gitIn(repo.dir, ["log", "-p", "-1"]);
    expect(ran().sort()).toEqual(["fsmonitor", "gpg", "textconv"]);
    reset();

    const inventory = await buildInventory(repo.dir, true);
    const history = await readGitHistory(repo.dir, { fullHistory: true });
    await readGitHistory(repo.dir, {});

    expect(inventory.files.map((f) => f.path).sort()).toEqual([".gitattributes", "notes.txt"]);
    expect(history.commits).toBe(2);
    expect(ran()).toEqual([]);
  });

  it("turns git's stderr into one line, preferring ssh's own complaint", () => {
    expect(
      gitFailureCause(
        "ssh: connect to host 127.0.0.1 port 9: Connection refused\r\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\n",
      ),
    ).toBe(
      "ssh: connect to host 127.0.0.1 port 9: Connection refused (Could not read from remote repository.)",
    );
    expect(gitFailureCause("warning: x\nfatal: repository 'https://t0k3n@h/x/' not found\n")).toBe(
      "repository 'https://***@h/x/' not found",
    );
  });

  it("masks passwords and https user names but keeps ssh user names", () => {
    expect(redactCredentials("https://user:pw@host/r ssh://git@host/r ssh://a:b@host/r")).toBe(
      "https://***@host/r ssh://git@host/r ssh://***@host/r",
    );
  });

  describe("spooled output", () => {
    // a temp folder of this test's own, so spool files of tests running beside it don't count
    let ownTmp = "";
    const savedTmp = process.env.TMPDIR;
    beforeEach(() => {
      ownTmp = mkdtempSync(join(tmpdir(), "devladder-spool-test-"));
      process.env.TMPDIR = ownTmp;
    });
    afterEach(() => {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
      rmSync(ownTmp, { recursive: true, force: true });
    });
    const spoolDirs = () => readdirSync(ownTmp).filter((n) => n.startsWith("devladder-git-"));
    const collect = async (dir: string, args: string[], spool: boolean) => {
      let text = "";
      const exit = await streamSafeGit(dir, args, (t) => (text += t), { spool });
      return { text, exit };
    };

    it("hands over exactly what the pipe would, non-ASCII included, and leaves no file behind", async () => {
      const repo = makeRepo(
        Array.from({ length: 40 }, (_, i) => ({
          files: { [`f${i}.txt`]: `${i}\n` },
          message: `feat: ünïcödé ✓ change ${i} ${"x".repeat(3000)}`,
        })),
      );
      try {
        const args = ["log", "-z", "--format=%H%x00%s"];
        const piped = await collect(repo.dir, args, false);
        const spooled = await collect(repo.dir, args, true);
        expect(spooled.text.length).toBeGreaterThan(120_000);
        expect(spooled).toEqual(piped);
        expect(spoolDirs()).toEqual([]);
      } finally {
        repo.cleanup();
      }
    });

    it("ends early without failing once `until` is aborted, and removes the file", async () => {
      const repo = makeRepo({ "a.txt": "a\n" });
      try {
        let text = "";
        const exit = await streamSafeGit(repo.dir, ["log", "-p"], (t) => (text += t), {
          spool: true,
          until: AbortSignal.abort(),
        });
        // Killed (-1), or, on a busy machine, done before the signal reached it (0): either way
        // the read ends without failing and without handing on any output.
        expect([-1, 0]).toContain(exit.exitCode);
        expect(text).toBe("");
        expect(spoolDirs()).toEqual([]);
      } finally {
        repo.cleanup();
      }
    });

    it("rejects with git's cause when git fails, and removes the file", async () => {
      const repo = makeRepo({ "a.txt": "a\n" });
      try {
        await expect(collect(repo.dir, ["log", "no-such-revision", "--"], true)).rejects.toThrow(
          /git log failed: .*no-such-revision/,
        );
        expect(spoolDirs()).toEqual([]);
      } finally {
        repo.cleanup();
      }
    });
  });
});
