/**
 * Which service of a repository a file belongs to: the nearest folder above it that holds a
 * project manifest. Two services of one repository can both serve `GET /` or `GET /health`;
 * keyed by service, those stay two endpoints. One app cannot declare the same route twice, so
 * within a service an equal method and path is one endpoint. An Nx workspace's apps hold a
 * `project.json` of type application instead of a package.json of their own, and a NestJS
 * monorepo lists its apps' folders in nest-cli.json.
 */
import { nearestDir, parentDir } from "./repo-path.js";
import { isServerManifest } from "./detectors/manifests/project-manifests.js";
import { nestCliAppDirs } from "./nest-cli-projects.js";
import { isNxApplication } from "./nx-projects.js";
import type { ScanContext } from "./scan-context.js";

/** Maps a repository-relative file path to the folder of its service ("" for the root). */
export function serviceRoots(ctx: ScanContext): (file: string) => string {
  const manifestDirs = nestCliAppDirs(ctx);
  for (const file of ctx.files) {
    if (
      file.role === "app" &&
      (file.name === "package.json" || isServerManifest(file) || isNxApplication(file))
    )
      manifestDirs.add(parentDir(file.path));
  }
  return (file) => nearestDir(parentDir(file), manifestDirs) ?? "";
}
