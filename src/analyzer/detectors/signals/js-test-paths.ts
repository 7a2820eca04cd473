/**
 * The path of a JavaScript or TypeScript test call that is no literal: a constant, a constant
 * object's property or a template built from them (`request(app).get(ROUTES.ROOT)`,
 * `` agent.post(`${API}/users`) `` with `API` imported from a constants module), or a `const`
 * of the test (`const url = `/users/${id}``). Evaluated as route files' paths are
 * (stack-node/route-path.ts); used by api-test-calls.ts.
 */
import ts from "typescript";
import type { SourceFile } from "../../scan-context.js";
import type { JsProgram } from "../stack-node/js-ast.js";
import { evalPath } from "../stack-node/route-path.js";

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
  let argument = call?.arguments[0];
  if (argument === undefined || ts.isStringLiteralLike(argument)) return undefined;
  // The test's own `const url = `/users/${id}``: its value, whose unknown parts (`id`) are
  // placeholders, where evalPath would name the whole constant as unknown.
  const local = ts.isIdentifier(argument) ? mod.declarationOf(argument.text, argument) : undefined;
  if (
    local !== undefined &&
    ts.isVariableDeclaration(local) &&
    local.initializer !== undefined &&
    (local.parent.flags & ts.NodeFlags.Const) !== 0
  ) {
    argument = local.initializer;
  }
  const path = evalPath(mod, argument).text;
  return path.startsWith("/") ? path : undefined;
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
