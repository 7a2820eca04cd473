/**
 * The commit a repository argument points at, found without cloning: `git ls-remote` for a
 * remote, `git rev-parse HEAD` for a local repository. The service uses it to reuse the stored
 * report of an unchanged commit. Null when there is no single commit to name: a folder without
 * git, or a work tree with uncommitted changes (its files are not what HEAD says).
 */
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { safeGit } from "../git/safe-git.js";
import { classifySourceInput } from "./source-input.js";

export interface ResolveCommitOptions {
  /** default 20 s: a remote that does not answer quickly is left to the analysis itself */
  readonly timeoutMs?: number;
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** Rejects with invalid_input for a bad argument and repository_unavailable when git fails. */
export async function resolveCommit(
  input: string,
  options: ResolveCommitOptions = {},
): Promise<string | null> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? 20_000);
  const source = classifySourceInput(input);
  if (source.kind === "remote") {
    // "--" ends the options: the URL has been checked, and this keeps it from being read as one
    const result = await safeGit(tmpdir(), ["ls-remote", "--", source.url, "HEAD"], { signal });
    const sha = result.stdout.split("\t")[0]?.trim() ?? "";
    return SHA.test(sha) ? sha : null;
  }
  const dir = resolve(source.path);
  const head = await safeGit(dir, ["rev-parse", "--verify", "-q", "HEAD^{commit}"], {
    okExitCodes: [1, 128],
    signal,
  });
  const sha = head.stdout.trim();
  if (head.exitCode !== 0 || !SHA.test(sha)) return null;
  const bare = await safeGit(dir, ["rev-parse", "--is-bare-repository"], { signal });
  if (bare.stdout.trim() === "true") return sha;
  const status = await safeGit(dir, ["status", "--porcelain", "--untracked-files=no"], { signal });
  return status.stdout.trim() === "" ? sha : null;
}
