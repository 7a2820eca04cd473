/**
 * Finds the class or function a view reference names (`views.ArticleList`, `ArticleViewSet`,
 * `article_detail`), through the imports of the file that names it, falling back to the one
 * application class of that name when imports do not lead to it (star imports, re-exports).
 */
import type { PyFile, PyProgram } from "./py-modules.js";
import { classesOf } from "./py-source.js";
import type { PyBlock, PyClass } from "./py-source.js";
import { blockAt } from "./py-source.js";

export interface Located<T> {
  readonly file: PyFile;
  readonly def: T;
}

export class PyDefinitions {
  private readonly classCache = new Map<string, PyClass[]>();
  /** By name: a library base (`Resource`, `MethodView`) is looked for once, not per subclass. */
  private readonly anywhereCache = new Map<string, Located<PyClass> | null>();

  constructor(private readonly program: PyProgram) {}

  classes(file: PyFile): PyClass[] {
    let list = this.classCache.get(file.file.path);
    if (list === undefined) {
      list = classesOf(file.code);
      this.classCache.set(file.file.path, list);
    }
    return list;
  }

  /** The file and bare name a dotted reference points to from `from`. */
  private target(from: PyFile, ref: string): { file: PyFile; name: string } | null {
    const parts = ref.split(".");
    const name = parts[parts.length - 1] ?? ref;
    if (parts.length === 1) {
      const imported = this.program.resolveImported(from, name);
      if (imported?.kind === "name") return { file: imported.file, name: imported.name };
      return { file: from, name };
    }
    const head = parts[0] ?? "";
    const imported = this.program.resolveImported(from, head);
    if (imported?.kind === "module" && parts.length === 2) return { file: imported.file, name };
    return null;
  }

  findClass(from: PyFile, ref: string): Located<PyClass> | null {
    const target = this.target(from, ref);
    if (target !== null) {
      const cls = this.classes(target.file).find((c) => c.name === target.name && c.indent === 0);
      if (cls !== undefined) return { file: target.file, def: cls };
      // the target module may re-export it: follow one more import
      const again = this.program.resolveImported(target.file, target.name);
      if (again?.kind === "name") {
        const found = this.classes(again.file).find((c) => c.name === again.name);
        if (found !== undefined) return { file: again.file, def: found };
      }
    }
    return this.findClassAnywhere(ref.slice(ref.lastIndexOf(".") + 1));
  }

  /** The single application class with this name, or null when there is none or several. */
  findClassAnywhere(name: string): Located<PyClass> | null {
    const cached = this.anywhereCache.get(name);
    if (cached !== undefined) return cached;
    const found = this.searchClassAnywhere(name);
    this.anywhereCache.set(name, found);
    return found;
  }

  private searchClassAnywhere(name: string): Located<PyClass> | null {
    let found: Located<PyClass> | null = null;
    for (const source of this.program.sources) {
      if (!source.text.includes(`class ${name}`)) continue;
      const file = this.program.file(source);
      for (const cls of this.classes(file)) {
        if (cls.name !== name || cls.indent !== 0) continue;
        if (found !== null) return null;
        found = { file, def: cls };
      }
    }
    return found;
  }

  findFunction(from: PyFile, ref: string): Located<PyBlock> | null {
    const target = this.target(from, ref);
    if (target === null) return null;
    const re = new RegExp(`^(?:async[ \\t]+)?def[ \\t]+${target.name}\\b`, "m");
    const m = re.exec(target.file.code);
    if (m === null) return null;
    const offset = m.index + m[0].indexOf("def");
    return { file: target.file, def: blockAt(target.file.code, offset, target.name) };
  }

  /** The class and all its application ancestors (by name), nearest first. */
  lineage(start: Located<PyClass>): Located<PyClass>[] {
    const out: Located<PyClass>[] = [start];
    const seen = new Set<string>([`${start.file.file.path}#${start.def.name}`]);
    for (let i = 0; i < out.length && i < 20; i++) {
      const current = out[i];
      if (current === undefined) break;
      for (const base of current.def.bases) {
        const found = this.findClass(current.file, base);
        if (found === null) continue;
        const key = `${found.file.file.path}#${found.def.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(found);
      }
    }
    return out;
  }

  /** Every base class name in the lineage, including library bases that are not in the repo. */
  baseNames(lineage: readonly Located<PyClass>[]): Set<string> {
    const names = new Set<string>();
    for (const cls of lineage) for (const base of cls.def.bases) names.add(base);
    return names;
  }

  /** Methods defined in the lineage, name -> where (nearest definition wins). */
  definedMethods(lineage: readonly Located<PyClass>[]): Map<string, Located<number>> {
    const out = new Map<string, Located<number>>();
    for (const cls of lineage) {
      for (const [name, offset] of cls.def.methods) {
        if (!out.has(name)) out.set(name, { file: cls.file, def: offset });
      }
    }
    return out;
  }
}
