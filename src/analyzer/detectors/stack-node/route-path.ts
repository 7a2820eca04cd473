/**
 * Route paths as far as they can be known statically: string literals, template strings and
 * concatenations whose parts are string constants. A part that cannot be resolved is kept as
 * `${expression}` so the report shows what is known and says that the rest is not.
 */
import ts from "typescript";
import { propertyValue } from "./js-ast.js";
import type { JsModule } from "./js-ast.js";

export interface RoutePath {
  readonly text: string;
  readonly resolved: boolean;
}

export const EMPTY_PATH: RoutePath = { text: "", resolved: true };

/** Joins a mount prefix and a route path the way Express, Koa, Hono and Fastify do. */
export function joinPath(prefix: RoutePath, path: RoutePath): RoutePath {
  const resolved = prefix.resolved && path.resolved;
  const tail = path.text === "/" ? "" : path.text;
  let text = `${prefix.text.replace(/\/+$/, "")}${tail === "" || tail.startsWith("/") ? "" : "/"}${tail}`;
  text = text.replace(/\/{2,}/g, "/");
  if (text === "") text = "/";
  else if (!text.startsWith("/") && !text.startsWith("${")) text = `/${text}`;
  return { text, resolved };
}

/**
 * The expression a name stands for in the caller's reading, before constants are looked up
 * (a test's own `const url = …`, a field `this.url`); undefined when it has none, and for one
 * it gave before in the same evaluation (no cycle).
 */
export type BoundValue = (
  expr: ts.Identifier | ts.PropertyAccessExpression,
) => ts.Expression | undefined;

/**
 * Evaluates a path expression; depth guards against constants defined in terms of each other.
 * `named` gives the values of names that are no constants, their unknown parts kept as `${…}`.
 */
export function evalPath(
  mod: JsModule,
  expr: ts.Expression,
  depth = 0,
  named?: BoundValue,
): RoutePath {
  if (ts.isStringLiteralLike(expr)) return { text: expr.text, resolved: true };
  if (ts.isParenthesizedExpression(expr)) return evalPath(mod, expr.expression, depth, named);
  if (ts.isTemplateExpression(expr)) {
    let text = expr.head.text;
    let resolved = true;
    for (const span of expr.templateSpans) {
      const part = evalPath(mod, span.expression, depth + 1, named);
      text += part.text + span.literal.text;
      resolved &&= part.resolved;
    }
    return { text, resolved };
  }
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = evalPath(mod, expr.left, depth + 1, named);
    const right = evalPath(mod, expr.right, depth + 1, named);
    return { text: left.text + right.text, resolved: left.resolved && right.resolved };
  }
  if ((ts.isIdentifier(expr) || ts.isPropertyAccessExpression(expr)) && depth < 4) {
    // Not counted in depth, which limits constants: `named` gives each value once.
    const own = named?.(expr);
    if (own !== undefined) return evalPath(mod, own, depth, named);
    const bound = constantValue(mod, expr, 0);
    if (bound !== null) {
      const value = evalPath(bound.mod, bound.node, depth + 1);
      // Unknown at analysis time (process.env.X, config.y): name the constant, not its source.
      return value.resolved ? value : { text: "${" + mod.text(expr) + "}", resolved: false };
    }
  }
  return { text: unknownPart(mod.text(expr)), resolved: false };
}

/**
 * The value a constant holds: a `const` of this module or one it imports, or a property of a
 * constant object (`routesV1.user.root` of `export const routesV1 = { user: { root: "users" } }`).
 */
function constantValue(
  mod: JsModule,
  expr: ts.Expression,
  depth: number,
): { mod: JsModule; node: ts.Expression } | null {
  if (depth > 4) return null;
  if (
    ts.isAsExpression(expr) ||
    ts.isSatisfiesExpression(expr) ||
    ts.isParenthesizedExpression(expr)
  )
    return constantValue(mod, expr.expression, depth + 1);
  if (ts.isIdentifier(expr)) {
    const decl = mod.declarationOf(expr.text, expr);
    if (decl !== undefined) return constInitializer(mod, decl);
    const binding = mod.imports.get(expr.text);
    if (binding === undefined || binding.imported === "*" || binding.imported === "default")
      return null;
    const target = mod.resolveImport(binding.module);
    const exported = target?.exports().get(binding.imported);
    return target === undefined || exported === undefined
      ? null
      : constInitializer(target, exported);
  }
  if (!ts.isPropertyAccessExpression(expr)) return null;
  const owner = constantValue(mod, expr.expression, depth + 1);
  if (owner === null) return null;
  let obj: ts.Expression = owner.node;
  while (ts.isAsExpression(obj) || ts.isSatisfiesExpression(obj)) obj = obj.expression;
  if (!ts.isObjectLiteralExpression(obj)) return null;
  const value = propertyValue(obj, expr.name.text);
  if (value === undefined) return null;
  // `{ root }` names another constant; `{ root: "/users" }` holds the value itself.
  return ts.isIdentifier(value) && ts.isShorthandPropertyAssignment(value.parent)
    ? constantValue(owner.mod, value, depth + 1)
    : { mod: owner.mod, node: value };
}

/** The initializer of `decl` when it declares a `const`, with its module; null otherwise. */
export function constInitializer(
  mod: JsModule,
  decl: ts.Node,
): { mod: JsModule; node: ts.Expression } | null {
  return ts.isVariableDeclaration(decl) &&
    decl.initializer !== undefined &&
    ts.isVariableDeclarationList(decl.parent) &&
    (decl.parent.flags & ts.NodeFlags.Const) !== 0
    ? { mod, node: decl.initializer }
    : null;
}

/** `${expression}`, shortened so a report line stays readable. */
export function unknownPart(source: string): string {
  const flat = source.replace(/\s+/g, " ");
  return "${" + (flat.length > 40 ? `${flat.slice(0, 39)}…` : flat) + "}";
}

/** True for expressions that can be a route path (not a handler, not an options object). */
export function isPathLike(expr: ts.Expression | undefined): expr is ts.Expression {
  if (expr === undefined) return false;
  return (
    ts.isStringLiteralLike(expr) ||
    ts.isTemplateExpression(expr) ||
    (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken)
  );
}
