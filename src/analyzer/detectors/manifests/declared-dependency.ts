/**
 * A dependency named in a manifest, with where it is named. Shared by the stack detectors so that
 * "declared" evidence always points at the manifest line a reader can check.
 */
import type { SourceFile } from "../../scan-context.js";

/** prod: needed at run time; dev: tooling and tests only (devDependencies, dev groups). */
export type DependencyScope = "prod" | "dev";

export interface DeclaredDependency {
  /** normalised name: npm names as written; Python names lower-case with "_" and "." as "-" */
  readonly name: string;
  readonly scope: DependencyScope;
  readonly file: SourceFile;
  /** 1-based line of the declaration */
  readonly line: number;
}

/** PEP 503 normalisation, so "Flask", "flask" and "Django_REST_framework" compare equal. */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}
