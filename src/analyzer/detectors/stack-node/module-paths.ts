/**
 * Which repository file an import specifier names, as Node and TypeScript resolve it: relative
 * paths with the extension rules of both (a ".js" import may name a ".ts" source), index files,
 * the tsconfig/jsconfig `paths` and `baseUrl` of the importing file, and the common "@/" and
 * "~/" aliases for src/. Text only: no parser is loaded, so signal detectors can use it too.
 */
import type { ScanContext, SourceFile } from "../../scan-context.js";
import { JS_EXTENSIONS } from "./js-files.js";
import { joinRepoPath } from "../../repo-path.js";
import { PathAliases } from "./path-aliases.js";

const RESOLVE_EXTENSIONS = ["ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts"];

export class ModulePaths {
  private readonly aliases: PathAliases;

  constructor(private readonly ctx: ScanContext) {
    this.aliases = new PathAliases(ctx);
  }

  resolveFile(specifier: string, from: SourceFile): SourceFile | undefined {
    const dir = from.path.includes("/") ? from.path.slice(0, from.path.lastIndexOf("/")) : "";
    if (specifier.startsWith(".")) return this.fileAt(joinRepoPath(dir, specifier));
    for (const candidate of this.aliases.candidates(specifier, dir)) {
      const file = this.fileAt(candidate);
      if (file !== undefined) return file;
    }
    if (specifier.startsWith("@/") || specifier.startsWith("~/")) {
      return this.fileAt(joinRepoPath("src", specifier.slice(2)));
    }
    return undefined;
  }

  /** The source file a module path names, trying extensions and index files. */
  private fileAt(base: string | null): SourceFile | undefined {
    if (base === null) return undefined;
    const stem = base.replace(/\.(js|jsx|mjs|cjs)$/, "");
    const candidates = [base];
    for (const ext of RESOLVE_EXTENSIONS) candidates.push(`${stem}.${ext}`);
    for (const ext of RESOLVE_EXTENSIONS) candidates.push(`${base}/index.${ext}`);
    for (const candidate of candidates) {
      const file = this.ctx.byPath.get(candidate);
      if (file !== undefined && JS_EXTENSIONS.has(file.ext)) return file;
    }
    return undefined;
  }
}
