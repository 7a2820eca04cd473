/**
 * Reads a repository's history into the report's git figures with streaming git processes.
 * By default: one metadata pass over all of HEAD's history (cheap: no diffs) beside line counts
 * (--numstat, the expensive part) for the last `numstatLimit` non-merge commits. With
 * fullHistory, every commit's metadata and line counts come from one walk read from both ends
 * at once: one git process from the newest commit, one from the oldest, stopped where they
 * meet, so the two share the diffing however unevenly it is spread over the history.
 * Branches are counted from refs (local and remote-tracking branch names) and from the history
 * (branches merged and then deleted, as most are), each name once.
 */
import { DevladderError } from "../../errors.js";
import { fileRole } from "../inventory/file-role.js";
import { pathVerdict } from "../inventory/path-rules.js";
import { isCodePath } from "../languages/language-table.js";
import type { GitSummary } from "../report.js";
import {
  ChangeFigures,
  isBotBranch,
  MetadataFigures,
  type CommitMeta,
  type FileChange,
  type PathKinds,
} from "./history-figures.js";
import { safeGit, streamSafeGit } from "./safe-git.js";

export interface GitHistoryOptions {
  readonly fullHistory?: boolean;
  /** non-merge commits read with --numstat when not fullHistory; default 1,000 */
  readonly numstatLimit?: number;
  /** which changed paths count as code for bulk_upload and the tests share */
  readonly isCountedPath?: (path: string) => boolean;
  /** git processes for the full-history read: 2 (default) from both ends, 1 in a single pass */
  readonly processes?: 1 | 2;
  /**
   * The default read's metadata walk (all of history, no diffs) starts when this resolves, and
   * not at all if it rejects, so that a caller reading files meanwhile shares the two cores of a
   * small machine with one git process instead of two (see analyze.ts). The line counts start
   * at once.
   */
  readonly metadataAfter?: Promise<unknown>;
  /** stops every git process of this read; the read then rejects */
  readonly signal?: AbortSignal | undefined;
  /** called with the commits read so far, at most every `progressEveryMs`, on long histories */
  readonly onCommitsRead?: (commits: number) => void;
  /** default 2,000: a read shorter than that reports nothing */
  readonly progressEveryMs?: number;
}

export const DEFAULT_NUMSTAT_LIMIT = 1000;

/** Code files that are neither vendored nor generated (lockfiles included) by their path. */
export function defaultIsCountedPath(path: string): boolean {
  return isCodePath(path) && pathVerdict(path) === null;
}

/** Each commit starts with \x01; -z ends every field and numstat line with NUL. */
const FORMAT = "--format=%x01%H%x00%P%x00%at%x00%aE%x00%aN%x00%s";
const HEADER_FIELDS = 6;
// Line counts, with every diff option that could run a command named in the repository's
// config turned off (and renames off: a rename counts as a delete and an add, cheaply).
const NUMSTAT = ["--numstat", "--no-textconv", "--no-ext-diff", "--no-renames", "--no-color"];

type OnCommit = (meta: CommitMeta, changes: readonly FileChange[]) => void;

export async function readGitHistory(
  root: string,
  opts: GitHistoryOptions = {},
): Promise<GitSummary> {
  const { signal } = opts;
  // Its rejection only means the walk is not wanted: handled here, before any await.
  opts.metadataAfter?.catch(() => undefined);
  const head = await safeGit(root, ["rev-parse", "--verify", "-q", "HEAD^{commit}"], {
    okExitCodes: [1],
    signal,
  });
  if (head.exitCode !== 0) throw new DevladderError("invalid_input", "repository has no commits");
  const sha = head.stdout.trim();

  const isCounted = opts.isCountedPath ?? defaultIsCountedPath;
  const kinds: PathKinds = { isCounted, isTest: (path) => fileRole(path) === "test" };
  const changes = new ChangeFigures(kinds);
  const metadata = new MetadataFigures();
  const progress = throttledProgress(opts.onCommitsRead, opts.progressEveryMs ?? 2000);
  const addMetadata = (meta: CommitMeta) => {
    metadata.add(meta);
    progress(metadata.commitCount);
  };

  const limit = opts.fullHistory === true ? null : (opts.numstatLimit ?? DEFAULT_NUMSTAT_LIMIT);
  const branches = branchRefNames(root, signal);
  // Raised where it is awaited; kept from surfacing as unhandled if the history read fails first.
  branches.catch(() => undefined);
  try {
    await (opts.fullHistory === true
      ? readWholeHistory(
          root,
          sha,
          opts.processes ?? 2,
          (meta, files) => {
            addMetadata(meta);
            // Merges list no changes (git log shows no diff for them unless asked).
            if (meta.parents < 2) changes.add(files, meta.parents === 0);
          },
          signal,
        )
      : Promise.all([
          (opts.metadataAfter ?? Promise.resolve()).then(
            () => readLog(root, sha, [], addMetadata, { signal }),
            () => undefined,
          ),
          readLog(
            root,
            sha,
            numstatOptions(limit),
            (meta, files) => changes.add(files, meta.parents === 0),
            { signal },
          ),
        ]));
  } catch (error) {
    if (!isMissingObject(error)) throw error;
    return readDespiteMissingObjects(root, sha, limit, kinds, signal, branches);
  }
  return {
    ...metadata.summary(),
    branches: countBranches(await branches, metadata),
    ...changes.summary(),
    unreadable_paths: 0,
  };
}

/** The line-count read: all commits, or the last `limit` non-merge ones. */
function numstatOptions(limit: number | null): string[] {
  return [...NUMSTAT, ...rangeOf(limit)];
}

function isMissingObject(error: unknown): boolean {
  return error instanceof DevladderError && /unable to read [0-9a-f]{40}/.test(error.message);
}

/**
 * A repository that lacks some file contents (a mirror without its largest files) cannot be
 * diffed where those files changed. The history is read again: all commits without diffs, and
 * line counts for every other path. Paths whose contents cannot be read are counted in
 * unreadable_paths; if even the trees are missing, no line counts are read at all.
 */
async function readDespiteMissingObjects(
  root: string,
  sha: string,
  limit: number | null,
  kinds: PathKinds,
  signal: AbortSignal | undefined,
  branches: Promise<ReadonlySet<string>>,
): Promise<GitSummary> {
  const metadata = new MetadataFigures();
  const missing = await missingBlobPaths(root, sha, limit, signal);
  const readChanges = async (): Promise<ChangeFigures> => {
    const changes = new ChangeFigures(kinds);
    if (missing === null || missing.length > MAX_EXCLUDED_PATHS) return changes;
    try {
      await readLog(
        root,
        sha,
        numstatOptions(limit),
        (meta, files) => changes.add(files, meta.parents === 0),
        {
          signal,
          paths: [".", ...missing.map((path) => `:(exclude,literal)${path}`)],
        },
      );
      return changes;
    } catch (error) {
      // Still something unreadable (a damaged tree): no line counts rather than no analysis.
      if (!isMissingObject(error)) throw error;
      return new ChangeFigures(kinds);
    }
  };
  const [, changes] = await Promise.all([
    readLog(root, sha, [], (meta) => metadata.add(meta), { signal }),
    readChanges(),
  ]);
  return {
    ...metadata.summary(),
    branches: countBranches(await branches, metadata),
    ...changes.summary(),
    unreadable_paths: missing?.length ?? 0,
  };
}

/** Pathspecs fit a command line; beyond this many, line counts are left out. */
const MAX_EXCLUDED_PATHS = 2000;

/**
 * Paths changed by the commits a numstat read covers whose old or new contents are missing from
 * the object store, found without reading any file content (--raw lists object ids only, and
 * cat-file --batch-check only asks whether each exists). Null when the trees cannot be read.
 */
async function missingBlobPaths(
  root: string,
  sha: string,
  limit: number | null,
  signal: AbortSignal | undefined,
): Promise<string[] | null> {
  // One object may sit at several paths (a file moved, or copied): every one is left out.
  const pathsOf = new Map<string, Set<string>>();
  let carry = "";
  let ids: string[] = [];
  const take = (field: string) => {
    if (field.startsWith(":")) {
      // ":100644 100644 <old> <new> M" then the path as the next field
      const parts = field.split(" ");
      ids = [parts[2] ?? "", parts[3] ?? ""].filter((id) => !/^0+$/.test(id));
    } else if (ids.length > 0) {
      for (const id of ids) {
        const paths = pathsOf.get(id);
        if (paths === undefined) pathsOf.set(id, new Set([field]));
        else paths.add(field);
      }
      ids = [];
    }
  };
  const raw = await streamSafeGit(
    root,
    [
      "log",
      "-z",
      "--raw",
      "--no-abbrev",
      "--no-renames",
      "--format=",
      ...rangeOf(limit),
      sha,
      "--",
    ],
    (text) => {
      const fields = (carry + text).split("\0");
      carry = fields.pop() ?? "";
      for (const field of fields) take(field.replace(/^\n/, ""));
    },
    { signal, spool: true, okExitCodes: [128] },
  );
  if (raw.exitCode !== 0) return null;
  take(carry);
  const check = await safeGit(root, ["cat-file", "--batch-check=%(objectname)"], {
    input: [...pathsOf.keys()].join("\n") + "\n",
    signal,
  });
  const missing = new Set<string>();
  for (const line of check.stdout.split("\n")) {
    const m = /^([0-9a-f]{40}) missing$/.exec(line);
    for (const path of (m?.[1] === undefined ? undefined : pathsOf.get(m[1])) ?? []) {
      missing.add(path);
    }
  }
  return [...missing].sort();
}

/** Which commits a line-count read covers: every one (null), or the last `limit` non-merges. */
function rangeOf(limit: number | null): string[] {
  return limit === null ? [] : ["--no-merges", "-n", String(limit)];
}

/** `report(count)` at most once per `ms`, looking at the clock every 1,000 commits only. */
function throttledProgress(
  report: ((commits: number) => void) | undefined,
  ms: number,
): (commits: number) => void {
  if (report === undefined) return () => undefined;
  let next = performance.now() + ms;
  return (commits) => {
    if (commits % 1000 !== 0) return;
    const now = performance.now();
    if (now < next) return;
    next = now + ms;
    report(commits);
  };
}

/**
 * Every commit of HEAD's history once, with its line counts. With two processes, one walks
 * newest-first and one oldest-first (`--reverse` lists the same walk backwards); the first
 * commit one of them brings that the other already brought means together they have brought
 * everything, and both are stopped.
 */
async function readWholeHistory(
  root: string,
  sha: string,
  processes: 1 | 2,
  onCommit: OnCommit,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (processes === 1) {
    await readLog(root, sha, NUMSTAT, onCommit, { signal });
    return;
  }
  const met = new AbortController();
  const seen = new Set<string>();
  const take: OnCommit = (meta, files) => {
    if (met.signal.aborted) return;
    if (seen.has(meta.sha)) {
      met.abort();
      return;
    }
    seen.add(meta.sha);
    onCommit(meta, files);
  };
  const walk = (order: readonly string[]) =>
    readLog(root, sha, [...NUMSTAT, ...order], take, { signal, until: met.signal }).then(
      // A walk that reached its end has brought every commit itself.
      () => met.abort(),
      (error: unknown) => {
        met.abort();
        throw error;
      },
    );
  await Promise.all([walk([]), walk(["--reverse"])]);
}

/**
 * Streams `git log` with FORMAT (plus `options`) to `onCommit`, one call per commit once its
 * numstat lines are in. A read ended by `until` drops the commit it was in the middle of.
 */
async function readLog(
  root: string,
  sha: string,
  options: readonly string[],
  onCommit: OnCommit,
  control: { signal: AbortSignal | undefined; until?: AbortSignal; paths?: readonly string[] },
): Promise<void> {
  const parser = new LogParser(onCommit);
  await streamSafeGit(
    root,
    ["log", "--use-mailmap", "-z", FORMAT, ...options, sha, "--", ...(control.paths ?? [])],
    (text) => parser.write(text),
    // megabytes on a long history, written while the files are scanned (see spool)
    { signal: control.signal, spool: true, ...(control.until && { until: control.until }) },
  );
  if (control.until?.aborted !== true) parser.end();
}

/** Turns FORMAT output, in chunks split anywhere, into commits with their file changes. */
class LogParser {
  private carry = "";
  private header: string[] = [];
  private files: FileChange[] = [];

  constructor(private readonly onCommit: OnCommit) {}

  write(text: string): void {
    let start = 0;
    for (let end = text.indexOf("\0"); end !== -1; end = text.indexOf("\0", start)) {
      this.token(this.carry === "" ? text.slice(start, end) : this.carry + text.slice(start, end));
      this.carry = "";
      start = end + 1;
    }
    this.carry += text.slice(start);
  }

  end(): void {
    if (this.carry !== "") this.token(this.carry);
    this.carry = "";
    this.flush();
  }

  private token(token: string): void {
    const inHeader = this.header.length > 0 && this.header.length < HEADER_FIELDS;
    if (token.charCodeAt(0) === 1 && !inHeader) {
      this.flush();
      this.header = [token.slice(1)];
      return;
    }
    // The subject may be empty, so header fields are taken by position.
    if (inHeader) {
      this.header.push(token);
      return;
    }
    // "added\tdeleted\tpath"; the first of a commit comes after a newline.
    const line = token.charCodeAt(0) === 10 ? token.slice(1) : token;
    const tab1 = line.indexOf("\t");
    const tab2 = tab1 === -1 ? -1 : line.indexOf("\t", tab1 + 1);
    if (tab2 === -1 || this.header.length === 0) return;
    const added = line.slice(0, tab1);
    const deleted = line.slice(tab1 + 1, tab2);
    this.files.push({
      added: added === "-" ? null : Number(added),
      deleted: deleted === "-" ? null : Number(deleted),
      path: line.slice(tab2 + 1),
    });
  }

  private flush(): void {
    if (this.header.length < HEADER_FIELDS) return;
    const [sha = "", parents = "", time = "", email = "", name = "", subject = ""] = this.header;
    this.onCommit(
      {
        sha,
        parents: parents === "" ? 0 : parents.split(" ").length,
        time: Number(time),
        email,
        name,
        subject,
      },
      this.files,
    );
    this.header = [];
    this.files = [];
  }
}

/** Branch names from the refs and from the merges the history shows, each name once. */
function countBranches(refNames: ReadonlySet<string>, metadata: MetadataFigures): number {
  return new Set([...refNames, ...metadata.mergedBranchNames]).size;
}

/**
 * Distinct branch names among local and remote-tracking branches (origin/HEAD and bots' branches
 * left out). In a clone, the remote-tracking branches are the branches the remote had when it
 * was cloned or last fetched; a local branch of the same name is the same branch.
 */
async function branchRefNames(
  root: string,
  signal: AbortSignal | undefined,
): Promise<ReadonlySet<string>> {
  const refs = await safeGit(
    root,
    ["for-each-ref", "--format=%(refname)", "refs/heads", "refs/remotes"],
    { signal },
  );
  const names = new Set<string>();
  for (const ref of refs.stdout.split("\n")) {
    let name: string | null = null;
    if (ref.startsWith("refs/heads/")) name = ref.slice("refs/heads/".length);
    else if (ref.startsWith("refs/remotes/")) {
      const rest = ref.slice("refs/remotes/".length);
      name = rest.slice(rest.indexOf("/") + 1);
    }
    // A bot's open pull request branch (dependabot/…) is none of the project's own branches.
    if (name !== null && name !== "HEAD" && !isBotBranch(name)) names.add(name);
  }
  return names;
}
