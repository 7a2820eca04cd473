/** Paths inside a repository: relative, POSIX, without `.` or `..` parts ("" is the root). */

/**
 * `relative` resolved against the folder `dir` (`src/routes` + `../db/index.js` →
 * `src/db/index.js`), or null when it leaves the repository: nothing outside it is read, and a
 * path clamped at the root would name some other file.
 */
export function joinRepoPath(dir: string, relative: string): string | null {
  const out: string[] = [];
  for (const part of `${dir}/${relative}`.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join("/");
}

/** The folder a repository path is in ("" for a file at the root). */
export function parentDir(path: string): string {
  const i = path.lastIndexOf("/");
  return i === -1 ? "" : path.slice(0, i);
}

/** The nearest of `dirs` that is `dir` itself or a folder above it; undefined when none is. */
export function nearestDir(dir: string, dirs: ReadonlySet<string>): string | undefined {
  for (let d = dir; ; d = parentDir(d)) {
    if (dirs.has(d)) return d;
    if (d === "") return undefined;
  }
}
