/**
 * Projects of an Nx workspace. An integrated Nx repository keeps one package.json at its root;
 * each app or library is a folder with a `project.json` instead, whose `projectType` says which.
 * A back-end app is one Nx runs as a Node process: its serve target uses the Node executor
 * (`@nx/js:node`, and the older `@nrwl/js:node`, `@nrwl/node:node`, `@nrwl/node:execute`).
 * Angular, React and Next apps and e2e projects use other executors.
 */
import { parentDir } from "./repo-path.js";
import type { ScanContext, SourceFile } from "./scan-context.js";

const NX_NODE_EXECUTOR = /"executor"\s*:\s*"@(?:nx|nrwl)\/(?:js|node):(?:node|execute)"/;
const NX_APPLICATION = /"projectType"\s*:\s*"application"/;

/** An Nx application's project.json (an app, not a library). */
export function isNxApplication(file: SourceFile): boolean {
  return file.name === "project.json" && NX_APPLICATION.test(file.text);
}

/** Folders of the Nx projects that run as a Node server ("" for the root). */
export function nxNodeAppDirs(ctx: ScanContext): Set<string> {
  const dirs = new Set<string>();
  for (const file of ctx.files) {
    if (file.role !== "app" || file.name !== "project.json") continue;
    if (!file.text.includes(":node") && !file.text.includes(":execute")) continue;
    if (!isNxApplication(file) || !NX_NODE_EXECUTOR.test(file.text)) continue;
    dirs.add(parentDir(file.path));
  }
  return dirs;
}
