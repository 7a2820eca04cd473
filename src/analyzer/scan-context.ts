/**
 * What every detector reads: the repository's text files, classified once, read once.
 * Detectors never touch the filesystem themselves.
 */
import type { Endpoint, Evidence, FrameworkFinding, Signals } from "./report.js";

/**
 * app: application code and config; test: test code and fixtures; example: examples/, docs/,
 * samples/ (scanned but kept apart: a library's examples do not make it a service).
 */
export type FileRole = "app" | "test" | "example";

export interface SourceFile {
  /** repository-relative POSIX path */
  readonly path: string;
  /** lower-case base name, e.g. "package.json" */
  readonly name: string;
  /** lower-case extension without the dot, "" when none */
  readonly ext: string;
  readonly role: FileRole;
  readonly size: number;
  /** the decoded text (files are read once, binaries and large files are never here) */
  readonly text: string;
}

export interface ScanContext {
  readonly root: string;
  readonly files: readonly SourceFile[];
  /** lookup by repository-relative path */
  readonly byPath: ReadonlyMap<string, SourceFile>;
}

export function scanContext(root: string, files: readonly SourceFile[]): ScanContext {
  return { root, files, byPath: new Map(files.map((file) => [file.path, file])) };
}

/** What a detector may contribute; the analyzer merges the parts of all detectors. */
export interface Findings {
  readonly frameworks?: readonly FrameworkFinding[];
  readonly endpoints?: readonly Endpoint[];
  readonly signals?: Partial<Signals>;
  /**
   * Named routes: the name a framework gives a route (Django's `name=` under its namespaces, a
   * DRF router's `post-detail`) → the route's full path, for tests that call routes by name.
   */
  readonly routeNames?: ReadonlyMap<string, string>;
}

/**
 * One detector module per area, all of this shape. A detector sees only the files, never
 * another detector's findings: none needed them, and independent detectors can be tested,
 * reordered or left out one at a time.
 */
export interface Detector {
  readonly id: string;
  detect(ctx: ScanContext): Findings;
}

/** A detector that answers asynchronously, so it can load a heavy parser only when needed. */
export interface AsyncDetector {
  readonly id: string;
  detect(ctx: ScanContext): Promise<Findings>;
}

/** 1-based line number of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/**
 * Where each line of a file starts, built on the second line lookup in that file: one lookup is
 * cheaper as a scan, but detectors that report many places in one file (routes, test calls,
 * manifest entries) would otherwise rescan it from the top for each.
 */
const lineStarts = new WeakMap<SourceFile, Int32Array | null>();

/** 1-based line number of a character offset in `file.text`; the same as lineAt. */
export function lineInFile(file: SourceFile, offset: number): number {
  const starts = lineStarts.get(file);
  if (starts === undefined) {
    lineStarts.set(file, null);
    return lineAt(file.text, offset);
  }
  const index = starts ?? buildLineStarts(file);
  // the last line start at or before offset (a newline belongs to the line it ends)
  let lo = 0;
  let hi = index.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((index[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function buildLineStarts(file: SourceFile): Int32Array {
  const { text } = file;
  let count = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  const starts = new Int32Array(count);
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts[line++] = i + 1;
  lineStarts.set(file, starts);
  return starts;
}

export function evidence(file: SourceFile, offset: number, note?: string): Evidence {
  return note === undefined
    ? { file: file.path, line: lineInFile(file, offset) }
    : { file: file.path, line: lineInFile(file, offset), note };
}
