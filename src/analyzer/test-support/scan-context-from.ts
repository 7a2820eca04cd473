/** Builds a ScanContext from an in-memory file map, for detector unit tests that need no disk. */
import { fileRole } from "../inventory/file-role.js";
import { scanContext, type ScanContext, type SourceFile } from "../scan-context.js";
import type { FileMap } from "./make-repo.js";

export function sourceFile(path: string, text: string): SourceFile {
  const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  const dot = name.lastIndexOf(".");
  return {
    path,
    name,
    ext: dot > 0 ? name.slice(dot + 1) : "",
    role: fileRole(path),
    size: Buffer.byteLength(text),
    text,
  };
}

export function scanContextFrom(files: FileMap, root = "/virtual"): ScanContext {
  return scanContext(
    root,
    Object.entries(files).map(([path, text]) => sourceFile(path, text)),
  );
}
