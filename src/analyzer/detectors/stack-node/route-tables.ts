/**
 * Routes registered in a loop over a table of route objects, a common way to keep the routes of
 * a small app in one list: `routes.forEach((r) => app[r.method](r.path, r.handler))`,
 * `for (const { method, path, handler } of routes) router[method](path, handler)`,
 * `router.route(r.path)[r.method](…)`, or `routes.forEach(({ url, fn }) => app.get(url, fn))`.
 * The table must be an array literal, here or in the module it is imported from, whose entries
 * are object literals or names bound to one. A table built at run time (read from a folder,
 * returned by a function) gives no routes: its paths cannot be known, and none is made up.
 */
import ts from "typescript";
import { propertyValue } from "./js-ast.js";
import type { JsModule, JsProgram } from "./js-ast.js";
import { evalPath } from "./route-path.js";
import type { RoutePath } from "./route-path.js";

/** One entry of a route table, with the module it is written in. */
interface TableEntry {
  readonly mod: JsModule;
  readonly obj: ts.ObjectLiteralExpression;
}

/** A value read from the loop's current entry: `r.path`, or `path` destructured from it. */
export interface EntryField {
  /** the loop variable: a callback's parameter or a `for … of` declaration */
  readonly item: ts.ParameterDeclaration | ts.VariableDeclaration;
  readonly key: string;
}

/** A route of the table, as the loop registers it. */
export interface TableRoute {
  /** the entry's method name as written ("get", "POST"); null when the call names its method */
  readonly method: string | null;
  readonly path: RoutePath;
  readonly handlers: readonly ts.Expression[];
  /** where the entry is written: its path's module and line */
  readonly mod: JsModule;
  readonly line: number;
}

const MAX_DEPTH = 4;

/**
 * The routes a loop's registration call registers, one per table entry, or null when the call
 * reads no table or none of its entries: `methodExpr` is `r.method` (or null when the call names
 * its method, as in `app.get(r.path, …)`), `pathExpr` the path argument, `args` every argument
 * that may hold the entry's handler.
 */
export function tableRoutes(
  mod: JsModule,
  program: JsProgram,
  methodExpr: ts.Expression | null,
  pathExpr: ts.Expression,
  args: readonly ts.Expression[],
): TableRoute[] | null {
  const pathField = entryField(mod, pathExpr);
  if (pathField === null) return null;
  const methodField = methodExpr === null ? null : entryField(mod, methodExpr);
  if (methodExpr !== null && methodField?.item !== pathField.item) return null;
  const entries = loopedEntries(mod, program, pathField.item);
  if (entries === null) return null;
  const handlerKeys = handlerFields(mod, pathField.item, args, [pathField.key, methodField?.key]);
  const out: TableRoute[] = [];
  for (const entry of entries) {
    const path = propertyValue(entry.obj, pathField.key);
    if (path === undefined) continue;
    let method: string | null = null;
    if (methodField !== null) {
      const value = propertyValue(entry.obj, methodField.key);
      if (value === undefined || !ts.isStringLiteralLike(value)) continue;
      method = value.text;
    }
    const handlers = handlerKeys
      .map((key) => propertyValue(entry.obj, key))
      .filter((h): h is ts.Expression => h !== undefined);
    out.push({
      method,
      path: evalPath(entry.mod, path),
      handlers,
      mod: entry.mod,
      line: entry.mod.line(path),
    });
  }
  // No entry could be read: the call stays what it was, an unresolved route where it has a method.
  return out.length === 0 ? null : out;
}

/** `r.key` or a `key` destructured from the loop variable; null for anything else. */
export function entryField(mod: JsModule, expr: ts.Expression): EntryField | null {
  if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression)) {
    const decl = declarationOf(mod, expr.expression);
    const item = decl === undefined ? null : loopVariable(decl);
    return item === null ? null : { item, key: expr.name.text };
  }
  if (!ts.isIdentifier(expr)) return null;
  const element = declarationOf(mod, expr);
  if (element === undefined || !ts.isBindingElement(element)) return null;
  const key = keyOf(element);
  if (key === null) return null;
  const holder = element.parent.parent;
  // for (const { path } of routes), ({ path }) => …
  const direct = loopVariable(holder);
  if (direct !== null) return { item: direct, key };
  // const { path, method } = route;
  if (
    ts.isVariableDeclaration(holder) &&
    holder.initializer !== undefined &&
    ts.isIdentifier(holder.initializer)
  ) {
    const decl = declarationOf(mod, holder.initializer);
    const item = decl === undefined ? null : loopVariable(decl);
    return item === null ? null : { item, key };
  }
  return null;
}

/**
 * What declares `id`: what the module's binder finds (plain parameters, statements), else a
 * `for … of` variable or a name destructured in a parameter, nearest first.
 */
function declarationOf(mod: JsModule, id: ts.Identifier): ts.Node | undefined {
  const declared = mod.declarationOf(id.text, id);
  if (declared !== undefined) return declared;
  for (let node: ts.Node | undefined = id.parent; node !== undefined; node = node.parent) {
    const names: ts.BindingName[] = [];
    if (ts.isFunctionLike(node)) for (const p of node.parameters) names.push(p.name);
    if (ts.isForOfStatement(node) && ts.isVariableDeclarationList(node.initializer)) {
      for (const d of node.initializer.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === id.text) return d;
        names.push(d.name);
      }
    }
    for (const name of names) {
      if (!ts.isObjectBindingPattern(name)) continue;
      for (const el of name.elements) {
        if (ts.isIdentifier(el.name) && el.name.text === id.text) return el;
      }
    }
  }
  return undefined;
}

/** The property a binding element reads: `path` in `{ path }`, `url` in `{ url: path }`. */
function keyOf(element: ts.BindingElement): string | null {
  const prop = element.propertyName ?? element.name;
  return ts.isIdentifier(prop) ? prop.text : null;
}

/** The declaration, when it is the variable of a `forEach`/`map` callback or a `for … of`. */
function loopVariable(decl: ts.Node): ts.ParameterDeclaration | ts.VariableDeclaration | null {
  if (ts.isParameter(decl)) return loopedArray(decl) === null ? null : decl;
  if (ts.isVariableDeclaration(decl)) return loopedArray(decl) === null ? null : decl;
  return null;
}

/** The array a loop variable walks: `arr` of `arr.forEach((x) => …)` or `for (const x of arr)`. */
function loopedArray(decl: ts.ParameterDeclaration | ts.VariableDeclaration): ts.Expression | null {
  if (ts.isParameter(decl)) {
    const fn = decl.parent;
    const call = fn.parent;
    if (
      fn.parameters[0] === decl &&
      (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) &&
      ts.isCallExpression(call) &&
      call.arguments[0] === fn &&
      ts.isPropertyAccessExpression(call.expression) &&
      (call.expression.name.text === "forEach" || call.expression.name.text === "map")
    ) {
      return call.expression.expression;
    }
    return null;
  }
  const list = decl.parent;
  return ts.isVariableDeclarationList(list) && ts.isForOfStatement(list.parent)
    ? list.parent.expression
    : null;
}

/**
 * The entries of the table a loop variable walks, following names into the modules they are
 * imported from and spreading nested tables; null when the table is not a literal we can read.
 */
export function loopedEntries(
  mod: JsModule,
  program: JsProgram,
  item: ts.ParameterDeclaration | ts.VariableDeclaration,
): TableEntry[] | null {
  const array = loopedArray(item);
  return array === null ? null : tableEntries(mod, program, array, 0);
}

function tableEntries(
  mod: JsModule,
  program: JsProgram,
  expr: ts.Expression,
  depth: number,
): TableEntry[] | null {
  if (depth > MAX_DEPTH) return null;
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr)) {
    return tableEntries(mod, program, expr.expression, depth);
  }
  if (ts.isIdentifier(expr)) {
    const bound = program.boundValue(mod, expr);
    if (bound === null || !ts.isExpression(bound.node)) return null;
    return tableEntries(bound.mod, program, bound.node, depth + 1);
  }
  if (!ts.isArrayLiteralExpression(expr)) return null;
  const out: TableEntry[] = [];
  for (const element of expr.elements) {
    if (ts.isSpreadElement(element)) {
      out.push(...(tableEntries(mod, program, element.expression, depth + 1) ?? []));
      continue;
    }
    const entry = tableEntry(mod, program, element, depth + 1);
    if (entry !== null) out.push(entry);
  }
  return out;
}

/** An entry written in place, or a name bound to one (`export const getPosts = { … }`). */
function tableEntry(
  mod: JsModule,
  program: JsProgram,
  expr: ts.Expression,
  depth: number,
): TableEntry | null {
  if (ts.isObjectLiteralExpression(expr)) return { mod, obj: expr };
  if (depth > MAX_DEPTH) return null;
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr)) {
    return tableEntry(mod, program, expr.expression, depth);
  }
  if (!ts.isIdentifier(expr)) return null;
  const bound = program.boundValue(mod, expr);
  if (bound === null || !ts.isExpression(bound.node)) return null;
  return tableEntry(bound.mod, program, bound.node, depth + 1);
}

/**
 * The entry's fields the call passes on as handlers: `r.handler` as an argument, or read inside
 * an inline wrapper (`(req, res, next) => r.action(req, res).catch(next)`).
 */
function handlerFields(
  mod: JsModule,
  item: ts.Node,
  args: readonly ts.Expression[],
  skip: readonly (string | undefined)[],
): string[] {
  const keys = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isExpression(node)) {
      const field = entryField(mod, node);
      if (field !== null && field.item === item && !skip.includes(field.key)) {
        keys.add(field.key);
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const arg of args) visit(arg);
  return [...keys];
}
