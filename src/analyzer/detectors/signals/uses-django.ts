/**
 * Whether the application is a Django project: it declares Django in a Python manifest, or, for
 * a project that lists no dependencies, its code imports Django. Decides what calls named like
 * Django's (`user.set_password(…)`, `check_password(…)`) mean: in a Flask or FastAPI app they are
 * the project's own model methods, which hash only if their bodies do.
 */
import type { ScanContext } from "../../scan-context.js";
import { dependencyEvidence } from "../manifests/dependency-index.js";

const DJANGO_IMPORT = /^[ \t]*(?:from|import)[ \t]+django\b/m;

export function usesDjango(ctx: ScanContext): boolean {
  if (dependencyEvidence(ctx, ["pypi:django"]).length > 0) return true;
  return ctx.files.some(
    (f) =>
      f.role === "app" && f.ext === "py" && f.text.includes("django") && DJANGO_IMPORT.test(f.text),
  );
}
