/**
 * Turns the user's repository argument into a directory to analyse.
 * - A local directory is analysed in place. When it is a git work tree (or a folder inside
 *   one), isGit is true and the inventory lists only that folder's tracked files; git history
 *   figures are then those of the whole repository the folder belongs to.
 * - A URL (https, ssh, scp-like, file) or a local bare repository is cloned into a temp dir,
 *   which cleanup() removes (it is also removed when the clone fails).
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DevladderError, invalidInput } from "../../errors.js";
import { gitFailureCause, safeGit } from "../git/safe-git.js";
import { cloneRepository } from "./clone-repository.js";
import { classifySourceInput } from "./source-input.js";

export interface ResolveSourceOptions {
  /** default 120 s */
  readonly cloneTimeoutMs?: number;
  /** default 500 MiB (on disk, .git included) */
  readonly maxCloneBytes?: number;
  readonly signal?: AbortSignal;
}

export interface ResolvedSource {
  readonly root: string;
  readonly isGit: boolean;
  cleanup(): Promise<void>;
}

export const DEFAULT_CLONE_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_CLONE_BYTES = 500 * 1024 * 1024;

type LocalKind = "work-tree" | "git-dir" | "plain";

export async function resolveSource(
  input: string,
  opts: ResolveSourceOptions = {},
): Promise<ResolvedSource> {
  const source = classifySourceInput(input);
  if (source.kind === "remote") return cloneToTemp(source.url, opts);

  const dir = resolve(source.path);
  const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") {
      throw invalidInput(`path not found: ${source.path}`);
    }
    throw new DevladderError(
      "repository_unavailable",
      `cannot read ${source.path}: ${error.code ?? error.message}`,
    );
  });
  if (!info.isDirectory()) throw invalidInput(`not a directory: ${source.path}`);

  const kind = await localKind(dir);
  switch (kind) {
    case "work-tree":
      return { root: dir, isGit: true, cleanup: () => Promise.resolve() };
    case "plain":
      return { root: dir, isGit: false, cleanup: () => Promise.resolve() };
    case "git-dir":
      // A bare repository (or a .git folder) has no files to read: check it out into a clone.
      return cloneToTemp(dir, opts);
  }
}

async function localKind(dir: string): Promise<LocalKind> {
  const result = await safeGit(
    dir,
    ["rev-parse", "--is-inside-work-tree", "--is-inside-git-dir", "--is-bare-repository"],
    { okExitCodes: [128] },
  );
  if (result.exitCode !== 0) {
    if (/not a git repository/i.test(result.stderr)) return "plain";
    // e.g. "detected dubious ownership": git refuses a repository owned by another user.
    throw new DevladderError(
      "repository_unavailable",
      `cannot read the git repository at ${dir}: ${gitFailureCause(result.stderr)}`,
    );
  }
  const [insideWorkTree, insideGitDir, bare] = result.stdout.trim().split("\n");
  if (insideWorkTree === "true") return "work-tree";
  if (insideGitDir === "true" || bare === "true") return "git-dir";
  return "plain";
}

async function cloneToTemp(url: string, opts: ResolveSourceOptions): Promise<ResolvedSource> {
  const temp = await mkdtemp(join(tmpdir(), "devladder-clone-"));
  const cleanup = () => rm(temp, { recursive: true, force: true });
  const root = join(temp, "repo");
  try {
    await cloneRepository(url, root, {
      timeoutMs: opts.cloneTimeoutMs ?? DEFAULT_CLONE_TIMEOUT_MS,
      maxBytes: opts.maxCloneBytes ?? DEFAULT_MAX_CLONE_BYTES,
      ...(opts.signal !== undefined && { signal: opts.signal }),
    });
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { root, isGit: true, cleanup };
}
