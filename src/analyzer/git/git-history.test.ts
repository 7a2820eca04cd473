import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DevladderError } from "../../errors.js";
import { gitIn, makeFolder, makeRepo, type TempRepo } from "../test-support/make-repo.js";
import { readGitHistory } from "./git-history.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
function track(repo: TempRepo): TempRepo {
  cleanups.push(() => repo.cleanup());
  return repo;
}

const ADA = { name: "Ada Learner", email: "ada@example.com" };
const ADA_OLD = { name: "ada", email: "Ada@Old.Example" };
const BOB = { name: "Bob Stone", email: "bob@example.com" };
const BOT = { name: "dependabot[bot]", email: "49699333+dependabot[bot]@users.noreply.github.com" };

/**
 * A `git fast-import` stream of `count` commits on main (one file changed each, a test file
 * every third, a merge of a side commit every 50th), hours apart so the order is fixed.
 */
function longHistory(count: number): string {
  const parts: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const who = (i: number) => `Ada Learner <ada@example.com> ${1_700_000_000 + i * 3600} +0000\n`;
  for (let i = 1; i <= count; i++) {
    const merge = i > 2 && i % 50 === 0;
    if (merge) {
      parts.push(
        `commit refs/heads/side\nmark :${count + i}\nauthor ${who(i)}committer ${who(i)}`,
        data(`side ${i}`),
        `from :${i - 2}\nM 644 inline src/side${i}.ts\n`,
        data(lines(3, `side${i}_`)),
      );
    }
    const path = i % 3 === 0 ? `test/t${i % 40}.test.ts` : `src/m${i % 40}.ts`;
    parts.push(
      `commit refs/heads/main\nmark :${i}\nauthor ${who(i)}committer ${who(i)}`,
      data(`feat: change ${i}`),
      i > 1 ? `from :${i - 1}\n` : "",
      merge ? `merge :${count + i}\n` : "",
      `M 644 inline ${path}\n`,
      data(lines(1 + (i % 7), `v${i}_`)),
    );
  }
  return parts.join("");
}

const lines = (n: number, what: string) =>
  Array.from({ length: n }, (_, i) => `export const ${what}${i} = ${i};`).join("\n") + "\n";

function commitAs(repo: TempRepo, who: typeof ADA, date: string, args: string[]): void {
  gitIn(repo.dir, args, {
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  });
}

/**
 * Bob commits src/feature.ts with `subject` on a branch feature/x made at `from`, then merges it
 * into main with a merge commit a day later.
 */
function mergeFeatureBranch(repo: TempRepo, from: string, subject: string, date: string): void {
  repo.git("checkout", "-q", "-b", "feature/x", from);
  writeFileSync(join(repo.dir, "src/feature.ts"), lines(10, "flag"));
  repo.git("add", "src/feature.ts");
  commitAs(repo, BOB, date, ["commit", "-q", "-m", subject]);
  repo.git("checkout", "-q", "main");
  const nextDay = new Date(Date.parse(date) + 86_400_000).toISOString();
  commitAs(repo, BOB, nextDay, [
    "merge",
    "-q",
    "--no-ff",
    "-m",
    "Merge branch 'feature/x'",
    "feature/x",
  ]);
}

describe("readGitHistory", () => {
  it("summarises authors, bots, merges, weeks, gaps and commit style exactly", async () => {
    const repo = track(
      makeRepo([
        {
          files: {
            "src/app.ts": lines(50, "route"),
            ".mailmap": "Ada Learner <ada@example.com> <ada@old.example>\n",
          },
          message: "feat: scaffold the api",
          date: "2026-01-05T10:00:00Z",
          author: ADA,
        },
        {
          files: { "src/app.ts": lines(55, "route"), "test/app.test.ts": lines(5, "check") },
          message: "fix(api): handle an empty body",
          date: "2026-01-06T10:00:00Z",
          author: ADA_OLD,
        },
        {
          files: { "package.json": '{ "dependencies": { "zod": "4.1.0" } }\n' },
          message: "build(deps): bump zod",
          date: "2026-01-08T10:00:00Z",
          author: BOT,
        },
        {
          files: { "src/orders.ts": lines(20, "order") },
          message: "Add orders endpoint",
          date: "2026-02-17T10:00:00Z",
          author: BOB,
        },
      ]),
    );
    mergeFeatureBranch(repo, "HEAD", "feat!: drop the v1 payload", "2026-02-18T10:00:00Z");

    const history = await readGitHistory(repo.dir);

    expect(history).toEqual({
      commits: 6,
      authors: 2,
      bot_authors: 1,
      branches: 2,
      merge_commits: 1,
      pull_requests: 0,
      merged_branches: 1,
      first_commit: "2026-01-05T10:00:00.000Z",
      last_commit: "2026-02-19T10:00:00.000Z",
      active_weeks: 2,
      longest_gap_days: 40,
      conventional_commit_share: 0.8,
      // the bot's "build(deps)" left out: three of the people's four subjects
      commit_convention_share: 0.75,
      commit_convention: "conventional",
      bulk_upload: false,
      // of the code commits after the first: the fix with its test, orders, the feature
      tests_with_changes_share: 0.333,
      numstat_commits: 5,
      unreadable_paths: 0,
      weekly: [
        ["2026-01-05", 3],
        ["2026-02-16", 3],
      ],
    });
  });

  it("counts one author for identities that share an address, a full name or a GitHub login", async () => {
    const as = (name: string, email: string, i: number) => ({
      files: { [`src/m${i}.ts`]: lines(3, `m${i}_`) },
      message: `change ${i}`,
      author: { name, email },
    });
    const repo = track(
      makeRepo([
        // one person from a work and a personal address, and under a login
        as("Ada Learner", "ada@work.example", 1),
        as("ada  learner", "ada@home.example", 2),
        as("adalearner", "ada@home.example", 3),
        // the repository created on GitHub's website: the account's noreply address and login
        as("Ada-Learner", "123+Ada-Learner@users.noreply.github.com", 10),
        as("Bob Stone", "456+bstone@users.noreply.github.com", 11),
        as("bstone", "bob.stone@example.org", 12),
        // a bot that commits with a person's address leaves the person a person
        as("Bob Stone", "bob@example.com", 4),
        as("Dependabot Standalone", "bob@example.com", 5),
        // one word is no full name: two people called martin stay two
        as("martin", "martin@one.example", 6),
        as("martin", "martin@two.example", 7),
        // one bot under its GitHub App login and its old name: renovate[bot] is "Renovate Bot"
        as("renovate[bot]", "29139614+renovate[bot]@users.noreply.github.com", 8),
        as("Renovate Bot", "bot@renovateapp.com", 9),
        as("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", 13),
      ]),
    );
    const history = await readGitHistory(repo.dir);
    expect(history).toMatchObject({ authors: 4, bot_authors: 2 });
  });

  it("counts branches merged and deleted, and pull requests merged by a merge or as one commit", async () => {
    const repo = track(
      makeRepo([
        { files: { "src/app.ts": lines(5, "a") }, message: "Initial commit" },
        { files: { "src/users.ts": lines(5, "u") }, message: "Add users endpoint (#3)" },
        { files: { "src/orders.ts": lines(5, "o") }, message: "Add orders (#4)" },
        // an issue number inside the subject is not a merge
        { files: { "src/fix.ts": lines(5, "f") }, message: "Fix #5 (crash on empty body)" },
      ]),
    );
    // GitHub's merge subject for pull request 7, then a local merge of another branch: both
    // branches deleted afterwards, as most merged branches are.
    for (const [branch, subject, day] of [
      ["feature/login", "Merge pull request #7 from ada/feature/login", 10],
      ["hotfix", "Merge remote-tracking branch 'origin/hotfix'", 12],
    ] as const) {
      repo.git("checkout", "-q", "-b", branch);
      writeFileSync(join(repo.dir, `src/${branch.replace("/", "-")}.ts`), lines(3, "x"));
      repo.git("add", ".");
      commitAs(repo, BOB, `2026-03-${day}T10:00:00Z`, ["commit", "-q", "-m", `work on ${branch}`]);
      repo.git("checkout", "-q", "main");
      commitAs(repo, BOB, `2026-03-${day + 1}T10:00:00Z`, [
        "merge",
        "-q",
        "--no-ff",
        "-m",
        subject,
        branch,
      ]);
      repo.git("branch", "-q", "-D", branch);
    }

    for (const fullHistory of [false, true]) {
      const history = await readGitHistory(repo.dir, { fullHistory });
      expect(history).toMatchObject({
        merge_commits: 2,
        pull_requests: 3,
        merged_branches: 4,
        // main, feature/login and hotfix from the merges, #3 and #4 merged as one commit each
        branches: 5,
      });
    }
  });

  it("does not count a bot's pull requests or branches as branches merged back", async () => {
    const repo = track(
      makeRepo([
        { files: { "src/app.ts": lines(5, "a") }, message: "Initial commit" },
        // a dependency bump squash-merged: the bot authored the commit
        {
          files: { "package.json": '{ "dependencies": { "zod": "4.1.0" } }\n' },
          message: "Bump zod from 4.0.0 to 4.1.0 (#2)",
          author: BOT,
        },
      ]),
    );
    // a bump merged with GitHub's merge subject, from the branch the bot named
    const bump = "dependabot/npm_and_yarn/zod-4.1.1";
    repo.git("checkout", "-q", "-b", bump);
    writeFileSync(join(repo.dir, "package.json"), '{ "dependencies": { "zod": "4.1.1" } }\n');
    repo.git("add", ".");
    commitAs(repo, BOT, "2026-03-02T10:00:00Z", ["commit", "-q", "-m", "Bump zod to 4.1.1"]);
    repo.git("checkout", "-q", "main");
    commitAs(repo, ADA, "2026-03-03T10:00:00Z", [
      "merge",
      "-q",
      "--no-ff",
      "-m",
      `Merge pull request #3 from ada/${bump}`,
      bump,
    ]);
    // and a bump still open: its branch is there, unmerged
    repo.git("branch", "-q", "renovate/eslint-9.x", "HEAD~1");

    const history = await readGitHistory(repo.dir);
    expect(history).toMatchObject({
      merge_commits: 1,
      pull_requests: 0,
      merged_branches: 0,
      branches: 1,
      authors: 1,
      bot_authors: 1,
    });
  });

  it("does not count a pull that merged the remote's copy of the same branch as a branch merged back", async () => {
    const upstream = track(
      makeRepo([{ files: { "src/app.ts": lines(5, "a") }, message: "Initial commit" }]),
    );
    const laptop = track(makeRepo({}));
    laptop.git("fetch", "-q", upstream.dir, "main");
    laptop.git("reset", "-q", "--hard", "FETCH_HEAD");
    // Both copies move on, then `git pull` (no rebase) joins them with git's own subject.
    writeFileSync(join(upstream.dir, "src/users.ts"), lines(3, "u"));
    upstream.git("add", ".");
    commitAs(upstream, BOB, "2026-03-02T10:00:00Z", ["commit", "-q", "-m", "Add users"]);
    writeFileSync(join(laptop.dir, "src/orders.ts"), lines(3, "o"));
    laptop.git("add", ".");
    commitAs(laptop, BOB, "2026-03-03T10:00:00Z", ["commit", "-q", "-m", "Add orders"]);
    commitAs(laptop, BOB, "2026-03-04T10:00:00Z", [
      "pull",
      "-q",
      "--no-rebase",
      "--no-edit",
      upstream.dir,
      "main",
    ]);
    expect(laptop.git("log", "-1", "--format=%s").trim()).toMatch(/^Merge branch 'main' of /);

    for (const fullHistory of [false, true]) {
      const history = await readGitHistory(laptop.dir, { fullHistory });
      expect(history).toMatchObject({ merge_commits: 1, merged_branches: 0, branches: 1 });
    }
  });

  it("flags a bulk upload: most code arriving in one or two commits", async () => {
    const repo = track(
      makeRepo([
        { files: { "src/service.ts": lines(400, "handler") }, message: "initial commit" },
        { files: { "src/extra.ts": lines(30, "extra") }, message: "more" },
        { files: { "README.md": "# Service\n" }, message: "readme" },
      ]),
    );
    const history = await readGitHistory(repo.dir);
    expect(history.bulk_upload).toBe(true);
    expect(history.numstat_commits).toBe(3);
  });

  it("does not flag a history where code grew over many commits", async () => {
    const repo = track(
      makeRepo(
        Array.from({ length: 10 }, (_, i) => ({
          files: { [`src/part${i}.ts`]: lines(60, `p${i}_`) },
          message: `feat: part ${i}`,
        })),
      ),
    );
    const history = await readGitHistory(repo.dir);
    expect(history.bulk_upload).toBe(false);
    expect(history.commits).toBe(10);
  });

  it("leaves the first commit out of the share of code changes that touch tests", async () => {
    const repo = track(
      makeRepo([
        // a generator's skeleton, with its sample test
        {
          files: { "src/app.ts": lines(20, "app"), "src/app.test.ts": lines(3, "check") },
          message: "Initialize project using a generator",
        },
        { files: { "src/users.ts": lines(10, "u") }, message: "add users" },
        { files: { "src/orders.ts": lines(10, "o") }, message: "add orders" },
        { files: { "src/cart.ts": lines(10, "c") }, message: "add the cart" },
      ]),
    );
    for (const fullHistory of [false, true]) {
      const history = await readGitHistory(repo.dir, { fullHistory });
      expect(history.tests_with_changes_share).toBe(0);
      expect(history.numstat_commits).toBe(4);
    }
  });

  it("reads line counts for the last numstatLimit commits only, or all with fullHistory split", async () => {
    const repo = track(
      makeRepo(
        Array.from({ length: 7 }, (_, i) => ({
          files: {
            [`src/m${i}.ts`]: lines(5, `m${i}_`),
            [`test/m${i}.test.ts`]: i % 2 === 0 ? "it();\n" : "",
          },
          message: `feat: module ${i}`,
        })),
      ),
    );
    expect((await readGitHistory(repo.dir, { numstatLimit: 2 })).numstat_commits).toBe(2);
    const split = await readGitHistory(repo.dir, { fullHistory: true, processes: 2 });
    const single = await readGitHistory(repo.dir, { fullHistory: true, processes: 1 });
    expect(split.numstat_commits).toBe(7);
    expect(split).toEqual(single);
  });

  it("reads a history whose repository lacks a file's contents, leaving that path out", async () => {
    const repo = track(
      makeRepo([
        {
          files: { "src/app.ts": lines(4, "a"), "assets/logo.bin": "x".repeat(5000) },
          message: "feat: start",
        },
        {
          files: { "src/app.ts": lines(6, "b"), "test/app.test.ts": lines(2, "t") },
          message: "feat: tested",
        },
        { files: { "assets/logo.bin": "y".repeat(5000) }, message: "chore: new logo" },
        { files: { "src/app.ts": lines(8, "c") }, message: "feat: more" },
        // The same contents under another path: both paths must be left out.
        { files: { "public/logo-v1.bin": "x".repeat(5000) }, message: "chore: keep the old logo" },
      ]),
    );
    const complete = await readGitHistory(repo.dir, { isCountedPath: () => true });
    expect(complete.unreadable_paths).toBe(0);
    // As in a mirror without its largest files: the first logo's contents are gone.
    const blob = repo.git("rev-parse", "HEAD~3:assets/logo.bin").trim();
    rmSync(join(repo.dir, ".git", "objects", blob.slice(0, 2), blob.slice(2)));
    for (const fullHistory of [false, true]) {
      const history = await readGitHistory(repo.dir, { fullHistory, isCountedPath: () => true });
      expect(history.unreadable_paths).toBe(2);
      expect(history.commits).toBe(5);
      // The logo-only commits are left out of the line counts; the others are read.
      expect(history.numstat_commits).toBe(3);
      // the first commit left out: 1 of 4 code commits with tests, 1 of 2 readable ones
      expect(complete.tests_with_changes_share).toBe(0.25);
      expect(history.tests_with_changes_share).toBe(0.5);
    }
  });

  it("reads a long history from both ends, each commit once, as a single pass reads it", async () => {
    const repo = track(makeFolder({}));
    repo.git("init", "-q");
    execFileSync("git", ["fast-import", "--quiet"], { cwd: repo.dir, input: longHistory(3000) });
    repo.git("symbolic-ref", "HEAD", "refs/heads/main");

    const reported: number[] = [];
    const bothEnds = await readGitHistory(repo.dir, {
      fullHistory: true,
      onCommitsRead: (commits) => reported.push(commits),
      progressEveryMs: 0,
    });
    const single = await readGitHistory(repo.dir, { fullHistory: true, processes: 1 });

    expect(bothEnds).toEqual(single);
    expect(bothEnds.commits).toBe(3000 + 60);
    expect(bothEnds.merge_commits).toBe(60);
    expect(bothEnds.numstat_commits).toBe(3000);
    expect(bothEnds.tests_with_changes_share).toBe(0);
    expect(reported).toEqual([1000, 2000, 3000]);
  });

  it("reads the same figures with full history as the default read on a short history", async () => {
    const repo = track(
      makeRepo(
        Array.from({ length: 12 }, (_, i) => ({
          files: { [`src/m${i % 4}.ts`]: lines(5 + i, `m${i}_`), "test/a.test.ts": lines(i, "t") },
          message: i % 2 === 0 ? `feat: module ${i}` : `module ${i}`,
        })),
      ),
    );
    mergeFeatureBranch(repo, "HEAD~3", "feat: flag", "2026-03-01T10:00:00Z");

    const full = await readGitHistory(repo.dir, { fullHistory: true });
    expect(full).toEqual(await readGitHistory(repo.dir));
    expect(full.merge_commits).toBe(1);
    expect(full.numstat_commits).toBe(13);
  });

  it("walks the metadata once metadataAfter resolves, and not at all when it rejects", async () => {
    const repo = track(
      makeRepo([
        { files: { "src/a.ts": lines(3, "a") }, message: "feat: a" },
        { files: { "src/b.ts": lines(3, "b") }, message: "feat: b" },
      ]),
    );
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let settled = false;
    const waiting = readGitHistory(repo.dir, { metadataAfter: gate }).then((summary) => {
      settled = true;
      return summary;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    release();
    expect(await waiting).toEqual(await readGitHistory(repo.dir));

    const skipped = await readGitHistory(repo.dir, {
      metadataAfter: Promise.reject(new Error("x")),
    });
    expect(skipped.commits).toBe(0);
    expect(skipped.numstat_commits).toBe(2);
  });

  it("refuses a repository without commits", async () => {
    const folder = track(makeFolder({ "a.ts": "x\n" }));
    folder.git("init", "-q");
    await expect(readGitHistory(folder.dir)).rejects.toThrow(
      new DevladderError("invalid_input", "repository has no commits"),
    );
  });
});
