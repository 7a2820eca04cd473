/**
 * Node applications of an Nx workspace. An integrated Nx repository keeps one package.json at
 * its root; each app is a folder with a `project.json` instead. A back-end app is one Nx runs
 * as a Node process: its serve target uses the Node executor (`@nx/js:node`, and the older
 * `@nrwl/js:node`, `@nrwl/node:node`, `@nrwl/node:execute`). Angular, React and Next apps and
 * e2e projects use other executors, and libraries are never served.
 */
import type { ScanContext } from "../../scan-context.js";

const NX_NODE_EXECUTOR = /"executor"\s*:\s*"@(?:nx|nrwl)\/(?:js|node):(?:node|execute)"/;
const NX_APPLICATION = /"projectType"\s*:\s*"application"/;

/** Folders of the Nx projects that run as a Node server ("" for the root). */
export function nxNodeAppDirs(ctx: ScanContext): Set<string> {
  const dirs = new Set<string>();
  for (const file of ctx.files) {
    if (file.role !== "app" || file.name !== "project.json") continue;
    if (!file.text.includes(":node") && !file.text.includes(":execute")) continue;
    if (!NX_APPLICATION.test(file.text) || !NX_NODE_EXECUTOR.test(file.text)) continue;
    const i = file.path.lastIndexOf("/");
    dirs.add(i === -1 ? "" : file.path.slice(0, i));
  }
  return dirs;
}
