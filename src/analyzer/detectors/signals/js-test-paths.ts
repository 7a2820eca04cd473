/**
 * The path of a JavaScript or TypeScript test call that is no literal: a constant, a constant
 * object's property or a template built from them (`request(app).get(ROUTES.ROOT)`,
 * `` agent.post(`${API}/users`) `` with `API` imported from a constants module), a `const` of
 * the test (`const url = `/users/${id}``) or a field of a helper class (`this.url`). Evaluated
 * as route files' paths are (stack-node/route-path.ts); used by api-test-calls.ts.
 */
import ts from "typescript";
import type { ScanContext, SourceFile } from "../../scan-context.js";
import { JsProgram, type JsModule } from "../stack-node/js-ast.js";
import { constInitializer, evalPath } from "../stack-node/route-path.js";
import { esc } from "./signal-kit.js";

/** The reader of a scan's JavaScript test paths, its modules parsed on first use. */
export function jsTestPaths(
  ctx: ScanContext,
): (file: SourceFile, nameAt: number) => string | undefined {
  let program: JsProgram | undefined;
  return (file, nameAt) => jsCallPath((program ??= new JsProgram(ctx)), file, nameAt);
}

/**
 * The path of the call whose method name (`get` of `request(app).get(…)`) starts at `nameAt`,
 * when its first argument evaluates to a path (`/…`, unknown parts as `${…}`); else undefined.
 */
export function jsCallPath(
  program: JsProgram,
  file: SourceFile,
  nameAt: number,
): string | undefined {
  const mod = program.module(file);
  const call = callNamedAt(mod.ast, nameAt);
  const argument = call?.arguments[0];
  if (argument === undefined || ts.isStringLiteralLike(argument)) return undefined;
  const given = new Set<ts.Expression>();
  const path = evalPath(mod, argument, 0, (expr) => {
    const value = boundValue(mod, expr);
    if (value === undefined || given.has(value)) return undefined;
    given.add(value);
    return value;
  }).text;
  return path.startsWith("/") ? path : undefined;
}

/**
 * The value of a `const` of the test (`const url = `/users/${id}``), whose unknown parts (`id`)
 * are placeholders where evalPath would name the whole constant as unknown; or of a field of
 * the class the call is in (`private url = `/${routesV1.version}/users``, read as `this.url`)
 * that no method sets again.
 */
function boundValue(
  mod: JsModule,
  expr: ts.Identifier | ts.PropertyAccessExpression,
): ts.Expression | undefined {
  if (ts.isIdentifier(expr)) {
    const decl = mod.declarationOf(expr.text, expr);
    return decl === undefined ? undefined : constInitializer(mod, decl)?.node;
  }
  if (expr.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  let owner: ts.Node | undefined = expr.parent;
  while (owner !== undefined && !ts.isClassLike(owner)) owner = owner.parent;
  if (owner === undefined) return undefined;
  const name = expr.name.text;
  const field = owner.members.find(
    (m): m is ts.PropertyDeclaration =>
      ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === name,
  );
  if (field?.initializer === undefined) return undefined;
  const setAgain = new RegExp(`\\bthis\\.${esc(name)}\\s*(?:[-+]?=(?!=)|\\+\\+|--)`);
  return setAgain.test(mod.text(owner)) ? undefined : field.initializer;
}

/** The call `x.name(…)` whose `name` starts at `at`, found down the nodes that hold `at`. */
function callNamedAt(node: ts.Node, at: number): ts.CallExpression | undefined {
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.end > at &&
    node.expression.name.pos <= at
  ) {
    return node;
  }
  return ts.forEachChild(node, (child) =>
    child.pos <= at && at < child.end ? callNamedAt(child, at) : undefined,
  );
}
