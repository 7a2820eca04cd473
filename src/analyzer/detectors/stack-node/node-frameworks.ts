/**
 * Node.js frameworks: declared in a package.json of the application, and used when application
 * source imports them. Decisions:
 * - NestJS is reported from @nestjs/core or @nestjs/common. Express under Nest is Nest's HTTP
 *   engine (@nestjs/platform-express), so express is reported only when declared directly or
 *   imported by a file that is not part of the Nest code (Nest files often import Express types).
 * - Next.js keeps the category "frontend": most Next.js packages are web clients, and the server
 *   packages listed here decide which packages front-end-files.ts takes for servers. Its route
 *   handlers and API routes are read as endpoints all the same (next-routes.ts).
 * - A framework only in devDependencies and never imported by application code is left out: it
 *   serves tests or tooling (e.g. a library testing itself against express), not the application.
 * - A repository whose package is the framework itself (express's own repository) does not
 *   report that framework.
 */
import type { Evidence, FrameworkCategory, FrameworkFinding } from "../../report.js";
import { lineInFile } from "../../scan-context.js";
import type { ScanContext, SourceFile } from "../../scan-context.js";
import type { DeclaredDependency } from "../manifests/declared-dependency.js";
import type { PackageManifest } from "../manifests/package-json.js";
import { inSlashComment } from "../stack-text/mask-comments.js";
import { JS_EXTENSIONS } from "./js-files.js";

interface FrameworkRule {
  readonly id: string;
  readonly category: FrameworkCategory;
  readonly packages: readonly string[];
}

const RULES: readonly FrameworkRule[] = [
  { id: "express", category: "backend", packages: ["express"] },
  { id: "fastify", category: "backend", packages: ["fastify"] },
  { id: "nestjs", category: "backend", packages: ["@nestjs/core", "@nestjs/common"] },
  { id: "koa", category: "backend", packages: ["koa", "@koa/router", "koa-router"] },
  { id: "hono", category: "backend", packages: ["hono"] },
  { id: "next", category: "frontend", packages: ["next"] },
  { id: "react", category: "frontend", packages: ["react", "react-dom"] },
  { id: "vue", category: "frontend", packages: ["vue"] },
  { id: "nuxt", category: "frontend", packages: ["nuxt"] },
  { id: "angular", category: "frontend", packages: ["@angular/core"] },
  { id: "svelte", category: "frontend", packages: ["svelte", "@sveltejs/kit"] },
];

/** The packages of the Node server frameworks recognised here (express, @nestjs/core, hono…). */
export const NODE_SERVER_PACKAGES: readonly string[] = RULES.filter(
  (r) => r.category === "backend",
).flatMap((r) => r.packages);

const BY_PACKAGE = new Map(RULES.flatMap((r) => r.packages.map((p) => [p, r] as const)));

/** Module specifiers of import/require/dynamic import, e.g. "express" or "hono/jsx". */
export const IMPORT_RE =
  /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"'\n]+)["']/g;

/** The package a specifier names: "@scope/name" or "name", without a subpath. */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

const SOURCE_EXTENSIONS = new Set([...JS_EXTENSIONS, "vue", "svelte"]);
const MAX_EVIDENCE = 5;

/** Imports of framework packages in application source, per framework id. */
function usages(ctx: ScanContext): Map<string, Evidence[]> {
  const out = new Map<string, Evidence[]>();
  for (const file of ctx.files) {
    if (file.role !== "app" || !SOURCE_EXTENSIONS.has(file.ext)) continue;
    if (!file.text.includes("import") && !file.text.includes("require")) continue;
    const nestFile = file.text.includes("@nestjs/");
    const seen = new Set<string>();
    for (const match of file.text.matchAll(IMPORT_RE)) {
      const rule = BY_PACKAGE.get(packageOf(match[1] ?? ""));
      if (rule === undefined || seen.has(rule.id)) continue;
      if (inSlashComment(file.text, match.index) || typeOnly(file.text, match.index)) continue;
      if (rule.id === "express" && nestFile) continue;
      seen.add(rule.id);
      const list = out.get(rule.id) ?? [];
      if (list.length < MAX_EVIDENCE) list.push(importEvidence(file, match.index));
      out.set(rule.id, list);
    }
  }
  return out;
}

/**
 * Whether the import matched at `offset` (by IMPORT_RE) imports types only:
 * `import type { Request } from "express"` runs nothing of the module.
 */
export function typeOnly(text: string, offset: number): boolean {
  if (!text.startsWith("from", offset)) return false;
  const start = text.lastIndexOf("import", offset);
  return start !== -1 && /^import\s+type\b/.test(text.slice(start, start + 12));
}

function importEvidence(file: SourceFile, offset: number): Evidence {
  return { file: file.path, line: lineInFile(file, offset), note: "imported" };
}

function declarations(manifests: readonly PackageManifest[]): Map<string, DeclaredDependency[]> {
  const out = new Map<string, DeclaredDependency[]>();
  for (const manifest of manifests) {
    for (const dep of manifest.dependencies) {
      const rule = BY_PACKAGE.get(dep.name);
      if (rule === undefined) continue;
      const list = out.get(rule.id) ?? [];
      list.push(dep);
      out.set(rule.id, list);
    }
  }
  return out;
}

export function nodeFrameworks(
  ctx: ScanContext,
  manifests: readonly PackageManifest[],
): FrameworkFinding[] {
  const used = usages(ctx);
  const declared = declarations(manifests);
  // A repository that publishes the framework itself (its package is named "express") is the
  // framework's source, not an application built with it.
  const own = new Set(manifests.map((m) => m.name));
  const out: FrameworkFinding[] = [];
  for (const rule of RULES) {
    if (rule.packages.some((p) => own.has(p))) continue;
    const uses = used.get(rule.id) ?? [];
    const deps = declared.get(rule.id) ?? [];
    const devOnly = deps.every((d) => d.scope === "dev");
    if (uses.length === 0 && (deps.length === 0 || devOnly)) continue;
    const confidence =
      deps.length > 0 && uses.length > 0 ? "declared+used" : uses.length > 0 ? "used" : "declared";
    const declaredEvidence: Evidence[] = deps.slice(0, MAX_EVIDENCE).map((d) => ({
      file: d.file.path,
      line: d.line,
      note: `declares ${d.name}`,
    }));
    out.push({
      id: rule.id,
      category: rule.category,
      confidence,
      evidence: [...declaredEvidence, ...uses],
    });
  }
  return out;
}
