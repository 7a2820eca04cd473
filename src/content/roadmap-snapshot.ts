/**
 * `npm run build` validates the content once and writes it next to the compiled loader
 * (write-roadmap-snapshot.ts). Parsing YAML, and loading the YAML and schema libraries, costs a
 * CLI start far more than most commands themselves, so the default content is read from that
 * snapshot while its version matches the files. This module needs neither library.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Roadmap } from "./content.schema.js";
import { CONTENT_FILE_NAMES, defaultContentDir, skillFileNames } from "./content-files.js";

export const SNAPSHOT_URL = new URL("./roadmap.snapshot.json", import.meta.url);

/** The snapshot when it was made from exactly the files now in `dir`, else undefined. */
export function readSnapshot(dir: string, snapshotUrl: URL = SNAPSHOT_URL): Roadmap | undefined {
  if (!existsSync(snapshotUrl)) return undefined;
  const texts = new Map<string, string>();
  for (const name of [...CONTENT_FILE_NAMES, ...skillFileNames(dir)]) {
    const path = join(dir, name);
    if (!existsSync(path)) return undefined;
    texts.set(name, readFileSync(path, "utf8"));
  }
  const snapshot = JSON.parse(readFileSync(snapshotUrl, "utf8")) as Roadmap;
  return snapshot.version === contentVersion(texts) ? deepFreeze(snapshot) : undefined;
}

/**
 * The roadmap for a command: the snapshot of the bundled content when it is current, otherwise
 * the content in `dir` parsed and validated (the parser is loaded only then).
 */
export async function loadRoadmapForCommand(dir: string = defaultContentDir()): Promise<Roadmap> {
  const snapshot = dir === defaultContentDir() ? readSnapshot(dir) : undefined;
  return snapshot ?? (await import("./content-loader.js")).parseRoadmap(dir);
}

/** A short hash of every content file's name and bytes: changes whenever the content does. */
export function contentVersion(texts: ReadonlyMap<string, string>): string {
  const hash = createHash("sha256");
  for (const name of [...texts.keys()].sort()) {
    hash
      .update(name)
      .update("\0")
      .update(texts.get(name) ?? "")
      .update("\0");
  }
  return hash.digest("hex").slice(0, 12);
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
