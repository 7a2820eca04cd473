/**
 * Test helpers that write small, real git repositories into temp dirs.
 * Fixture content is written by this project; commits get fixed dates so results are stable.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export type FileMap = Readonly<Record<string, string>>;

export interface CommitSpec {
  readonly files: FileMap;
  readonly message: string;
  /** ISO date, default 2026-01-05T10:00:00Z plus one day per commit */
  readonly date?: string;
  readonly author?: { readonly name: string; readonly email: string };
  /** files to delete in this commit */
  readonly remove?: readonly string[];
}

export interface TempRepo {
  readonly dir: string;
  git(...args: string[]): string;
  cleanup(): void;
}

const DEFAULT_AUTHOR = { name: "Ada Learner", email: "ada@example.com" };

export function gitIn(dir: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export function writeFiles(dir: string, files: FileMap): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** A temp dir with plain files and no git. */
export function makeFolder(files: FileMap): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), "devladder-folder-"));
  writeFiles(dir, files);
  return {
    dir,
    git: (...args) => gitIn(dir, args),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A git repository with the given commits (or one commit of `files`) on branch main. */
export function makeRepo(filesOrCommits: FileMap | readonly CommitSpec[]): TempRepo {
  const commits: readonly CommitSpec[] = Array.isArray(filesOrCommits)
    ? (filesOrCommits as readonly CommitSpec[])
    : [{ files: filesOrCommits as FileMap, message: "feat: initial version" }];
  const dir = mkdtempSync(join(tmpdir(), "devladder-repo-"));
  gitIn(dir, ["init", "-q", "-b", "main"]);
  commits.forEach((commit, index) => {
    writeFiles(dir, commit.files);
    for (const path of commit.remove ?? []) rmSync(join(dir, path), { force: true });
    gitIn(dir, ["add", "-A"]);
    const date = commit.date ?? new Date(Date.UTC(2026, 0, 5 + index, 10)).toISOString();
    const author = commit.author ?? DEFAULT_AUTHOR;
    gitIn(dir, ["commit", "-q", "--allow-empty", "-m", commit.message], {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    });
  });
  return {
    dir,
    git: (...args) => gitIn(dir, args),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
