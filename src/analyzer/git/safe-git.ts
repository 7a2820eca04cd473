/**
 * The one way the analyzer runs git. A repository under analysis is untrusted: its own
 * .git/config can name commands (core.fsmonitor, diff.<driver>.textconv, gpg.program through
 * log.showSignature, core.pager, hooks), so every call goes through here and gets:
 * - command-line overrides for every config key that read-only commands would execute
 *   (command-line `-c` beats repository config);
 * - an environment without the caller's GIT_* variables, without system or global config,
 *   with prompts and pagers off, and only the https/ssh/file transports allowed;
 * - execFile/spawn with an argument array, never a shell.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { DevladderError } from "../../errors.js";

/** `-c` overrides placed before every git subcommand. */
export const SAFE_CONFIG_ARGS: readonly string[] = [
  // A repository's config may set core.fsmonitor to a command; index reads (ls-files) run it.
  "-c",
  "core.fsmonitor=false",
  "-c",
  "core.hooksPath=/dev/null",
  "-c",
  "core.pager=cat",
  // log.showSignature=true would make `git log` run gpg.program for every commit.
  "-c",
  "log.showSignature=false",
  "-c",
  "diff.external=",
  // Our parsers read UTF-8; a repository could ask for another log encoding.
  "-c",
  "i18n.logOutputEncoding=UTF-8",
  "-c",
  "gc.auto=0",
  "-c",
  "maintenance.auto=false",
  "-c",
  "protocol.allow=never",
  "-c",
  "protocol.https.allow=always",
  "-c",
  "protocol.ssh.allow=always",
  "-c",
  "protocol.file.allow=always",
  "-c",
  "core.protectNTFS=true",
  "-c",
  "core.protectHFS=true",
];

/** The environment for every git process: the caller's, minus anything git or ssh would obey. */
export function safeGitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // GIT_DIR, GIT_CONFIG_PARAMETERS, GIT_EXTERNAL_DIFF, GIT_SSH, GIT_TEMPLATE_DIR, ... all steer
    // git; the analysis must not depend on (or be steered by) the calling shell.
    if (key.startsWith("GIT_") || key === "SSH_ASKPASS" || key === "PAGER") continue;
    env[key] = value;
  }
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    // Empty (not unset) so git neither falls back to SSH_ASKPASS nor prompts.
    GIT_ASKPASS: "",
    GIT_PAGER: "cat",
    GIT_ALLOW_PROTOCOL: "https:ssh:file",
    GIT_SSH_COMMAND: "ssh -o BatchMode=yes -o ConnectTimeout=20",
    GIT_LFS_SKIP_SMUDGE: "1",
    // Read-only analysis: never refresh or rewrite the index of the repository being read.
    GIT_OPTIONAL_LOCKS: "0",
    LC_ALL: "C",
  };
}

export interface SafeGitOptions {
  /** written to git's stdin, then stdin is closed */
  readonly input?: string;
  /** git exit codes that are not failures (e.g. 1 for `rev-parse --verify -q`) */
  readonly okExitCodes?: readonly number[];
  /** kills git when aborted; the call then rejects */
  readonly signal?: AbortSignal | undefined;
  /**
   * git writes its output to a temporary file, read back and handed to `onData` while git writes
   * it. Through a pipe, git stops whenever the pipe (64 KiB) is full and this process is busy
   * scanning files; spooled, git never waits for this process, which catches up when it is idle.
   */
  readonly spool?: boolean;
  /**
   * Ends the call early without failing: git is stopped, output not yet handed over is dropped
   * and the call resolves (exit code -1 when git was still running). For reads that can tell
   * they have seen enough.
   */
  readonly until?: AbortSignal;
}

export interface GitExit {
  readonly exitCode: number;
  /** the tail of git's stderr (the last 8 KiB) */
  readonly stderr: string;
}

export interface GitResult extends GitExit {
  readonly stdout: string;
}

export function spawnSafeGit(
  cwd: string,
  args: readonly string[],
  extra: { detached?: boolean; signal?: AbortSignal; stdout?: number } = {},
): ChildProcess {
  return spawn("git", ["--no-pager", ...SAFE_CONFIG_ARGS, ...args], {
    cwd,
    env: safeGitEnv(),
    stdio: ["pipe", extra.stdout ?? "pipe", "pipe"],
    shell: false,
    windowsHide: true,
    ...(extra.detached !== undefined && { detached: extra.detached }),
    ...(extra.signal !== undefined && { signal: extra.signal }),
  });
}

/**
 * Collects the tail of a git process's stderr (the last 8 KiB: git can be chatty, and only the
 * last lines explain a failure); the returned function reads it.
 */
export function keepStderrTail(child: ChildProcess): () => string {
  let tail = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    tail = (tail + chunk.toString("utf8")).slice(-8192);
  });
  return () => tail;
}

/** The error for a git that could not be started at all. */
export function cannotRunGit(error: Error): DevladderError {
  return new DevladderError("repository_unavailable", `cannot run git: ${error.message}`, [], {
    cause: error,
  });
}

/**
 * The most telling line of git's stderr: the last `fatal:`/`error:` line (else the last line),
 * preceded by ssh's own complaint when there is one ("Connection refused" says more than git's
 * "Could not read from remote repository").
 */
export function gitFailureCause(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const fatal = [...lines].reverse().find((l) => /^(fatal|error):/.test(l));
  let cause = (fatal ?? lines.at(-1) ?? "git failed without a message").replace(
    /^(fatal|error):\s*/,
    "",
  );
  const ssh = lines.find((l) => l.startsWith("ssh:"));
  if (ssh !== undefined) cause = `${ssh} (${cause})`;
  return redactCredentials(cause);
}

/**
 * Masks credentials in URLs so tokens never reach output: user:password@ everywhere, and any
 * user@ in http(s) URLs, where a token is often passed as the user name.
 */
export function redactCredentials(text: string): string {
  return text.replace(
    /\b([a-z][a-z0-9+.-]*):\/\/([^/@\s]+)@/gi,
    (whole, scheme: string, user: string) =>
      user.includes(":") || /^https?$/i.test(scheme) ? `${scheme}://***@` : whole,
  );
}

/**
 * Streams git's stdout to `onData` as decoded UTF-8 text (chunk boundaries are arbitrary).
 * Resolves with the exit code when it is 0 or listed in okExitCodes; rejects otherwise with a
 * repository_unavailable error carrying git's own one-line cause.
 */
export async function streamSafeGit(
  cwd: string,
  args: readonly string[],
  onData: (text: string) => void,
  options: SafeGitOptions = {},
): Promise<GitExit> {
  if (options.spool !== true) return runSafeGit(cwd, args, options, { onData });
  const dir = await mkdtemp(join(tmpdir(), "devladder-git-"));
  try {
    const path = join(dir, "stdout");
    const fd = openSync(path, "w");
    let exit: Promise<GitExit>;
    try {
      exit = runSafeGit(cwd, args, options, { fd });
    } finally {
      // git holds its own copy of the descriptor.
      closeSync(fd);
    }
    // No await before followFile: it handles `exit`'s rejection (an abort) from its first line.
    await followFile(path, exit, onData, options.until);
    return await exit;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Hands `path` to `onData` as it grows, until `exit` settles and the file is read to its end
 * (or `until` is aborted). Polls: a file has no "data written" event that works everywhere.
 */
async function followFile(
  path: string,
  exit: Promise<unknown>,
  onData: (text: string) => void,
  until: AbortSignal | undefined,
): Promise<void> {
  let exited = false;
  let wake: (() => void) | undefined;
  const settled = () => {
    exited = true;
    wake?.();
  };
  exit.then(settled, settled);
  const reader = await open(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(SPOOL_READ_BYTES);
    const decoder = new StringDecoder("utf8");
    while (until?.aborted !== true) {
      // Seen before the read: an exit after a short read means one more read, never a lost tail.
      const wasExited = exited;
      const { bytesRead } = await reader.read(buffer, 0, buffer.length, null);
      if (bytesRead > 0) {
        onData(decoder.write(buffer.subarray(0, bytesRead)));
        continue;
      }
      if (wasExited) {
        const rest = decoder.end();
        if (rest !== "") onData(rest);
        return;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, SPOOL_POLL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  } finally {
    await reader.close();
  }
}

const SPOOL_READ_BYTES = 1024 * 1024;
const SPOOL_POLL_MS = 10;

/** One git process; stdout goes to `onData` through a pipe, or straight into the file `fd`. */
function runSafeGit(
  cwd: string,
  args: readonly string[],
  options: SafeGitOptions,
  sink: { readonly onData: (text: string) => void } | { readonly fd: number },
): Promise<GitExit> {
  return new Promise((resolve, reject) => {
    const child = spawnSafeGit(cwd, args, {
      ...(options.signal !== undefined && { signal: options.signal }),
      ...("fd" in sink && { stdout: sink.fd }),
    });
    const decoder = new StringDecoder("utf8");
    const onData = "onData" in sink ? sink.onData : () => undefined;
    const stderrTail = keepStderrTail(child);
    child.stdout?.on("data", (chunk: Buffer) => onData(decoder.write(chunk)));
    child.on("error", (error) => reject(cannotRunGit(error)));
    const stop = () => child.kill();
    options.until?.addEventListener("abort", stop, { once: true });
    if (options.until?.aborted === true) stop();
    child.on("close", (code, signal) => {
      options.until?.removeEventListener("abort", stop);
      const rest = decoder.end();
      if (rest !== "") onData(rest);
      const exitCode = code ?? -1;
      if (exitCode === 0 || options.okExitCodes?.includes(exitCode) || options.until?.aborted) {
        resolve({ exitCode, stderr: stderrTail() });
        return;
      }
      const cause = signal !== null ? `git was stopped (${signal})` : gitFailureCause(stderrTail());
      reject(new DevladderError("repository_unavailable", `git ${args[0] ?? ""} failed: ${cause}`));
    });
    // A git that exits before reading all of stdin makes the write fail with EPIPE; the exit
    // code (handled in "close") is then the error that matters, so only that one is reported.
    child.stdin?.on("error", () => undefined);
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

/** Runs git to completion and returns its whole stdout. For small outputs; stream big ones. */
export async function safeGit(
  cwd: string,
  args: readonly string[],
  options: SafeGitOptions = {},
): Promise<GitResult> {
  const parts: string[] = [];
  const exit = await streamSafeGit(cwd, args, (text) => parts.push(text), options);
  return { ...exit, stdout: parts.join("") };
}
