/**
 * JavaScript/TypeScript parsing for route extraction: one lazily built syntax tree per file, a
 * small binder that finds what a name refers to (block-scoped, no type checker: a whole-program
 * TypeScript Program would cost far more than the route facts need), and the file's imports and
 * exports so references can be followed across modules.
 */
import ts from "typescript";
import type { ScanContext, SourceFile } from "../../scan-context.js";

import { ModulePaths } from "./module-paths.js";

function scriptKind(ext: string): ts.ScriptKind {
  switch (ext) {
    case "ts":
    case "mts":
    case "cts":
      return ts.ScriptKind.TS;
    case "tsx":
      return ts.ScriptKind.TSX;
    case "jsx":
      return ts.ScriptKind.JSX;
    default:
      return ts.ScriptKind.JS;
  }
}

/** Where a local name comes from when it is imported (ESM import or CommonJS require). */
export interface ImportBinding {
  readonly module: string;
  /** "default", "*" (namespace / whole CommonJS module) or the imported name */
  readonly imported: string;
}

export class JsModule {
  readonly ast: ts.SourceFile;
  /** top-level imported names: import x from, import {a as b}, const x = require(), const {a} = require() */
  readonly imports = new Map<string, ImportBinding>();
  private readonly scopes = new Map<ts.Node, Map<string, ts.Node>>();
  private exportsCache: Map<string, ts.Node> | null = null;

  /**
   * The module an import specifier of this file names, when the module was made by a
   * JsProgram (route paths follow constants imported from another file through it).
   */
  resolveImport: (specifier: string) => JsModule | undefined = () => undefined;

  constructor(readonly file: SourceFile) {
    this.ast = ts.createSourceFile(
      file.path,
      file.text,
      ts.ScriptTarget.Latest,
      true,
      scriptKind(file.ext),
    );
    this.collectImports();
  }

  line(node: ts.Node): number {
    return this.ast.getLineAndCharacterOfPosition(node.getStart(this.ast)).line + 1;
  }

  text(node: ts.Node): string {
    return node.getText(this.ast);
  }

  /** True when this file imports the module (exactly, or a subpath of it such as "hono/jsx"). */
  importsModule(predicate: (module: string) => boolean): boolean {
    for (const binding of this.imports.values()) if (predicate(binding.module)) return true;
    return false;
  }

  private collectImports(): void {
    for (const statement of this.ast.statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        const module = statement.moduleSpecifier.text;
        const clause = statement.importClause;
        if (clause === undefined) continue;
        if (clause.name) this.imports.set(clause.name.text, { module, imported: "default" });
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) {
          this.imports.set(bindings.name.text, { module, imported: "*" });
        } else if (bindings) {
          for (const el of bindings.elements) {
            const imported = (el.propertyName ?? el.name).text;
            this.imports.set(el.name.text, { module, imported });
          }
        }
      } else if (ts.isVariableStatement(statement)) {
        for (const decl of statement.declarationList.declarations) {
          const module = requiredModule(decl.initializer);
          if (module === null) continue;
          if (ts.isIdentifier(decl.name)) {
            this.imports.set(decl.name.text, { module, imported: "*" });
          } else if (ts.isObjectBindingPattern(decl.name)) {
            for (const el of decl.name.elements) {
              if (!ts.isIdentifier(el.name)) continue;
              const prop = el.propertyName;
              const imported = prop && ts.isIdentifier(prop) ? prop.text : el.name.text;
              this.imports.set(el.name.text, { module, imported });
            }
          }
        }
      }
    }
  }

  /** The declaration a name refers to at `from`: a variable, parameter, function or class. */
  declarationOf(name: string, from: ts.Node): ts.Node | undefined {
    for (let node: ts.Node | undefined = from; node !== undefined; node = node.parent) {
      if (ts.isFunctionLike(node)) {
        for (const param of node.parameters) {
          if (ts.isIdentifier(param.name) && param.name.text === name) return param;
        }
      }
      if (
        ts.isSourceFile(node) ||
        ts.isBlock(node) ||
        ts.isModuleBlock(node) ||
        ts.isCaseClause(node) ||
        ts.isDefaultClause(node)
      ) {
        const found = this.scopeOf(node).get(name);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }

  private scopeOf(block: ts.SourceFile | ts.Block | ts.ModuleBlock | ts.CaseOrDefaultClause) {
    let scope = this.scopes.get(block);
    if (scope !== undefined) return scope;
    scope = new Map();
    for (const statement of block.statements) {
      if (ts.isVariableStatement(statement)) {
        for (const decl of statement.declarationList.declarations) {
          if (ts.isIdentifier(decl.name)) scope.set(decl.name.text, decl);
          else if (ts.isObjectBindingPattern(decl.name)) {
            for (const el of decl.name.elements) {
              if (ts.isIdentifier(el.name)) scope.set(el.name.text, el);
            }
          }
        }
      } else if (
        (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) &&
        statement.name
      ) {
        scope.set(statement.name.text, statement);
      }
    }
    this.scopes.set(block, scope);
    return scope;
  }

  /**
   * Exported names and what they are bound to: a declaration, or an expression
   * (export default expr, module.exports = expr, exports.x = expr).
   */
  exports(): Map<string, ts.Node> {
    if (this.exportsCache !== null) return this.exportsCache;
    const out = new Map<string, ts.Node>();
    const isExported = (node: ts.Node) =>
      ts.canHaveModifiers(node) &&
      (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const isDefault = (node: ts.Node) =>
      ts.canHaveModifiers(node) &&
      (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    for (const statement of this.ast.statements) {
      if (ts.isExportAssignment(statement)) {
        out.set("default", statement.expression);
      } else if (ts.isVariableStatement(statement) && isExported(statement)) {
        for (const decl of statement.declarationList.declarations) {
          if (ts.isIdentifier(decl.name)) out.set(decl.name.text, decl);
        }
      } else if (
        (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) &&
        isExported(statement)
      ) {
        if (isDefault(statement)) out.set("default", statement);
        if (statement.name) out.set(statement.name.text, statement);
      } else if (
        ts.isExportDeclaration(statement) &&
        statement.moduleSpecifier === undefined &&
        statement.exportClause &&
        ts.isNamedExports(statement.exportClause)
      ) {
        for (const el of statement.exportClause.elements) {
          out.set(el.name.text, el.propertyName ?? el.name);
        }
      } else if (ts.isExpressionStatement(statement)) {
        this.commonJsExport(statement.expression, out);
      }
    }
    this.exportsCache = out;
    return out;
  }

  /**
   * Where `export { default as user } from "./user"` (or `export * as user from "./user"`) sends
   * an exported name: the module and the name it has there ("*" for the whole module).
   */
  reexportOf(name: string): ImportBinding | null {
    for (const statement of this.ast.statements) {
      if (
        !ts.isExportDeclaration(statement) ||
        statement.moduleSpecifier === undefined ||
        !ts.isStringLiteralLike(statement.moduleSpecifier) ||
        statement.exportClause === undefined
      ) {
        continue;
      }
      const module = statement.moduleSpecifier.text;
      const clause = statement.exportClause;
      if (ts.isNamespaceExport(clause)) {
        if (clause.name.text === name) return { module, imported: "*" };
        continue;
      }
      for (const el of clause.elements) {
        if (el.name.text === name) return { module, imported: (el.propertyName ?? el.name).text };
      }
    }
    return null;
  }

  private commonJsExport(expr: ts.Expression, out: Map<string, ts.Node>): void {
    if (!ts.isBinaryExpression(expr) || expr.operatorToken.kind !== ts.SyntaxKind.EqualsToken) {
      return;
    }
    const target = expr.left.getText(this.ast);
    if (target === "module.exports") {
      out.set("default", expr.right);
      if (ts.isObjectLiteralExpression(expr.right)) {
        for (const prop of expr.right.properties) {
          if (ts.isShorthandPropertyAssignment(prop)) out.set(prop.name.text, prop.name);
          else if (ts.isPropertyAssignment(prop) && ts.isIdentifier(prop.name)) {
            out.set(prop.name.text, prop.initializer);
          }
        }
      }
      return;
    }
    const named = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target);
    if (named?.[1] !== undefined) out.set(named[1], expr.right);
  }
}

/**
 * The value of an object literal's property written `name: value` or `name`; undefined when it
 * is missing or a method.
 */
export function propertyValue(
  obj: ts.ObjectLiteralExpression,
  name: string,
): ts.Expression | undefined {
  for (const prop of obj.properties) {
    if (ts.isPropertyAssignment(prop) && ts.isIdentifier(prop.name) && prop.name.text === name) {
      return prop.initializer;
    }
    if (ts.isShorthandPropertyAssignment(prop) && prop.name.text === name) return prop.name;
    if (ts.isMethodDeclaration(prop) && ts.isIdentifier(prop.name) && prop.name.text === name) {
      return undefined;
    }
  }
  return undefined;
}

/** "m" for `require("m")`, else null. */
export function requiredModule(expr: ts.Expression | undefined): string | null {
  if (
    expr !== undefined &&
    ts.isCallExpression(expr) &&
    ts.isIdentifier(expr.expression) &&
    expr.expression.text === "require" &&
    expr.arguments.length === 1
  ) {
    const arg = expr.arguments[0];
    if (arg !== undefined && ts.isStringLiteralLike(arg)) return arg.text;
  }
  return null;
}

/** The parsed modules of a scan, built on first use, with relative import resolution. */
export class JsProgram {
  private readonly modules = new Map<string, JsModule>();
  private readonly paths: ModulePaths;

  constructor(readonly ctx: ScanContext) {
    this.paths = new ModulePaths(ctx);
  }

  module(file: SourceFile): JsModule {
    let mod = this.modules.get(file.path);
    if (mod === undefined) {
      mod = new JsModule(file);
      mod.resolveImport = (specifier) => this.resolve(specifier, file);
      this.modules.set(file.path, mod);
    }
    return mod;
  }

  /** The parsed module an import specifier names (see module-paths.ts for the rules). */
  resolve(specifier: string, from: SourceFile): JsModule | undefined {
    const file = this.resolveFile(specifier, from);
    return file === undefined ? undefined : this.module(file);
  }

  /**
   * What a name is bound to, one step: a local variable's initializer or function declaration,
   * or the value the module it is imported from exports under that name. `ns.name` of a
   * namespace import (`import * as routes from "./routes"`) is that module's export `name`.
   */
  boundValue(
    mod: JsModule,
    id: ts.Identifier | ts.PropertyAccessExpression,
  ): { mod: JsModule; node: ts.Expression | ts.FunctionDeclaration } | null {
    const valueIn = (m: JsModule, decl: ts.Node | undefined) => {
      if (decl === undefined) return null;
      if (ts.isFunctionDeclaration(decl)) return { mod: m, node: decl };
      const value = ts.isVariableDeclaration(decl) ? decl.initializer : decl;
      return value !== undefined && ts.isExpression(value) ? { mod: m, node: value } : null;
    };
    if (ts.isPropertyAccessExpression(id)) {
      const ns = id.expression;
      if (!ts.isIdentifier(ns) || mod.declarationOf(ns.text, ns) !== undefined) return null;
      const binding = mod.imports.get(ns.text);
      const target = binding?.imported === "*" ? this.resolve(binding.module, mod.file) : undefined;
      const found = target === undefined ? null : this.exportOf(target, id.name.text);
      return found === null ? null : valueIn(found.mod, found.decl);
    }
    const local = mod.declarationOf(id.text, id);
    if (local !== undefined) return ts.isParameter(local) ? null : valueIn(mod, local);
    const binding = mod.imports.get(id.text);
    const target = binding === undefined ? undefined : this.resolve(binding.module, mod.file);
    if (binding === undefined || target === undefined) return null;
    const found = this.exportOf(target, binding.imported);
    return found === null ? null : valueIn(found.mod, found.decl);
  }

  /**
   * The declaration `mod` exports as `name`: its own, or one it passes on from another module
   * (`export { x } from "./x"`, or `export * from "./routes"` as a barrel file does), the
   * modules named resolved by `resolve` (a caller may resolve workspace packages too).
   */
  exportOf(
    mod: JsModule,
    name: string,
    resolve: (specifier: string, from: SourceFile) => JsModule | undefined = (specifier, from) =>
      this.resolve(specifier, from),
    depth = 0,
  ): { mod: JsModule; decl: ts.Node } | null {
    const own = mod.exports().get(name);
    if (own !== undefined) return { mod, decl: own };
    if (depth > 3 || name === "*" || name === "default") return null;
    const again = mod.reexportOf(name);
    if (again !== null) {
      const next = resolve(again.module, mod.file);
      return next === undefined ? null : this.exportOf(next, again.imported, resolve, depth + 1);
    }
    for (const statement of mod.ast.statements) {
      if (
        ts.isExportDeclaration(statement) &&
        statement.exportClause === undefined &&
        statement.moduleSpecifier !== undefined &&
        ts.isStringLiteralLike(statement.moduleSpecifier)
      ) {
        const next = resolve(statement.moduleSpecifier.text, mod.file);
        const found = next === undefined ? null : this.exportOf(next, name, resolve, depth + 1);
        if (found !== null) return found;
      }
    }
    return null;
  }

  /** Like resolve, without parsing the file (for callers that only read its text). */
  resolveFile(specifier: string, from: SourceFile): SourceFile | undefined {
    return this.paths.resolveFile(specifier, from);
  }
}
