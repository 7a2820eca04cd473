/**
 * Reads a repository's history into the report's git figures with streaming git processes:
 * one metadata pass over all of HEAD's history (cheap: no diffs), and line counts (--numstat,
 * the expensive part) for the last `numstatLimit` non-merge commits, or for all of them with
 * fullHistory, split over one git process per core (each takes a --skip/-n slice of the same
 * walk, so together they read every commit exactly once). The passes run side by side.
 * Branches are counted from refs: local and remote-tracking branch names, each name once.
 */
import { availableParallelism } from "node:os";
import { DevladderError } from "../../errors.js";
import { fileRole } from "../inventory/file-role.js";
import { pathVerdict } from "../inventory/path-rules.js";
import { isCodePath } from "../languages/language-table.js";
import type { GitSummary } from "../report.js";
import {
  ChangeFigures,
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
  /** git processes for the full-history line counts; default: the number of cores, at most 4 */
  readonly processes?: number;
  /** stops every git process of this read; the read then rejects */
  readonly signal?: AbortSignal | undefined;
}

export const DEFAULT_NUMSTAT_LIMIT = 1000;

/** Code files that are neither vendored nor generated (lockfiles included) by their path. */
export function defaultIsCountedPath(path: string): boolean {
  return isCodePath(path) && pathVerdict(path) === null;
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
// Diff options that could run a command named in the repository's config, all turned off.
const DIFF_SAFETY = ["--no-textconv", "--no-ext-diff", "--no-renames", "--no-color"];

export async function readGitHistory(
  root: string,
  opts: GitHistoryOptions = {},
): Promise<GitSummary> {
  const { signal } = opts;
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

  const [branches] = await Promise.all([
    countBranches(root, signal),
    readMetadata(root, sha, metadata, signal),
    opts.fullHistory === true
      ? // An explicit process count is honoured even on tiny histories (tests, benchmarks).
        readAllNumstat(
          root,
          sha,
          changes,
          opts.processes ?? defaultProcesses(),
          opts.processes === undefined ? 500 : 1,
          signal,
        )
      : readNumstat(
          root,
          sha,
          ["-n", String(opts.numstatLimit ?? DEFAULT_NUMSTAT_LIMIT)],
          (c) => changes.add(c),
          signal,
        ),
  ]);
  return { ...metadata.summary(), branches, ...changes.summary() };
}

function defaultProcesses(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** Splits a NUL-separated stream into tokens, across chunk boundaries. */
function nulTokens(onToken: (token: string) => void): (text: string) => void {
  let carry = "";
  return (text) => {
    let start = 0;
    for (let end = text.indexOf("\0"); end !== -1; end = text.indexOf("\0", start)) {
      onToken(carry === "" ? text.slice(start, end) : carry + text.slice(start, end));
      carry = "";
      start = end + 1;
    }
    carry += text.slice(start);
  };
}

async function readMetadata(
  root: string,
  sha: string,
  figures: MetadataFigures,
  signal: AbortSignal | undefined,
): Promise<void> {
  let fields: string[] = [];
  const onToken = (token: string) => {
    // A record starts with a sha; anything else there is the tail of a malformed record.
    if (fields.length === 0 && !SHA.test(token)) return;
    fields.push(token);
    if (fields.length < 6) return;
    const [commit = "", parents = "", time = "", email = "", name = "", subject = ""] = fields;
    fields = [];
    const meta: CommitMeta = {
      sha: commit,
      parents: parents === "" ? 0 : parents.split(" ").length,
      time: Number(time),
      email,
      name,
      subject,
    };
    figures.add(meta);
  };
  await streamSafeGit(
    root,
    ["log", "--use-mailmap", "-z", "--format=%H%x00%P%x00%at%x00%aE%x00%aN%x00%s", sha, "--"],
    nulTokens(onToken),
    // megabytes on a long history, written while the files are scanned (see spool)
    { signal, spool: true },
  );
}

/** Streams `git log --numstat` for the commits selected by `range`, one callback per commit. */
async function readNumstat(
  root: string,
  sha: string,
  range: readonly string[],
  onCommit: (changes: readonly FileChange[]) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  let current: FileChange[] | null = null;
  const onToken = (token: string) => {
    // Commit headers are "\x01<sha>"; file lines are "added\tdeleted\tpath", the first of a
    // commit preceded by a newline; empty tokens separate commits.
    if (token.charCodeAt(0) === 1) {
      if (current !== null) onCommit(current);
      current = [];
      return;
    }
    const line = token.charCodeAt(0) === 10 ? token.slice(1) : token;
    const tab1 = line.indexOf("\t");
    const tab2 = tab1 === -1 ? -1 : line.indexOf("\t", tab1 + 1);
    if (tab2 === -1 || current === null) return;
    const added = line.slice(0, tab1);
    const deleted = line.slice(tab1 + 1, tab2);
    current.push({
      added: added === "-" ? null : Number(added),
      deleted: deleted === "-" ? null : Number(deleted),
      path: line.slice(tab2 + 1),
    });
  };
  await streamSafeGit(
    root,
    [
      "log",
      "--no-merges",
      "--numstat",
      ...DIFF_SAFETY,
      "-z",
      "--format=%x01%H",
      ...range,
      sha,
      "--",
    ],
    nulTokens(onToken),
    // tens of megabytes on a long history, written while the files are scanned (see spool)
    { signal, spool: true },
  );
  if (current !== null) onCommit(current);
}

async function readAllNumstat(
  root: string,
  sha: string,
  figures: ChangeFigures,
  processes: number,
  minCommitsPerProcess: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  const counted = await safeGit(root, ["rev-list", "--count", "--no-merges", sha, "--"], {
    signal,
  });
  const total = Number(counted.stdout.trim());
  // Another git process only pays off when it has enough commits to diff.
  const parts = Math.max(1, Math.min(processes, Math.ceil(total / minCommitsPerProcess)));
  const size = Math.ceil(total / parts);
  await Promise.all(
    Array.from({ length: parts }, (_, k) =>
      readNumstat(
        root,
        sha,
        k === parts - 1 ? [`--skip=${k * size}`] : [`--skip=${k * size}`, "-n", String(size)],
        (c) => figures.add(c),
        signal,
      ),
    ),
  );
}

/** Distinct branch names among local and remote-tracking branches (origin/HEAD left out). */
async function countBranches(root: string, signal: AbortSignal | undefined): Promise<number> {
  const refs = await safeGit(
    root,
    ["for-each-ref", "--format=%(refname)", "refs/heads", "refs/remotes"],
    { signal },
  );
  const names = new Set<string>();
  for (const ref of refs.stdout.split("\n")) {
    if (ref.startsWith("refs/heads/")) names.add(ref.slice("refs/heads/".length));
    else if (ref.startsWith("refs/remotes/")) {
      const rest = ref.slice("refs/remotes/".length);
      const name = rest.slice(rest.indexOf("/") + 1);
      if (name !== "HEAD") names.add(name);
    }
  }
  return names.size;
}
