/**
 * Python web frameworks: declared in a manifest (pyproject, requirements, Pipfile, setup.py) and
 * used when application code imports them. As for Node, a framework that is only a development
 * dependency and never imported by application code is left out, and so is the framework a
 * repository publishes itself.
 */
import type { Evidence, FrameworkFinding } from "../../report.js";
import { lineInFile } from "../../scan-context.js";
import type { ScanContext } from "../../scan-context.js";
import type { DeclaredDependency } from "../manifests/declared-dependency.js";

interface PyFrameworkRule {
  readonly id: string;
  /** normalised distribution names */
  readonly packages: readonly string[];
  /** top-level import package */
  readonly module: string;
}

const RULES: readonly PyFrameworkRule[] = [
  { id: "django", packages: ["django"], module: "django" },
  { id: "djangorestframework", packages: ["djangorestframework"], module: "rest_framework" },
  { id: "django-ninja", packages: ["django-ninja"], module: "ninja" },
  { id: "flask", packages: ["flask"], module: "flask" },
  // Flask's REST extension whose own validation (webargs) answers an invalid body with 422
  { id: "flask-smorest", packages: ["flask-smorest"], module: "flask_smorest" },
  { id: "fastapi", packages: ["fastapi"], module: "fastapi" },
];

const IMPORT_RE =
  /^[ \t]*(?:from|import)[ \t]+(django|rest_framework|ninja|flask_smorest|flask|fastapi)\b/gm;
const MAX_EVIDENCE = 5;

export function pythonFrameworks(
  ctx: ScanContext,
  deps: readonly DeclaredDependency[],
  ownNames: ReadonlySet<string> = new Set(),
): FrameworkFinding[] {
  const used = new Map<string, Evidence[]>();
  for (const file of ctx.files) {
    if (file.role !== "app" || file.ext !== "py") continue;
    if (!file.text.includes("import")) continue;
    const seen = new Set<string>();
    for (const m of file.text.matchAll(IMPORT_RE)) {
      const module = m[1] ?? "";
      if (seen.has(module)) continue;
      seen.add(module);
      const list = used.get(module) ?? [];
      if (list.length < MAX_EVIDENCE) {
        list.push({ file: file.path, line: lineInFile(file, m.index), note: "imported" });
      }
      used.set(module, list);
    }
  }
  const out: FrameworkFinding[] = [];
  for (const rule of RULES) {
    // The framework's own repository is not an application built with it.
    if (rule.packages.some((p) => ownNames.has(p))) continue;
    const uses = used.get(rule.module) ?? [];
    const declared = deps.filter((d) => rule.packages.includes(d.name));
    const devOnly = declared.every((d) => d.scope === "dev");
    if (uses.length === 0 && (declared.length === 0 || devOnly)) continue;
    const confidence =
      declared.length > 0 && uses.length > 0
        ? "declared+used"
        : uses.length > 0
          ? "used"
          : "declared";
    out.push({
      id: rule.id,
      category: "backend",
      confidence,
      evidence: [
        ...declared.slice(0, MAX_EVIDENCE).map((d) => ({
          file: d.file.path,
          line: d.line,
          note: `declares ${d.name}`,
        })),
        ...uses,
      ],
    });
  }
  return out;
}
