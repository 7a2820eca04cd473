/**
 * Clones a remote (or local) repository into a directory of ours, under a time limit and a
 * size limit, then checks out HEAD's files. Nothing from the remote can run: git gets only our configuration (safe-git.ts:
 * no system/global config, transports restricted to https/ssh/file, hooks path /dev/null, no
 * templates), no submodules are fetched, and no smudge/clean filter is configured, so a
 * repository's .gitattributes cannot name one. The whole git process group is killed on a limit.
 */
import type { ChildProcess } from "node:child_process";
import { lstat, readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DevladderError } from "../../errors.js";
import {
  cannotRunGit,
  gitFailureCause,
  keepStderrTail,
  redactCredentials,
  spawnSafeGit,
} from "../git/safe-git.js";

export interface CloneLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly signal?: AbortSignal;
}

const SIZE_POLL_MS = 250;

/** A path or file:// URL: a repository on this machine, whose objects can be shared. */
function localPath(url: string): string | null {
  if (url.startsWith("file://")) return fileURLToPath(url);
  return url.startsWith("/") ? url : null;
}

export function cloneArgs(url: string, dest: string): string[] {
  const local = localPath(url);
  return [
    "clone",
    // A local repository's objects are shared (objects/info/alternates) rather than copied or
    // sent through the pack protocol, which would refuse a repository missing some objects
    // (a mirror without its largest files). Nothing is copied, so nothing is trusted more than
    // when a work tree is read in place. Remote objects come through the pack protocol.
    ...(local === null ? ["--no-local"] : ["--shared"]),
    // Checked out below, file by file, so one unreadable file does not lose all the others.
    "--no-checkout",
    "--no-recurse-submodules",
    // No template directory: nothing (hooks included) is copied into the new .git.
    "--template=",
    "--no-tags",
    "--quiet",
    "--",
    local ?? url,
    dest,
  ];
}

/** Sum of the sizes of all files under dir, without following symlinks. */
export async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    // git renames and deletes temporary files while we look; a vanished entry has no size.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) total += await directoryBytes(full);
    else if (entry.isFile()) {
      try {
        total += (await lstat(full)).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
  }
  return total;
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round(bytes / 1024 / 1024)} MiB`
    : `${Math.ceil(bytes / 1024)} KiB`;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

/** Clones `url` into `dest` (which must not exist yet). Rejects with repository_unavailable. */
export async function cloneRepository(
  url: string,
  dest: string,
  limits: CloneLimits,
): Promise<void> {
  const shown = redactCredentials(url);
  const run = limitedRunner(dest, shown, limits);
  try {
    const clone = await run(dirname(dest), cloneArgs(url, dest));
    if (clone.code !== 0) fail(`cannot clone ${shown}: ${gitFailureCause(clone.stderr)}`);
    // An empty repository has no HEAD to check out; the analysis then reports it has no commits.
    const tree = await run(dest, ["read-tree", "HEAD"]);
    if (tree.code === 0) {
      const checkout = await run(dest, ["checkout-index", "--all", "--force", "--index"]);
      if (checkout.code !== 0 && !onlyMissingObjects(checkout.stderr)) {
        fail(`cannot check out ${shown}: ${gitFailureCause(checkout.stderr)}`);
      }
    }
    // A small limit can be crossed between two polls; measure once more at the end.
    const bytes = await directoryBytes(dest).catch((error: unknown) =>
      fail(`cannot measure the clone: ${error instanceof Error ? error.message : String(error)}`),
    );
    if (bytes > limits.maxBytes) {
      fail(`repository ${shown} is larger than the ${mib(limits.maxBytes)} limit`);
    }
  } finally {
    run.close();
  }
}

function fail(message: string): never {
  throw new DevladderError("repository_unavailable", message);
}

/**
 * checkout-index writes every file it can and names the ones whose objects are missing; those
 * files are then simply absent from the work tree, as a file deleted from it would be.
 */
function onlyMissingObjects(stderr: string): boolean {
  const errors = stderr.split("\n").filter((line) => /^(?:error|fatal):/.test(line));
  return errors.length > 0 && errors.every((line) => /unable to read sha1 file of /.test(line));
}

interface StepResult {
  readonly code: number | null;
  readonly stderr: string;
}

type LimitedRunner = ((cwd: string, args: readonly string[]) => Promise<StepResult>) & {
  close(): void;
};

/**
 * Runs git steps one after another under one time limit, one size limit on `dest` and the
 * caller's signal. A limit kills the running step's whole process group (git-remote-https, ssh
 * and index-pack included) and makes it, and every later step, reject with the reason.
 */
function limitedRunner(dest: string, shown: string, limits: CloneLimits): LimitedRunner {
  let stopReason: string | null = null;
  let current: ChildProcess | null = null;
  const stop = (reason: string) => {
    if (stopReason !== null) return;
    stopReason = reason;
    killGroup(current);
  };
  const timer = setTimeout(
    () => stop(`clone of ${shown} timed out after ${seconds(limits.timeoutMs)}`),
    limits.timeoutMs,
  );
  let polling = false;
  const poller = setInterval(() => {
    if (polling) return;
    polling = true;
    directoryBytes(dest)
      .then((bytes) => {
        if (bytes > limits.maxBytes) {
          stop(`repository ${shown} is larger than the ${mib(limits.maxBytes)} limit`);
        }
      })
      .catch((error: unknown) =>
        stop(`cannot measure the clone: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        polling = false;
      });
  }, SIZE_POLL_MS);
  const onAbort = () => stop(`clone of ${shown} was cancelled`);
  limits.signal?.addEventListener("abort", onAbort, { once: true });
  if (limits.signal?.aborted === true) onAbort();

  const run = (cwd: string, args: readonly string[]) =>
    new Promise<StepResult>((resolve, reject) => {
      if (stopReason !== null) {
        reject(new DevladderError("repository_unavailable", stopReason));
        return;
      }
      // Its own process group, so a kill also reaches the helpers git starts.
      const child = spawnSafeGit(cwd, args, { detached: true });
      current = child;
      const stderrTail = keepStderrTail(child);
      child.stdin?.end();
      child.stdout?.resume();
      child.on("error", (error) => reject(cannotRunGit(error)));
      child.on("close", (code) => {
        current = null;
        if (stopReason !== null) reject(new DevladderError("repository_unavailable", stopReason));
        else resolve({ code, stderr: stderrTail() });
      });
    });
  return Object.assign(run, {
    close() {
      clearTimeout(timer);
      clearInterval(poller);
      limits.signal?.removeEventListener("abort", onAbort);
    },
  });
}

function killGroup(child: ChildProcess | null): void {
  if (child?.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch (error) {
    // ESRCH: the group has already exited; the "close" event still follows.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}
