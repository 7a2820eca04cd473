/**
 * Clones a remote (or local bare) repository into a directory of ours, under a time limit and a
 * size limit. Nothing from the remote can run: git gets only our configuration (safe-git.ts:
 * no system/global config, transports restricted to https/ssh/file, hooks path /dev/null, no
 * templates), no submodules are fetched, and no smudge/clean filter is configured, so a
 * repository's .gitattributes cannot name one. The whole git process group is killed on a limit.
 */
import { lstat, readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { DevladderError } from "../../errors.js";
import { gitFailureCause, redactCredentials, spawnSafeGit } from "../git/safe-git.js";

export interface CloneLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly signal?: AbortSignal;
}

const SIZE_POLL_MS = 250;

export function cloneArgs(url: string, dest: string): string[] {
  return [
    "clone",
    // Transfer through the pack protocol even for local paths, instead of copying or
    // hard-linking the source's object files: objects are then verified by index-pack.
    "--no-local",
    "--no-recurse-submodules",
    // No template directory: nothing (hooks included) is copied into the new .git.
    "--template=",
    "--no-tags",
    "--quiet",
    "--",
    url,
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
export function cloneRepository(url: string, dest: string, limits: CloneLimits): Promise<void> {
  return new Promise((resolve, reject) => {
    const shown = redactCredentials(url);
    // Its own process group, so a kill also reaches git-remote-https, ssh and index-pack.
    const child = spawnSafeGit(dirname(dest), cloneArgs(url, dest), { detached: true });
    let stderr = "";
    let stopReason: string | null = null;
    let settled = false;

    const stop = (reason: string) => {
      if (stopReason !== null) return;
      stopReason = reason;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch (error) {
          // ESRCH: the group has already exited; the "close" event still follows.
          if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
        }
      }
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
          stop(
            `cannot measure the clone: ${error instanceof Error ? error.message : String(error)}`,
          ),
        )
        .finally(() => {
          polling = false;
        });
    }, SIZE_POLL_MS);
    const onAbort = () => stop(`clone of ${shown} was cancelled`);
    limits.signal?.addEventListener("abort", onAbort, { once: true });

    const finish = (error: DevladderError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(poller);
      limits.signal?.removeEventListener("abort", onAbort);
      if (error === null) resolve();
      else reject(error);
    };

    child.stdin?.end();
    child.stdout?.resume();
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-8192);
    });
    child.on("error", (error) =>
      finish(
        new DevladderError("repository_unavailable", `cannot run git: ${error.message}`, [], {
          cause: error,
        }),
      ),
    );
    child.on("close", (code) => {
      if (stopReason !== null) {
        finish(new DevladderError("repository_unavailable", stopReason));
      } else if (code !== 0) {
        finish(
          new DevladderError(
            "repository_unavailable",
            `cannot clone ${shown}: ${gitFailureCause(stderr)}`,
          ),
        );
      } else {
        // A small limit can be crossed between two polls; measure once more at the end.
        directoryBytes(dest).then(
          (bytes) =>
            finish(
              bytes > limits.maxBytes
                ? new DevladderError(
                    "repository_unavailable",
                    `repository ${shown} is larger than the ${mib(limits.maxBytes)} limit`,
                  )
                : null,
            ),
          (error: unknown) =>
            finish(
              new DevladderError(
                "repository_unavailable",
                `cannot measure the clone: ${error instanceof Error ? error.message : String(error)}`,
              ),
            ),
        );
      }
    });
    if (limits.signal?.aborted === true) onAbort();
  });
}
