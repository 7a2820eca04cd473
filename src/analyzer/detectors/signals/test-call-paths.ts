/**
 * The paths of API test calls whose path is not a plain literal: a named route (Django's
 * reverse(), a Rails path helper or a controller spec's action, Laravel's route()), a literal
 * continued by concatenation, a Go URL held in a variable, a test table or a helper's argument,
 * and a JVM path built from the test file's string constants. Used by api-test-calls.ts.
 */
import type { SourceFile } from "../../scan-context.js";
import { ConstantTable, isStringExpression, mayHoldConstants } from "../stack-jvm/jvm-constants.js";
import { matchBracket, splitTopLevel } from "../stack-text/brackets.js";
import { underscore } from "../stack-text/inflection.js";
import { maskComments } from "../stack-text/mask-comments.js";
import { unkeyedEntries } from "./go-test-tables.js";
import { withLocalValues } from "./jvm-local-paths.js";
import { esc, JVM_EXTS } from "./signal-kit.js";

/** Where a call was found: its file, and the app's named routes (see Findings.routeNames). */
export interface CallSite {
  readonly file: SourceFile;
  readonly routeNames: ReadonlyMap<string, string>;
  /** the other Go test files of a file's directory (its package), which share tables and helpers */
  readonly goPackage?: (file: SourceFile) => readonly SourceFile[];
  /**
   * every Go test file of the repository: the tests of other packages fill the tables a shared
   * helper outside them reads (`test.Endpoint(t, router, tc)` in internal/test/api.go)
   */
  readonly goTestFiles?: () => readonly SourceFile[];
  /** the repository's C# string constants by `Type.Name` (see cs-route-constants.ts) */
  readonly csConstants?: () => ReadonlyMap<string, string>;
  /** the class constants of the repository's PHP tests by name, null when two differ */
  readonly phpConstants?: () => ReadonlyMap<string, string | null>;
  /** the path a JavaScript call's argument evaluates to, by its method name's offset (js-test-paths.ts) */
  readonly jsPath?: (file: SourceFile, nameAt: number) => string | undefined;
}

const METHOD_WORDS = ["options", "delete", "patch", "post", "head", "get", "put"] as const;

/** GET from get, getJson, GetAsync, getForEntity, GetFromJsonAsync; ANY when unclear. */
export function methodFromName(name: string): string {
  const lower = name.toLowerCase();
  const word = METHOD_WORDS.find((w) => lower.startsWith(w));
  return word === undefined ? "ANY" : word.toUpperCase();
}

/** A Go request's method: http.MethodGet, a router's echo.GET, or "GET" (groups 1, 2, 3). */
export const GO_METHOD =
  '\\w+\\.Method(\\w+)|\\w+\\.(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\b|"(\\w+)"';
/** Django's reverse("blog:post-detail", …) of a named route: the name in group `name`. */
export const REVERSE_CALL = `reverse(?:_lazy)?\\s*\\(\\s*(?<q>['"])(?<name>[\\w:.-]+)\\k<q>`;

/**
 * The path of a controller test's action (`post :create` in `describe Api::V1::ArticlesController`),
 * or `#create` when the controller or the action's route is not known.
 */
export function controllerActionPath(site: CallSite, action: string): string {
  const controller = /\b(?:describe|class)\s+((?:[A-Z]\w*::)*[A-Z]\w*?)Controller\b/.exec(
    site.file.text,
  )?.[1];
  return (
    (controller === undefined
      ? undefined
      : site.routeNames.get(`${underscore(controller)}#${action}`)) ?? `#${action}`
  );
}

/** rswag's `path '/v1/tasks/{id}' do` block, whose operations the specs inside run. */
const RSWAG_PATH = /^[ \t]*path[ \t]+(['"])(\/[^'"\n]*)\1[ \t]+do\b/gm;

/**
 * The path of a Rails spec's verb call: a literal path, or in an rswag spec (`path '/v1/tasks'
 * do … post 'Create a task' do … run_test!`), where the verb's string is the operation's summary,
 * the path of the `path` block around it.
 */
export function rswagPath(
  text: string,
  at: number,
  literal: string | undefined,
): string | undefined {
  if (literal === undefined || literal.startsWith("/") || !text.includes("run_test!"))
    return literal;
  let path: string | undefined;
  for (const p of text.matchAll(RSWAG_PATH)) {
    if (p.index > at) break;
    path = p[2];
  }
  return path ?? literal;
}

/** The path of a named route, tried with its namespaces and, if that fails, by its last name. */
export function namedRoutePath(site: CallSite, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const exact = site.routeNames.get(name);
  if (exact !== undefined) return exact;
  // A namespace the URLconfs set in a way not read (a variable): one route of that name.
  const bare = name.slice(name.lastIndexOf(":") + 1);
  const found = [...site.routeNames].filter(([key]) => key === bare || key.endsWith(`:${bare}`));
  return found.length === 1 ? found[0]?.[1] : undefined;
}

/**
 * The route name a variable holds: `url = reverse("post-list")` nearest before `at`, or for an
 * attribute (`self.url`, set in setUp or as a class attribute) the nearest before, else the first
 * after. The value may also come from a helper (`url = detail_url(tag.id)`), and the call may be
 * of one (`self.url()`): the first reverse() in that function is the name.
 */
export function reversedInto(
  text: string,
  variable: string,
  called: boolean,
  at: number,
): string | undefined {
  if (!text.includes("reverse")) return undefined;
  if (called) return reverseInFunction(text, variable.slice(variable.lastIndexOf(".") + 1), at);
  // A local variable, or an attribute set on self; `self.url` is also the class attribute
  // `url = reverse(…)`, written less indented than the methods that read it.
  const attribute = variable.startsWith("self.");
  const bare = attribute ? variable.slice(5) : variable;
  const lineStart = text.lastIndexOf("\n", at) + 1;
  const callIndent = /^[ \t]*/.exec(text.slice(lineStart, at))?.[0].length ?? 0;
  const re = new RegExp(
    `^([ \\t]*)(self\\.)?${esc(bare)}[ \\t]*=[ \\t]*(?:${REVERSE_CALL}|(?:self\\.)?([A-Za-z_]\\w*)[ \\t]*\\()`,
    "gm",
  );
  let before: RegExpExecArray | undefined;
  let after: RegExpExecArray | undefined;
  for (const m of text.matchAll(re)) {
    const fits = attribute
      ? m[2] !== undefined || (m[1] ?? "").length < callIndent
      : m[2] === undefined;
    if (!fits) continue;
    if (m.index < at) before = m;
    else after ??= m;
  }
  const found = before ?? (attribute ? after : undefined);
  if (found === undefined) return undefined;
  const helper = found[5];
  return (
    found.groups?.name ??
    (helper === undefined ? undefined : reverseInFunction(text, helper, found.index))
  );
}

/** The first reverse() name in `def <name>(`, the nearest definition before `at` (else the first). */
function reverseInFunction(text: string, name: string, at: number): string | undefined {
  if (name === "reverse" || name === "reverse_lazy") return undefined;
  const defs = [...text.matchAll(new RegExp(`^[ \\t]*def[ \\t]+${esc(name)}[ \\t]*\\(`, "gm"))];
  const start = (defs.filter((d) => d.index < at).at(-1) ?? defs[0])?.index;
  if (start === undefined) return undefined;
  const next = /\n[ \t]*(?:def|class)[ \t]/.exec(text.slice(start + 1));
  const body = text.slice(start, next === null ? undefined : start + 1 + next.index);
  return new RegExp(REVERSE_CALL).exec(body)?.groups?.name;
}

/** The most pieces a concatenated path is followed through. */
const MAX_CONCATENATED = 8;
/** A variable, a property chain or a call (`id`, `user.getId()`, `$post->id`, `str(pk)`). */
const OPERAND = /^[$\w]+(?:(?:\.|->)\w+|\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])*/;

/**
 * The path of a call whose literal is continued by concatenation (`"/users/" + id`,
 * `"http://localhost:" + port + "/oups"`, PHP's `'/posts/' . $post->id`): each operand that is
 * not a literal becomes `${}`, which tested-endpoints reads as a placeholder. Only where the
 * literal ends the pattern's match, as the path does in most patterns.
 */
export function continuedPath(file: SourceFile, m: RegExpExecArray, literal: string): string {
  const end = m.index + m[0].length;
  const quote = file.text.charAt(end - 1);
  if (!`"'\``.includes(quote) || !m[0].endsWith(literal + quote)) return literal;
  return concatenated(file.text, end, literal, file.ext === "php");
}

/** `literal` followed, from `at`, by `+ operand` or `+ "literal"` pieces (PHP: `.`). */
function concatenated(text: string, at: number, literal: string, php = false): string {
  // PHP joins strings with "."; elsewhere a "." after a string calls one of its methods.
  const operator = php ? /^\s*\.\s*/ : /^\s*\+\s*/;
  let path = literal;
  for (let pieces = 0; pieces < MAX_CONCATENATED; pieces++) {
    const op = operator.exec(text.slice(at, at + 40));
    if (op === null) break;
    const rest = text.slice(at + op[0].length, at + op[0].length + 300);
    const next = /^(["'`])([^"'`\n]*)\1/.exec(rest) ?? OPERAND.exec(rest);
    if (next === null || next[0] === "") break;
    // An operand glued to a segment (`"/users" + query`) adds a query or a suffix, not a
    // segment: the path ends there.
    if (next[2] === undefined && !/[/:]$/.test(path)) break;
    path += next[2] ?? "${}";
    at += op[0].length + next[0].length;
  }
  return path;
}

/**
 * The path of the Go string expression at `at`: a literal, possibly after the test server's URL
 * and continued by `+` (`ts.URL + "/users/" + id`), or the format of `fmt.Sprintf("/users/%d", id)`.
 */
export function goPathAt(text: string, at: number): string | undefined {
  const m =
    /^(?:fmt\.Sprintf\s*\(\s*"([^"\n]*)"|(?:(?:\w+\.){0,3}\w+\.URL\s*\+\s*)?"([^"\n]*)")/.exec(
      text.slice(at, at + 300),
    );
  if (m === null) return undefined;
  return m[1] ?? concatenated(text, at + m[0].length, m[2] ?? "");
}

/**
 * The calls a Go request makes whose URL is a variable: a local one assigned a path before the
 * call (`url := fmt.Sprintf("/v1/article/%d", id)`), or a field of a table-driven test's entries
 * (`tc.url`, each entry's `url: "/api/x"`, or the field's position in unkeyed entries
 * `{"list", "GET", "/api/x"}`), its method then the entry's own (`tc.method`) unless the call
 * names one. Tables and helper calls are looked for in the other test files of the package too.
 */
export function goVariableCalls(
  site: CallSite,
  at: number,
  variable: string,
  method: string | undefined,
  methodVariable: string | undefined,
): GoCall[] {
  const { file } = site;
  const text = file.text;
  const files = [file, ...(site.goPackage?.(file) ?? [])];
  // A helper that is no test file is shared: its table type's literals are in any test.
  const tableUses = file.path.endsWith("_test.go") ? undefined : site.goTestFiles?.();
  const dot = variable.lastIndexOf(".");
  if (dot < 0) {
    // Assigned in the function that makes the request, else one of its parameters.
    const func = text.lastIndexOf("\nfunc ", at) + 1;
    let value: number | undefined;
    const assigned = new RegExp(`\\b${esc(variable)}[ \\t]*:?=(?!=)[ \\t]*`, "g");
    for (const a of text.slice(func, at).matchAll(assigned)) value = func + a.index + a[0].length;
    if (value === undefined) return helperCalls(files, func, variable, method, methodVariable);
    const path = goPathAt(text, value);
    if (path !== undefined) return [[method ?? "ANY", path]];
    // `url := srv.URL + tt.url`: a test table's field, after the test server's URL or alone.
    const field =
      /^(?:[\w.]+\.URL[ \t]*\+[ \t]*)?([A-Za-z_]\w*\.[A-Za-z_]\w*)[ \t]*(?:$|[\n;)])/m.exec(
        text.slice(value, value + 200),
      );
    return field?.[1] === undefined
      ? []
      : scopedTableCalls(files, at, field[1], method, methodVariable, tableUses);
  }
  return scopedTableCalls(files, at, variable, method, methodVariable, tableUses);
}

/**
 * The table calls of a request made at `at` in `files[0]`: from the tables of the function that
 * makes it when one has the field (several tests of a file often share field names), else from
 * the package's files.
 */
function scopedTableCalls(
  files: readonly SourceFile[],
  at: number,
  variable: string,
  method: string | undefined,
  methodVariable: string | undefined,
  tableUses?: readonly SourceFile[],
): GoCall[] {
  const own = files[0];
  if (own === undefined) return [];
  const start = own.text.lastIndexOf("\nfunc ", at) + 1;
  const next = own.text.indexOf("\nfunc ", at);
  const func = { ...own, text: own.text.slice(start, next < 0 ? undefined : next) };
  const local = tableCalls([func], variable, method, methodVariable);
  return local.length > 0 ? local : tableCalls(files, variable, method, methodVariable, tableUses);
}

/**
 * The calls made with a field of a test table's entries (`tc.url`, `tc.method`), read from the
 * entries in `files`, keyed or unkeyed; the unkeyed literals of a named table type in
 * `tableUses` when given.
 */
function tableCalls(
  files: readonly SourceFile[],
  variable: string,
  method: string | undefined,
  methodVariable: string | undefined,
  tableUses?: readonly SourceFile[],
): GoCall[] {
  const dot = variable.lastIndexOf(".");
  const field = variable.slice(dot + 1);
  const methodField =
    method === undefined && methodVariable?.includes(".") === true
      ? methodVariable.slice(methodVariable.lastIndexOf(".") + 1)
      : undefined;
  const calls: GoCall[] = [];
  const methodOf = (entryMethod: string | undefined) =>
    method ?? (entryMethod === undefined ? "ANY" : methodFromName(entryMethod));
  for (const f of files) {
    for (const k of f.text.matchAll(new RegExp(`\\b${esc(field)}[ \\t]*:[ \\t]*`, "g"))) {
      if (calls.length >= MAX_TABLE_ENTRIES) break;
      const path = goPathAt(f.text, k.index + k[0].length);
      if (path === undefined) continue;
      const entry = methodField === undefined ? "" : enclosingBraces(f.text, k.index);
      const named = new RegExp(`\\b${esc(methodField ?? "")}[ \\t]*:[ \\t]*(?:${GO_METHOD})`).exec(
        entry,
      );
      calls.push([methodOf(named === null ? undefined : (named[1] ?? named[2] ?? named[3])), path]);
    }
  }
  const methodValue = new RegExp(`^(?:${GO_METHOD})$`);
  for (const entry of unkeyedEntries(files, field, methodField, tableUses)) {
    if (calls.length >= MAX_TABLE_ENTRIES) break;
    const path = goPathAt(entry.url, 0);
    if (path === undefined) continue;
    const named = methodValue.exec(entry.method ?? "");
    calls.push([methodOf(named === null ? undefined : (named[1] ?? named[2] ?? named[3])), path]);
  }
  return calls;
}

/**
 * A Go request read: method, path, and where it is made when not at the match (a helper's
 * caller), in `file` when that is another file of the package.
 */
export type GoCall = readonly [string, string, number?, SourceFile?];

/** The most calls of a request helper read. */
const MAX_HELPER_CALLS = 50;

/**
 * The requests a test helper makes for its callers in the package's test files, when the URL is
 * one of the parameters of `func testRequest(t *testing.T, ts *httptest.Server, method, path
 * string, …)`: each call's literal argument at that position (`testRequest(t, ts, "POST",
 * "/login", req)`) or the entries of the test table whose field it is (`v.url`), the method
 * from the method parameter's argument when it is one too.
 */
function helperCalls(
  files: readonly SourceFile[],
  func: number,
  variable: string,
  method: string | undefined,
  methodVariable: string | undefined,
): GoCall[] {
  const own = files[0];
  if (own === undefined) return [];
  const head = /^func[ \t]+(\w+)[ \t]*\(([^()]*)\)/.exec(own.text.slice(func, func + 500));
  if (head === null) return [];
  const name = head[1] ?? "";
  const params = (head[2] ?? "").split(",").map((p) => /^\s*(\w+)/.exec(p)?.[1]);
  const urlAt = params.indexOf(variable);
  if (urlAt < 0) return [];
  const methodAt = methodVariable === undefined ? -1 : params.indexOf(methodVariable);
  const calls: GoCall[] = [];
  const call = new RegExp(`(?<!func[ \\t]+)\\b${esc(name)}[ \\t]*\\(`, "g");
  for (const file of files) {
    if (!file.text.includes(name)) continue;
    for (const c of file.text.matchAll(call)) {
      if (calls.length >= MAX_HELPER_CALLS) break;
      const args = argumentsAt(file.text, c.index + c[0].length);
      const url = args[urlAt] ?? "";
      const given = new RegExp(`^(?:${GO_METHOD})$`).exec(args[methodAt] ?? "");
      const named = given === null ? undefined : (given[1] ?? given[2] ?? given[3]);
      const callMethod = method ?? (named === undefined ? undefined : methodFromName(named));
      const where = file === own ? undefined : file;
      const path = /^(?:"([^"]*)"|fmt\.Sprintf\s*\(\s*"([^"]*)")/.exec(url);
      if (path !== null) {
        calls.push([callMethod ?? "ANY", path[1] ?? path[2] ?? "", c.index, where]);
      } else if (/^[A-Za-z_]\w*\.[A-Za-z_]\w*$/.test(url)) {
        // The caller passes a test table's fields (`testRequest(t, ts, v.method, v.url)`).
        const callerFirst = [file, ...files.filter((f) => f !== file)];
        for (const [m, p] of scopedTableCalls(
          callerFirst,
          c.index,
          url,
          callMethod,
          args[methodAt],
        )) {
          calls.push([m, p, c.index, where]);
        }
      }
    }
  }
  return calls;
}

/** The arguments, trimmed, of the call whose "(" is the last one before `at`; [] if unclosed. */
export function argumentsAt(text: string, at: number): string[] {
  const open = text.lastIndexOf("(", at - 1);
  const close = open === -1 ? -1 : matchBracket(text, open);
  return close === -1 ? [] : splitTopLevel(text.slice(open + 1, close)).map((a) => a.trim());
}

/** The most entries of a test table read for one request. */
const MAX_TABLE_ENTRIES = 50;
/** How far a table entry's braces are looked for around one of its fields. */
const MAX_ENTRY = 1500;

/** The text inside the innermost `{…}` around `at` (a composite literal's entry), bounded. */
function enclosingBraces(text: string, at: number): string {
  let depth = 0;
  let start = -1;
  for (let i = at - 1; i >= Math.max(0, at - MAX_ENTRY); i--) {
    const c = text.charAt(i);
    if (c === "}") depth++;
    else if (c === "{" && depth-- === 0) {
      start = i + 1;
      break;
    }
  }
  if (start < 0) return "";
  depth = 0;
  for (let i = at; i < Math.min(text.length, at + MAX_ENTRY); i++) {
    const c = text.charAt(i);
    if (c === "{") depth++;
    else if (c === "}" && depth-- === 0) return text.slice(start, i);
  }
  return "";
}

/**
 * The path a JVM test passes as an expression of string constants (`private static final String
 * BASE_URL = "/api/users";` … `get(BASE_URL + "/{id}", id)`), each other operand
 * (`BASE_URL + "/" + user.getId()`) a placeholder; undefined when the expression does not start
 * with a known constant. The test file's own constants come first; `project` holds those of the
 * repository's other files (`ApiPaths.USERS`, `UserController.BASE_URL`, a static import).
 */
export function constantPath(
  file: SourceFile,
  at: number,
  tables: Map<SourceFile, ConstantTable>,
  project: () => ConstantTable,
): string | undefined {
  const argument = argumentsAt(file.text, at)[0];
  if (argument === undefined) return undefined;
  const kotlin = file.ext === "kt";
  // A variable the test set before the call (`String url = BASE_URL + "/" + id;`, Kotlin's
  // `"$base/1"`) stands for its value.
  const first = /^(?:"\$\{?)?[a-z_]/.test(argument)
    ? withLocalValues(maskedText(file), at, argument, kotlin)
    : argument;
  // BASE_URL + "/{id}", or in Kotlin a template: "$ARTICLES/{slug}", "${Paths.API}/users"
  const template = kotlin && first.includes("$") && isStringExpression(first);
  if (!template && !/^(?:[A-Za-z_][\w.]*|"[^"\n]*")\s*(?:\+|$)/.test(first)) return undefined;
  let table = tables.get(file);
  if (table === undefined) {
    table = new ConstantTable(project);
    table.addFile(maskedText(file));
    tables.set(file, table);
  }
  const path = table.evaluate(first).value.replace(/<[^<>]*>/g, "${}");
  return path.startsWith("/") || /^https?:\/\//.test(path) ? path : undefined;
}

const masked = new WeakMap<SourceFile, string>();
/** A Java or Kotlin file's text with its comments masked, kept for the file's next calls. */
function maskedText(file: SourceFile): string {
  let text = masked.get(file);
  if (text === undefined) {
    text = maskComments(file.text, file.ext === "kt" ? "kotlin" : "java");
    masked.set(file, text);
  }
  return text;
}

/** The string constants of every Java and Kotlin file, each file read on the first lookup. */
export function jvmProjectConstants(files: readonly SourceFile[]): ConstantTable {
  const table = new ConstantTable();
  for (const file of files) {
    if (!JVM_EXTS.includes(file.ext) || !mayHoldConstants(file)) continue;
    table.addLazy(() => maskComments(file.text, file.ext === "kt" ? "kotlin" : "java"));
  }
  return table;
}
