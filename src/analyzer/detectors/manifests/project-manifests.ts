/**
 * The files that make a folder a project of its own: a build or dependency manifest of a
 * server-side ecosystem, or an MSBuild project. package.json is apart, as it may describe a
 * web client as well as a server; callers decide what it means to them.
 */
import type { SourceFile } from "../../scan-context.js";

const SERVER_MANIFEST_NAMES = new Set([
  "pom.xml",
  "build.gradle",
  "build.gradle.kts",
  "go.mod",
  "requirements.txt",
  "pyproject.toml",
  "pipfile",
  "gemfile",
  "composer.json",
  "cargo.toml",
  "mix.exs",
]);

/** A manifest of a server-side ecosystem (file names are lower-cased in the inventory). */
export function isServerManifest(file: Pick<SourceFile, "name" | "ext">): boolean {
  return SERVER_MANIFEST_NAMES.has(file.name) || file.ext === "csproj" || file.ext === "fsproj";
}
