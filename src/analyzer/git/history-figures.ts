/**
 * The git history figures, computed incrementally from parsed log records (no I/O here).
 * Definitions, all on the history of HEAD:
 * - authors: people, after the mailmap: identities that share an e-mail address (lower-cased)
 *   or a full name (two words or more; case, spaces and punctuation ignored) are one person, as
 *   people commit from a work and a personal address, and so are a GitHub noreply address and
 *   the names that spell its login; a person all of whose identities are bots is counted apart
 *   in bot_authors;
 * - first/last commit: earliest and latest author date; active_weeks/weekly: ISO weeks
 *   (Monday, UTC) with at least one commit, weekly listing only those weeks, oldest first;
 * - longest_gap_days: the longest time between two consecutive author dates, in whole days;
 * - conventional_commit_share: share of non-merge commits whose subject follows Conventional
 *   Commits (type in any case, optional scope, optional "!", ": ", description), rounded to 3
 *   decimals;
 * - commit_convention_share: share of people's non-merge commits (bots' and translation
 *   platforms' left out: their subjects are whatever the tool writes) whose subject follows a
 *   recognised convention,
 *   Conventional Commits, gitmoji or a scope prefix ("window: …"; see commit-convention.ts),
 *   rounded to 3 decimals; commit_convention: the one most of those subjects follow, null when
 *   none does;
 * - pull_requests: distinct pull request numbers named by merge subjects ("Merge pull request
 *   #12 from …") or by a non-merge subject ending in "(#12)", which is how GitHub words a pull
 *   request merged as one commit (squash); merged_branches: merge commits that merge work back
 *   (see MergedWork: not pulls of the same branch, the mainline caught up with, or tags) plus
 *   those one-commit merges; mergedBranchNames: the branches merge subjects name ("Merge branch
 *   'x'"), which the branch count adds to the refs, as merged branches are usually deleted.
 *   Bots' pull requests count in none of them, nor in the branch count: those merged from a
 *   bot's branch (dependabot/…, renovate/…: see BOT_BRANCH) and one-commit merges a bot
 *   authored;
 * - from line counts (--numstat, merges excluded), over counted code paths only:
 *   bulk_upload: at least BULK_MIN_LINES lines were added and the two biggest commits brought
 *   at least BULK_SHARE of them; tests_with_changes_share: among commits that change
 *   application code, the share that also change test code, root commits left out (a first
 *   commit holds whatever a generator or an upload brought, tests and all: it shows no habit).
 */
import type { GitSummary } from "../report.js";
import {
  CONVENTIONS,
  isConventionalSubject,
  isTranslationUpdate,
  subjectConvention,
  type CommitConvention,
} from "./commit-convention.js";

export interface CommitMeta {
  readonly sha: string;
  readonly parents: number;
  /** author time, seconds since the epoch */
  readonly time: number;
  readonly email: string;
  readonly name: string;
  readonly subject: string;
}

export interface FileChange {
  /** null for binary files ("-" in numstat) */
  readonly added: number | null;
  readonly deleted: number | null;
  readonly path: string;
}

export const BULK_MIN_LINES = 300;
export const BULK_SHARE = 0.8;

const BOT =
  /\[bot\]|^(dependabot|renovate|github-actions|greenkeeper|snyk-bot|semantic-release-bot|pre-commit-ci|allcontributors|imgbot(?:app)?|codecov|mergify|deepsource-autofix|pyup-bot)\b/i;
/**
 * A name whose last word is "bot" or "robot": greenkeeperio-bot, "GNOME Translation Robot",
 * "CI Bot". Set off by a separator, so Abbot or Talbot is nobody's bot.
 */
const BOT_NAME = /[\s._-](?:ro)?bot$/i;
/**
 * GitHub's Copilot coding agent authors its commits as "Copilot" with the noreply address of
 * its own account; the person who assigned the task is only a co-author.
 */
const COPILOT_AGENT = /^\d+\+copilot@users\.noreply\.github\.com$/i;

export function isBotIdentity(name: string, email: string): boolean {
  return (
    BOT.test(name) ||
    BOT.test(email) ||
    BOT_NAME.test(name.trim()) ||
    /^bot@|[-+.]bot@/i.test(email) ||
    COPILOT_AGENT.test(email)
  );
}

/**
 * Branches that dependency and housekeeping bots open their pull requests from: Dependabot's
 * dependabot/npm_and_yarn/…, Renovate's renovate/…, Greenkeeper's greenkeeper/…, the
 * all-contributors bot's all-contributors/add-…, Snyk's snyk-fix-…/snyk-upgrade-…,
 * pre-commit.ci's pre-commit-ci-update-config and ImgBot's imgbot.
 */
const BOT_BRANCH =
  /^(?:dependabot|renovate|greenkeeper|all-contributors)\/|^(?:snyk-fix|snyk-upgrade|pre-commit-ci-update-config)\b|^imgbot$/i;

/** Whether a branch is one a bot opened a pull request from. */
export function isBotBranch(branch: string): boolean {
  return BOT_BRANCH.test(branch);
}

/** GitHub's merge subject: "Merge pull request #12 from owner/branch". */
const PULL_REQUEST_MERGE = /^Merge pull request #(\d+) from [^\s/]+\/(\S+)/;
/**
 * git's own merge subjects: "Merge branch 'x'", "Merge remote-tracking branch 'origin/x'",
 * with " of <url>" when pulled, and " into y" (GitLab: " into 'y'") unless merged into the
 * default branch.
 */
const BRANCH_MERGE =
  /^Merge (remote-tracking )?branch '([^']+)'(?: of \S+)?(?: into '?([^'\s]+)'?)?/;
/** A tag merged in (an upstream release): no branch of the project's own work. */
const TAG_MERGE = /^Merge tag '/;
/** GitHub's subject for a pull request merged as one commit (squash): "Title (#12)". */
const ONE_COMMIT_MERGE = /\(#(\d+)\)\s*$/;
/** The names a mainline branch goes by: merging one of them in is catching up, not merging back. */
const MAINLINES: ReadonlySet<string> = new Set(["main", "master"]);

export interface MergedWork {
  readonly branch: string | null;
  readonly pullRequest: number | null;
  /**
   * Whether the commit merges a line of work back: a pull request, a branch other than the one
   * merged into, or a merge whose subject does not say. Not: a pull that merged the remote's
   * copy of the same branch ("Merge branch 'main' of github.com:…"), the mainline merged into
   * a feature branch to catch up, or a tag.
   */
  readonly mergesBack: boolean;
}

/** What a commit subject says about a merged branch or pull request. */
export function mergedWork(subject: string, isMerge: boolean): MergedWork {
  if (!isMerge) {
    const squash = ONE_COMMIT_MERGE.exec(subject);
    const pullRequest = squash ? Number(squash[1]) : null;
    return { branch: null, pullRequest, mergesBack: pullRequest !== null };
  }
  const pr = PULL_REQUEST_MERGE.exec(subject);
  if (pr) return { branch: pr[2] ?? null, pullRequest: Number(pr[1]), mergesBack: true };
  const merge = BRANCH_MERGE.exec(subject);
  if (merge === null)
    return { branch: null, pullRequest: null, mergesBack: !TAG_MERGE.test(subject) };
  const name = merge[2] ?? "";
  // A remote-tracking branch is named with its remote: origin/x is branch x.
  const branch = merge[1] !== undefined ? name.slice(name.indexOf("/") + 1) : name;
  const into = merge[3];
  return {
    branch,
    pullRequest: null,
    mergesBack: !MAINLINES.has(branch) && branch !== into,
  };
}

const NO_WORK: MergedWork = { branch: null, pullRequest: null, mergesBack: false };

function isBotsWork(work: MergedWork, commit: CommitMeta, isMerge: boolean): boolean {
  if (work.branch !== null && isBotBranch(work.branch)) return true;
  return !isMerge && work.pullRequest !== null && isBotIdentity(commit.name, commit.email);
}

const DAY = 86_400;
const WEEK = 7 * DAY;
/** 1970-01-01 was a Thursday: shifting by three days makes week numbers start on Mondays. */
const MONDAY_SHIFT = 3 * DAY;

/** Number of the ISO (Monday-based, UTC) week holding `seconds`; cheap for 100k commits. */
function weekNumber(seconds: number): number {
  return Math.floor((seconds + MONDAY_SHIFT) / WEEK);
}

function mondayOfWeek(week: number): string {
  return new Date((week * WEEK - MONDAY_SHIFT) * 1000).toISOString().slice(0, 10);
}

/** Monday (UTC) of the ISO week holding `seconds`, as YYYY-MM-DD. */
export function weekStart(seconds: number): string {
  return mondayOfWeek(weekNumber(seconds));
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** A full name: two words or more. One word (a login, "root", "martin") says too little. */
const FULL_NAME = /\S\s+\S/;
/** GitHub's noreply address names the account: 12345+login@… (or login@…, before 2017). */
const GITHUB_NOREPLY = /^(?:\d+\+)?([^@+]+)@users\.noreply\.github\.com$/i;

/** A name as compared: letters and digits only, lower-cased ("Esraa-eltorkoman", "esraa eltorkoman"). */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Commit identities grouped into people (union-find over keys; each distinct identity is looked
 * at once, so a long history costs one set lookup per commit). An identity joins every identity
 * that shares its e-mail address or its full name, and a GitHub account's noreply identity
 * joins the identities named like its login: a repository created on GitHub's website starts
 * with a commit from "Esraa-eltorkoman <…+Esraa-eltorkoman@users.noreply.github.com>", and the
 * same person pushes from a laptop as "Esraa Eltorkoman" or "esraa-eltorkoman".
 */
class People {
  /** each identity (e-mail and name) seen, and whether it is a bot's */
  private readonly seen = new Map<string, boolean>();
  private readonly parent = new Map<string, string>();
  private readonly identities: { key: string; bot: boolean }[] = [];
  /** identities with a one-word name: joined only to a GitHub account of that login */
  private readonly oneWordNames: { key: string; name: string }[] = [];
  private readonly logins = new Set<string>();

  /** Adds a commit's author; answers whether the identity is a bot's. */
  add(name: string, email: string): boolean {
    const identity = `${email}\0${name}`;
    const known = this.seen.get(identity);
    if (known !== undefined) return known;
    const bot = isBotIdentity(name, email);
    this.seen.set(identity, bot);
    const named = nameKey(name);
    const key = email !== "" ? `e:${email.toLowerCase()}` : `n:${named}`;
    this.find(key);
    if (named !== "") {
      if (FULL_NAME.test(name.trim())) this.union(key, `n:${named}`);
      else this.oneWordNames.push({ key, name: named });
    }
    const login = GITHUB_NOREPLY.exec(email)?.[1];
    if (login !== undefined && nameKey(login) !== "") {
      this.union(key, `n:${nameKey(login)}`);
      this.logins.add(nameKey(login));
    }
    this.identities.push({ key, bot });
    return bot;
  }

  count(): { people: number; bots: number } {
    // Two "martin"s with their own addresses stay two, unless GitHub knows a login martin.
    for (const { key, name } of this.oneWordNames)
      if (this.logins.has(name)) this.union(key, `n:${name}`);
    const human = new Map<string, boolean>();
    for (const { key, bot } of this.identities) {
      const root = this.find(key);
      human.set(root, (human.get(root) ?? false) || !bot);
    }
    const bots = [...human.values()].filter((isHuman) => !isHuman).length;
    return { people: human.size, bots };
  }

  private find(key: string): string {
    let root = key;
    for (let up = this.parent.get(root) ?? root; up !== root; up = this.parent.get(root) ?? root)
      root = up;
    if (root === key) this.parent.set(key, key);
    // Path compression: every key on the way now points at the root.
    for (let at = key; at !== root;) {
      const next = this.parent.get(at) ?? root;
      this.parent.set(at, root);
      at = next;
    }
    return root;
  }

  private union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

/**
 * People's non-merge subjects by the convention they follow. Bots' subjects and those a
 * translation platform wrote are left out: they follow the tool's habit, not the project's.
 */
class ConventionCount {
  private people = 0;
  private following = 0;
  private readonly byConvention = new Map<CommitConvention, number>();

  add(subject: string, byBot: boolean): void {
    if (byBot || isTranslationUpdate(subject)) return;
    this.people++;
    const convention = subjectConvention(subject);
    if (convention === null) return;
    this.following++;
    this.byConvention.set(convention, (this.byConvention.get(convention) ?? 0) + 1);
  }

  summary(): Pick<GitSummary, "commit_convention_share" | "commit_convention"> {
    let commonest: CommitConvention | null = null;
    let most = 0;
    // A fixed order settles ties, so both ways of walking the history agree.
    for (const convention of CONVENTIONS) {
      const count = this.byConvention.get(convention) ?? 0;
      if (count > most) [commonest, most] = [convention, count];
    }
    return {
      commit_convention_share: this.people === 0 ? 0 : round3(this.following / this.people),
      commit_convention: commonest,
    };
  }
}

export class MetadataFigures {
  private commits = 0;
  private merges = 0;
  private mergesBack = 0;
  private nonMerges = 0;
  private conventional = 0;
  private readonly conventions = new ConventionCount();
  private readonly people = new People();
  private readonly weeks = new Map<number, number>();
  private readonly times: number[] = [];
  private readonly pullRequests = new Set<number>();
  private readonly oneCommitMerges = new Set<number>();
  private readonly branchNames = new Set<string>();

  add(commit: CommitMeta): void {
    this.commits++;
    const byBot = this.people.add(commit.name, commit.email);
    const isMerge = commit.parents >= 2;
    const said = mergedWork(commit.subject, isMerge);
    // A bot's pull request merged (by a person's merge or as the bot's own squash commit) is
    // no branch of the person's work.
    const merged = isBotsWork(said, commit, isMerge) ? NO_WORK : said;
    if (isMerge) {
      this.merges++;
      if (merged.mergesBack) this.mergesBack++;
    } else {
      this.nonMerges++;
      if (isConventionalSubject(commit.subject)) this.conventional++;
      this.conventions.add(commit.subject, byBot);
    }
    if (merged.branch !== null) this.branchNames.add(merged.branch);
    if (merged.pullRequest !== null) {
      this.pullRequests.add(merged.pullRequest);
      if (!isMerge) this.oneCommitMerges.add(merged.pullRequest);
    }
    const week = weekNumber(commit.time);
    this.weeks.set(week, (this.weeks.get(week) ?? 0) + 1);
    this.times.push(commit.time);
  }

  get commitCount(): number {
    return this.commits;
  }

  /**
   * Branches the history shows were merged: those named by merge subjects, and one per pull
   * request merged as a single commit (its branch is not named), keyed "#<number>".
   */
  get mergedBranchNames(): ReadonlySet<string> {
    return new Set([...this.branchNames, ...[...this.oneCommitMerges].map((n) => `#${n}`)]);
  }

  summary(): Pick<
    GitSummary,
    | "commits"
    | "authors"
    | "bot_authors"
    | "merge_commits"
    | "first_commit"
    | "last_commit"
    | "active_weeks"
    | "longest_gap_days"
    | "conventional_commit_share"
    | "commit_convention_share"
    | "commit_convention"
    | "pull_requests"
    | "merged_branches"
    | "weekly"
  > {
    const times = Float64Array.from(this.times).sort();
    let gap = 0;
    for (let i = 1; i < times.length; i++)
      gap = Math.max(gap, (times[i] ?? 0) - (times[i - 1] ?? 0));
    const { people, bots } = this.people.count();
    const first = times[0];
    const last = times[times.length - 1];
    return {
      commits: this.commits,
      authors: people - bots,
      bot_authors: bots,
      merge_commits: this.merges,
      first_commit: first === undefined ? null : new Date(first * 1000).toISOString(),
      last_commit: last === undefined ? null : new Date(last * 1000).toISOString(),
      active_weeks: this.weeks.size,
      longest_gap_days: Math.floor(gap / DAY),
      conventional_commit_share:
        this.nonMerges === 0 ? 0 : round3(this.conventional / this.nonMerges),
      ...this.conventions.summary(),
      pull_requests: this.pullRequests.size,
      merged_branches: this.mergesBack + this.oneCommitMerges.size,
      weekly: [...this.weeks]
        .sort((a, b) => a[0] - b[0])
        .map(([week, count]) => [mondayOfWeek(week), count] as const),
    };
  }
}

export interface PathKinds {
  /** counted toward line totals (code, not vendored or generated) */
  isCounted(path: string): boolean;
  /** test code (by fileRole) */
  isTest(path: string): boolean;
}

export class ChangeFigures {
  private commits = 0;
  private readonly added: number[] = [];
  private codeCommits = 0;
  private codeCommitsWithTests = 0;

  constructor(private readonly kinds: PathKinds) {}

  /** `root`: the commit has no parent; its lines count, but not toward the tests share. */
  add(changes: readonly FileChange[], root = false): void {
    this.commits++;
    let added = 0;
    let code = false;
    let tests = false;
    for (const change of changes) {
      if (!this.kinds.isCounted(change.path)) continue;
      added += change.added ?? 0;
      if (this.kinds.isTest(change.path)) tests = true;
      else code = true;
    }
    this.added.push(added);
    if (code && !root) {
      this.codeCommits++;
      if (tests) this.codeCommitsWithTests++;
    }
  }

  summary(): Pick<GitSummary, "bulk_upload" | "tests_with_changes_share" | "numstat_commits"> {
    const total = this.added.reduce((a, b) => a + b, 0);
    const [top1 = 0, top2 = 0] = [...this.added].sort((a, b) => b - a);
    return {
      bulk_upload: total >= BULK_MIN_LINES && top1 + top2 >= BULK_SHARE * total,
      tests_with_changes_share:
        this.codeCommits === 0 ? 0 : round3(this.codeCommitsWithTests / this.codeCommits),
      numstat_commits: this.commits,
    };
  }
}
