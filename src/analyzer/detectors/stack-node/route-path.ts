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

/** Evaluates a path expression; depth guards against constants defined in terms of each other. */
export function evalPath(mod: JsModule, expr: ts.Expression, depth = 0): RoutePath {
  if (ts.isStringLiteralLike(expr)) return { text: expr.text, resolved: true };
  if (ts.isParenthesizedExpression(expr)) return evalPath(mod, expr.expression, depth);
  if (ts.isTemplateExpression(expr)) {
    let text = expr.head.text;
    let resolved = true;
    for (const span of expr.templateSpans) {
      const part = evalPath(mod, span.expression, depth + 1);
      text += part.text + span.literal.text;
      resolved &&= part.resolved;
    }
    return { text, resolved };
  }
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = evalPath(mod, expr.left, depth + 1);
    const right = evalPath(mod, expr.right, depth + 1);
    return { text: left.text + right.text, resolved: left.resolved && right.resolved };
  }
  if (ts.isIdentifier(expr) && depth < 4) {
    const initializer = constInitializer(mod, expr);
    if (initializer !== undefined) {
      const value = evalPath(mod, initializer, depth + 1);
      // Unknown at analysis time (process.env.X, config.y): name the constant, not its source.
      return value.resolved ? value : { text: "${" + expr.text + "}", resolved: false };
    }
  }
  if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression) && depth < 4) {
    // ROUTES.LOGIN, with `const ROUTES = { LOGIN: "/login" }` in this module
    const holder = constInitializer(mod, expr.expression);
    const value =
      holder !== undefined && ts.isObjectLiteralExpression(holder)
        ? propertyValue(holder, expr.name.text)
        : undefined;
    if (value !== undefined) {
      const path = evalPath(mod, value, depth + 1);
      if (path.resolved) return path;
    }
  }
  return { text: unknownPart(mod.text(expr)), resolved: false };
}

/** The initializer of the `const` a name refers to, undefined for anything else. */
function constInitializer(mod: JsModule, id: ts.Identifier): ts.Expression | undefined {
  const decl = mod.declarationOf(id.text, id);
  if (
    decl !== undefined &&
    ts.isVariableDeclaration(decl) &&
    ts.isVariableDeclarationList(decl.parent) &&
    (decl.parent.flags & ts.NodeFlags.Const) !== 0
  ) {
    return decl.initializer;
  }
  return undefined;
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
