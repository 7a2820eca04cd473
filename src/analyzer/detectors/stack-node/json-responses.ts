/**
 * Finds where route handlers answer with JSON, the evidence for the rest_api signal: `res.json(x)`,
 * `res.send({...})`, `reply.send(x)`, `c.json(x)`, `ctx.body = {...}`, and for Fastify a handler
 * that returns an object (Fastify serialises it). Server-rendered pages (`res.render`) are
 * endpoints too, but they find no evidence here. Handlers are followed to their definitions
 * (local functions, or the module a controller is imported from); only the handler code is read.
 */
import ts from "typescript";
import type { Evidence } from "../../report.js";
import { lineAt } from "../../scan-context.js";
import type { SourceFile } from "../../scan-context.js";
import type { ImportBinding, JsModule, JsProgram } from "./js-ast.js";
import type { RouteOp } from "./route-ops.js";
import { JSON_MARKERS } from "./json-markers.js";

/** Fastify serialises whatever a handler returns; a string return is text. */
const FASTIFY_RETURN =
  /\breturn\s+(?!['"`]|reply\.(?:view|redirect)\b|res\.render\b)[{[A-Za-z_$]|=>\s*\(\s*[{[]/g;

/** `successResponse(c, data)`, `sendJson(res, 200, body)`: a call handing on the context. */
const HELPER_CALL = /\b([A-Za-z_$][\w$]*)\s*\(\s*(?:c|ctx|context|res|response|reply)\s*[,)]/g;
const MAX_HELPERS = 5;

const REEXPORT_HINT = /\bexport\s*(?:\*\s*as\s+[\w$]+|\{[^}]*\})\s*from\b/;

interface ScanTarget {
  readonly file: SourceFile;
  readonly start: number;
  readonly end: number;
}

export class JsonResponseFinder {
  private readonly scanned = new Map<string, readonly Evidence[]>();

  constructor(private readonly program: JsProgram) {}

  /** Evidence lines where this route's handlers produce JSON; empty when none is seen. */
  evidenceFor(op: RouteOp, framework: string): readonly Evidence[] {
    const out: Evidence[] = [];
    const targets = this.targets(op.entry?.mod ?? op.mod, op.handlers);
    for (const target of targets) {
      out.push(...this.scan(target, framework === "fastify"));
    }
    // Handlers that answer through a helper they hand the context to
    // (`return successResponse(c, data)`, whose body calls `c.json(...)`).
    if (out.length === 0) {
      for (const target of targets) {
        for (const helper of this.helperTargets(target)) {
          out.push(...this.scan(helper, framework === "fastify"));
        }
      }
    }
    return out;
  }

  /** The imported functions a handler passes its context or response object to first. */
  private helperTargets(target: ScanTarget): ScanTarget[] {
    const text = target.file.text.slice(target.start, target.end);
    const names = new Set<string>();
    for (const m of text.matchAll(HELPER_CALL)) {
      if (names.size >= MAX_HELPERS) break;
      names.add(m[1] ?? "");
    }
    if (names.size === 0) return [];
    const mod = this.program.module(target.file);
    const out: ScanTarget[] = [];
    for (const name of names) {
      const binding = mod.imports.get(name);
      const from = binding && this.program.resolve(binding.module, mod.file);
      const decl = binding && from?.exports().get(binding.imported);
      if (from === undefined || decl === undefined) continue;
      const fn = ts.isVariableDeclaration(decl) ? decl.initializer : decl;
      if (
        fn !== undefined &&
        (ts.isFunctionDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))
      ) {
        out.push({ file: from.file, start: fn.getStart(from.ast), end: fn.getEnd() });
      }
    }
    return out;
  }

  private targets(mod: JsModule, handlers: readonly ts.Expression[]): ScanTarget[] {
    const out: ScanTarget[] = [];
    const add = (m: JsModule, node: ts.Node): void => {
      out.push({ file: m.file, start: node.getStart(m.ast), end: node.getEnd() });
    };
    // A controller module imported by the routes file: its text is scanned, it is not parsed.
    const wholeFile = (file: SourceFile): void => {
      out.push({ file, start: 0, end: file.text.length });
    };
    const follow = (m: JsModule, expr: ts.Expression, depth: number): void => {
      if (depth > 3) return;
      if (ts.isFunctionExpression(expr) || ts.isArrowFunction(expr)) return add(m, expr);
      if (ts.isObjectLiteralExpression(expr)) return add(m, expr);
      if (ts.isCallExpression(expr)) {
        // asyncHandler(fn), controller.list.bind(controller), validate(schema), ...
        for (const arg of expr.arguments) follow(m, arg, depth + 1);
        if (ts.isPropertyAccessExpression(expr.expression)) {
          follow(m, expr.expression.expression, depth + 1);
        }
        return;
      }
      let root: ts.Expression = expr;
      // `todos.getTodos`: the member read on the root, for an object that gathers handlers
      let member: string | undefined;
      while (ts.isPropertyAccessExpression(root)) {
        member = root.name.text;
        root = root.expression;
      }
      if (!ts.isIdentifier(root)) return;
      const decl = m.declarationOf(root.text, root);
      // A router factory that is handed its controller (`(posts: PostController) => …`): the
      // handlers are the methods of the parameter's declared class.
      if (decl !== undefined && ts.isParameter(decl)) {
        const type = decl.type;
        if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
          return follow(m, type.typeName, depth + 1);
        }
        return;
      }
      if (decl !== undefined && !ts.isBindingElement(decl)) {
        const required = ts.isVariableDeclaration(decl) ? requireSpec(decl.initializer) : null;
        if (required === null) return add(m, decl);
        const target = this.program.resolveFile(required, m.file);
        if (target !== undefined) wholeFile(target);
        return;
      }
      const binding = m.imports.get(root.text);
      if (binding !== undefined) followImport(m, binding, depth, member);
    };
    // A barrel (`export { default as user } from "./user"`) is passed through to the module it
    // re-exports, and so is an object that gathers handlers imported from elsewhere
    // (`export const TodosController = { getTodos, postTodo }`) for the member the route names;
    // any other imported module is scanned whole.
    const followImport = (
      m: JsModule,
      binding: ImportBinding,
      depth: number,
      member?: string,
    ): void => {
      const target = this.program.resolveFile(binding.module, m.file);
      if (target === undefined) return;
      const reexport =
        depth < 3 && REEXPORT_HINT.test(target.text)
          ? this.program.module(target).reexportOf(binding.imported)
          : null;
      if (reexport !== null) return followImport(this.program.module(target), reexport, depth + 1);
      // Only a module that writes no response itself is parsed to look for such an object.
      if (member !== undefined && depth < 3 && !writesJson(target.text)) {
        const mod = this.program.module(target);
        const value = gatheredMember(mod.exports().get(binding.imported), member);
        if (value !== undefined) return follow(mod, value, depth + 1);
      }
      wholeFile(target);
    };
    for (const handler of handlers) follow(mod, handler, 0);
    return out;
  }

  private scan(target: ScanTarget, fastify: boolean): readonly Evidence[] {
    const key = `${target.file.path}:${target.start}:${target.end}:${fastify}`;
    const cached = this.scanned.get(key);
    if (cached !== undefined) return cached;
    const text = target.file.text;
    const slice = text.slice(target.start, target.end);
    const found: Evidence[] = [];
    const markers = fastify ? [...JSON_MARKERS, FASTIFY_RETURN] : JSON_MARKERS;
    for (const marker of markers) {
      marker.lastIndex = 0;
      for (const match of slice.matchAll(marker)) {
        found.push({
          file: target.file.path,
          line: lineAt(text, target.start + match.index),
          note: "JSON response",
        });
      }
    }
    this.scanned.set(key, found);
    return found;
  }
}

/** Whether a text holds any of the JSON response markers (they are global: tried afresh). */
const JSON_MARKER_TESTS = JSON_MARKERS.map((re) => new RegExp(re.source));
function writesJson(text: string): boolean {
  return JSON_MARKER_TESTS.some((re) => re.test(text));
}

/**
 * The handler an exported object literal holds under `member` (`{ getTodos }`,
 * `{ list: listTodos }`), or undefined when the export is no such object. (Methods written in the
 * object are in its own file, which is scanned whole.)
 */
function gatheredMember(exported: ts.Node | undefined, member: string): ts.Expression | undefined {
  const object =
    exported !== undefined && ts.isVariableDeclaration(exported) ? exported.initializer : exported;
  if (object === undefined || !ts.isObjectLiteralExpression(object)) return undefined;
  for (const prop of object.properties) {
    if (prop.name === undefined || !ts.isIdentifier(prop.name) || prop.name.text !== member) {
      continue;
    }
    if (ts.isShorthandPropertyAssignment(prop)) return prop.name;
    if (ts.isPropertyAssignment(prop)) return prop.initializer;
  }
  return undefined;
}

function requireSpec(expr: ts.Expression | undefined): string | null {
  if (
    expr !== undefined &&
    ts.isCallExpression(expr) &&
    ts.isIdentifier(expr.expression) &&
    expr.expression.text === "require"
  ) {
    const arg = expr.arguments[0];
    if (arg !== undefined && ts.isStringLiteralLike(arg)) return arg.text;
  }
  return null;
}
