/**
 * Apps of a NestJS monorepo (Nest's "monorepo mode"): `nest-cli.json` lists its projects, each
 * with a `root` folder and a `type` of application or library, and the apps share the
 * workspace's one package.json. Each application is built and started on its own
 * (`nest start gateway`), so it is a service of its own.
 */
import { joinRepoPath, parentDir } from "./repo-path.js";
import type { ScanContext } from "./scan-context.js";

interface NestCliProject {
  readonly type?: unknown;
  readonly root?: unknown;
}

/** Folders of the applications a nest-cli.json declares ("" for the root). */
export function nestCliAppDirs(ctx: ScanContext): Set<string> {
  const dirs = new Set<string>();
  for (const file of ctx.files) {
    if (file.role !== "app" || file.name !== "nest-cli.json") continue;
    if (!file.text.includes('"projects"')) continue;
    let projects: unknown;
    try {
      projects = (JSON.parse(file.text) as { projects?: unknown }).projects;
    } catch {
      continue; // not plain JSON: read nothing rather than guess
    }
    if (typeof projects !== "object" || projects === null) continue;
    const base = parentDir(file.path);
    for (const project of Object.values(projects as Record<string, NestCliProject>)) {
      const dir =
        project.type === "application" && typeof project.root === "string"
          ? joinRepoPath(base, project.root)
          : null;
      if (dir !== null) dirs.add(dir);
    }
  }
  return dirs;
}
