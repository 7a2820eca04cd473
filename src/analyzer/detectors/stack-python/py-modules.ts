/**
 * Python imports and module resolution inside the repository: `from app.routers import items`,
 * `from .views import ArticleViewSet`, `import blog.urls as blog_urls`. Absolute module names are
 * matched against file paths by suffix (a project may live under src/ or a sub-folder such as
 * backend/); when several files match, the one nearest to the importing file wins.
 */
import type { ScanContext, SourceFile } from "../../scan-context.js";
import { codeView } from "./py-source.js";

export interface PyImport {
  /** dotted module (absolute) or a repository path stem for relative imports */
  readonly module: string;
  readonly relative: boolean;
  /** the imported name, or null for `import a.b as c` (the name is the module itself) */
  readonly name: string | null;
}

export class PyFile {
  readonly code: string;
  private importsCache: Map<string, PyImport> | null = null;

  constructor(readonly file: SourceFile) {
    this.code = codeView(file.text);
  }

  get dir(): string {
    const at = this.file.path.lastIndexOf("/");
    return at === -1 ? "" : this.file.path.slice(0, at);
  }

  imports(): Map<string, PyImport> {
    if (this.importsCache !== null) return this.importsCache;
    const out = new Map<string, PyImport>();
    const fromRe = /^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]+)/gm;
    for (const m of this.code.matchAll(fromRe)) {
      const dots = (m[1] ?? "").length;
      const dotted = m[2] ?? "";
      let module = dotted;
      if (dots > 0) {
        const parts = this.dir === "" ? [] : this.dir.split("/");
        const base = parts.slice(0, Math.max(0, parts.length - (dots - 1)));
        module = [...base, ...(dotted === "" ? [] : dotted.split("."))].join("/");
      }
      const names = (m[3] ?? "").replace(/[()\\]/g, " ");
      for (const part of names.split(",")) {
        const nm = /^\s*([A-Za-z_]\w*)(?:\s+as\s+([A-Za-z_]\w*))?\s*$/.exec(part);
        if (nm?.[1] === undefined) continue;
        out.set(nm[2] ?? nm[1], { module, relative: dots > 0, name: nm[1] });
      }
    }
    const importRe = /^[ \t]*import[ \t]+([\w.]+)(?:[ \t]+as[ \t]+([A-Za-z_]\w*))?/gm;
    for (const m of this.code.matchAll(importRe)) {
      const dotted = m[1] ?? "";
      out.set(m[2] ?? dotted, { module: dotted, relative: false, name: null });
    }
    this.importsCache = out;
    return out;
  }
}

export class PyProgram {
  private readonly files = new Map<string, PyFile>();
  private readonly pyFiles: readonly SourceFile[];
  /** Absolute modules no file provides (`flask_restx`, `rest_framework`): asked about often. */
  private readonly absentModules = new Set<string>();

  constructor(readonly ctx: ScanContext) {
    this.pyFiles = ctx.files.filter((f) => f.ext === "py" && f.role === "app");
  }

  get sources(): readonly SourceFile[] {
    return this.pyFiles;
  }

  file(source: SourceFile): PyFile {
    let f = this.files.get(source.path);
    if (f === undefined) {
      f = new PyFile(source);
      this.files.set(source.path, f);
    }
    return f;
  }

  /** The file of a module: "blog.urls" or (relative) "blog/urls", or undefined. */
  resolveModule(module: string, relative: boolean, from: SourceFile): PyFile | undefined {
    const stem = relative ? module : module.replace(/\./g, "/");
    if (stem === "") return undefined;
    const candidates = [`${stem}.py`, `${stem}/__init__.py`];
    if (relative) {
      for (const c of candidates) {
        const f = this.ctx.byPath.get(c);
        if (f !== undefined && f.ext === "py") return this.file(f);
      }
      return undefined;
    }
    if (this.absentModules.has(stem)) return undefined;
    let best: SourceFile | undefined;
    let bestScore = -1;
    for (const f of this.pyFiles) {
      for (const c of candidates) {
        if (f.path !== c && !f.path.endsWith(`/${c}`)) continue;
        const score = commonPrefix(f.path, from.path);
        if (score > bestScore) {
          best = f;
          bestScore = score;
        }
      }
    }
    if (best === undefined) this.absentModules.add(stem);
    return best === undefined ? undefined : this.file(best);
  }

  /**
   * What a name bound by an import refers to: a module file (for `from pkg import module` and
   * `import pkg.module as m`) or a name defined in a module file.
   */
  resolveImported(
    from: PyFile,
    local: string,
  ): { kind: "module"; file: PyFile } | { kind: "name"; file: PyFile; name: string } | null {
    const imp = from.imports().get(local);
    if (imp === undefined) return null;
    if (imp.name === null) {
      const file = this.resolveModule(imp.module, false, from.file);
      return file === undefined ? null : { kind: "module", file };
    }
    const sep = imp.relative ? "/" : ".";
    const asModule = this.resolveModule(
      imp.module === "" ? imp.name : `${imp.module}${sep}${imp.name}`,
      imp.relative,
      from.file,
    );
    if (asModule !== undefined) return { kind: "module", file: asModule };
    const file = this.resolveModule(imp.module, imp.relative, from.file);
    return file === undefined ? null : { kind: "name", file, name: imp.name };
  }
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
