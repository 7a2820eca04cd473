/**
 * The file inventory: which files of a repository are analysed, read once and decoded.
 *
 * - In a git work tree the files are `git ls-files` (the committed work, .gitignore respected;
 *   tracked files deleted from disk are left out). In a plain folder, a walk that never enters
 *   VCS folders or dependency installs (WALK_SKIP_DIRS) and does not read .gitattributes.
 * - Left out and counted: vendored and generated files (by path, by `.gitattributes`
 *   linguist-vendored / linguist-generated as git reads them, and by a "generated, do not edit"
 *   header), files over 1 MiB (judged by size, never read) and binaries (a NUL byte in the first
 *   8 KiB, judged on bytes before decoding).
 * - Symlinks are never followed: a symlink, or a file under a symlinked folder, is counted in
 *   `symlinks` and not read; files are opened with O_NOFOLLOW and must be regular files.
 *
 * Files are read synchronously in batches, yielding to the event loop between batches: on a
 * warm cache this is faster than the thread-pool round trips of fs.promises (see the timings in
 * the README), and the yields keep git child processes' output flowing meanwhile.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
} from "node:fs";
import { join } from "node:path";
import { DevladderError } from "../../errors.js";
import { safeGit } from "../git/safe-git.js";
import type { SourceFile } from "../scan-context.js";
import { fileRole } from "./file-role.js";
import { TextChunks, type ChunkedText } from "./text-chunks.js";
import {
  hasGeneratedHeader,
  looksMinified,
  pathVerdict,
  WALK_SKIP_DIRS,
  type PathVerdict,
} from "./path-rules.js";

export interface SkippedCounts {
  vendored: number;
  generated: number;
  binary: number;
  large: number;
}

export interface Inventory {
  readonly root: string;
  readonly files: SourceFile[];
  /** total bytes of the files in `files` */
  readonly bytes: number;
  readonly skipped: Readonly<SkippedCounts>;
  /** symlinks (and files reached only through one) left unread; not part of the report contract */
  readonly symlinks: number;
  /** HEAD commit sha; null for a plain folder or a repository without commits */
  readonly commit: string | null;
  readonly hasCommits: boolean;
}

export const MAX_FILE_BYTES = 1024 * 1024;
const BINARY_PROBE_BYTES = 8192;
const BATCH = 256;
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

export async function buildInventory(
  root: string,
  isGit: boolean,
  signal?: AbortSignal,
): Promise<Inventory> {
  let paths: string[] | null = null;
  let commit: string | null = null;
  let attrs: ReadonlyMap<string, PathVerdict> = new Map();
  if (isGit) {
    const [listed, head] = await Promise.all([
      // Paths come out relative to root, also when root is a folder inside the work tree.
      safeGit(root, ["ls-files", "-z", "--cached"], { signal }),
      safeGit(root, ["rev-parse", "--verify", "-q", "HEAD^{commit}"], {
        okExitCodes: [1],
        signal,
      }),
    ]);
    commit = head.exitCode === 0 ? head.stdout.trim() : null;
    paths = listed.stdout.split("\0").filter((p) => p !== "");
    if (paths.length > 0) {
      if (paths.some((p) => p === ".gitattributes" || p.endsWith("/.gitattributes"))) {
        attrs = await linguistAttributes(root, paths, signal);
      }
    } else {
      // Nothing tracked here (a new repository, or a plain folder nested in someone's repo):
      // the folder's files are still what the user asked about.
      paths = null;
    }
  }
  try {
    const inventory = await readFiles(root, paths ?? walk(root), attrs, signal);
    return { ...inventory, commit, hasCommits: commit !== null };
  } catch (error) {
    throw asReadError(root, error);
  }
}

/** An unreadable file or folder becomes a one-line repository_unavailable error. */
function asReadError(root: string, error: unknown): unknown {
  const e = error as NodeJS.ErrnoException;
  if (typeof e.code !== "string" || typeof e.path !== "string") return error;
  const where = e.path.startsWith(root + "/") ? e.path.slice(root.length + 1) : e.path;
  const why = e.code === "EACCES" || e.code === "EPERM" ? "permission denied" : e.code;
  return new DevladderError("repository_unavailable", `cannot read ${where}: ${why}`, [], {
    cause: error,
  });
}

/**
 * linguist-vendored / linguist-generated per path, as git itself resolves .gitattributes
 * (nested files, negations, macros): one `git check-attr` process for all paths.
 * A path maps to the verdict the attributes force, or null when they clear it (`-linguist-…`
 * or `=false`), overriding the path rules either way.
 */
async function linguistAttributes(
  root: string,
  paths: readonly string[],
  signal: AbortSignal | undefined,
): Promise<Map<string, PathVerdict>> {
  const out = await safeGit(
    root,
    ["check-attr", "-z", "--stdin", "linguist-vendored", "linguist-generated"],
    { input: paths.join("\0") + "\0", signal },
  );
  const fields = out.stdout.split("\0");
  const vendored = new Map<string, boolean>();
  const generated = new Map<string, boolean>();
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const path = fields[i] ?? "";
    const value = fields[i + 2];
    const flag =
      value === "set" || value === "true"
        ? true
        : value === "unset" || value === "false"
          ? false
          : null;
    if (flag === null) continue;
    (fields[i + 1] === "linguist-vendored" ? vendored : generated).set(path, flag);
  }
  const verdicts = new Map<string, PathVerdict>();
  for (const path of new Set([...vendored.keys(), ...generated.keys()])) {
    const v = vendored.get(path);
    const g = generated.get(path);
    if (v === true) verdicts.set(path, "vendored");
    else if (g === true) verdicts.set(path, "generated");
    else if (v === false || g === false) verdicts.set(path, explicitClear(path, v, g));
  }
  return verdicts;
}

/** What is left of the path rules when attributes clear one kind (`-linguist-vendored`). */
function explicitClear(path: string, v: boolean | undefined, g: boolean | undefined): PathVerdict {
  const byPath = pathVerdict(path);
  if (byPath === "vendored" && v === false) return null;
  if (byPath === "generated" && g === false) return null;
  return byPath;
}

/** Every regular file and symlink under root, as relative POSIX paths, never entering a symlink. */
function* walk(root: string, rel = ""): Generator<string> {
  const entries = readdirSync(rel === "" ? root : join(root, rel), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = rel === "" ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!WALK_SKIP_DIRS.has(entry.name)) yield* walk(root, path);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      yield path;
    }
  }
}

interface ReadResult {
  readonly root: string;
  readonly files: SourceFile[];
  readonly bytes: number;
  readonly skipped: SkippedCounts;
  readonly symlinks: number;
}

async function readFiles(
  root: string,
  paths: Iterable<string>,
  attrs: ReadonlyMap<string, PathVerdict>,
  signal: AbortSignal | undefined,
): Promise<ReadResult> {
  const skipped: SkippedCounts = { vendored: 0, generated: 0, binary: 0, large: 0 };
  let symlinks = 0;
  const dirIsReal = new Map<string, boolean>();
  const chunks = new TextChunks(MAX_FILE_BYTES);
  const read: { path: string; size: number; text: ChunkedText | string }[] = [];
  let sinceYield = 0;

  for (const path of paths) {
    if (++sinceYield === BATCH) {
      sinceYield = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
    }
    // git never lists such paths, but a tampered index could; they would leave the root.
    if (path.startsWith("/") || path.split("/").includes("..")) continue;
    const verdict = attrs.has(path) ? (attrs.get(path) ?? null) : pathVerdict(path);
    if (verdict !== null) {
      skipped[verdict]++;
      continue;
    }
    if (!parentsAreReal(root, path, dirIsReal)) {
      symlinks++;
      continue;
    }
    const file = readRegularFile(join(root, path), chunks);
    switch (file.kind) {
      case "symlink":
        symlinks++;
        continue;
      case "missing":
        continue;
      case "large":
        skipped.large++;
        continue;
      case "ok":
        break;
    }
    const bytes = file.bytes;
    const probe = bytes.length > BINARY_PROBE_BYTES ? bytes.subarray(0, BINARY_PROBE_BYTES) : bytes;
    if (probe.includes(0)) {
      skipped.binary++;
      continue;
    }
    read.push({ path, size: bytes.length, text: chunks.take(bytes) });
  }
  chunks.finish();

  const files: SourceFile[] = [];
  let bytes = 0;
  for (const { path, size, text: chunked } of read) {
    const text = chunks.textOf(chunked);
    if (hasGeneratedHeader(text) || looksMinified(text)) {
      skipped.generated++;
      continue;
    }
    const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
    const dot = name.lastIndexOf(".");
    files.push({
      path,
      name,
      ext: dot > 0 ? name.slice(dot + 1) : "",
      role: fileRole(path),
      size,
      text,
    });
    bytes += size;
  }
  return { root, files, bytes, skipped, symlinks };
}

/** True when no folder on the way from root to path is a symlink (checked once per folder). */
function parentsAreReal(root: string, path: string, cache: Map<string, boolean>): boolean {
  let end = path.indexOf("/");
  while (end !== -1) {
    const dir = path.slice(0, end);
    let real = cache.get(dir);
    if (real === undefined) {
      try {
        real = lstatSync(join(root, dir)).isDirectory();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        real = false;
      }
      cache.set(dir, real);
    }
    if (!real) return false;
    end = path.indexOf("/", end + 1);
  }
  return true;
}

type FileRead =
  | { readonly kind: "ok"; readonly bytes: Buffer }
  | { readonly kind: "symlink" | "missing" | "large" };

/** Reads a regular file into room reserved in `chunks`; the bytes are valid until the next read. */
function readRegularFile(full: string, chunks: TextChunks): FileRead {
  let fd: number;
  try {
    fd = openSync(full, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ELOOP: O_NOFOLLOW met a symlink. ENOENT: tracked but deleted from the work tree.
    if (code === "ELOOP") return { kind: "symlink" };
    if (code === "ENOENT" || code === "ENOTDIR") return { kind: "missing" };
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    // Sockets, FIFOs, devices, and submodule folders listed by ls-files are not files to read.
    if (!stat.isFile()) return { kind: "missing" };
    if (stat.size > MAX_FILE_BYTES) return { kind: "large" };
    const room = chunks.reserve(stat.size);
    let filled = 0;
    while (filled < stat.size) {
      const n = readSync(fd, room, filled, stat.size - filled, null);
      if (n === 0) break;
      filled += n;
    }
    return { kind: "ok", bytes: filled === stat.size ? room : room.subarray(0, filled) };
  } finally {
    closeSync(fd);
  }
}
