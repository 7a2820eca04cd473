/**
 * The small toolkit every signal detector shares: evidence lists with a cap, "line of a
 * substring", import patterns per language, and a rule runner that walks the files once per
 * detector, indexed by extension, with a cheap `includes` test before any regex.
 */
import type { Evidence, SignalResult } from "../../report.js";
import {
  evidence,
  lineAt,
  type FileRole,
  type ScanContext,
  type SourceFile,
} from "../../scan-context.js";
import {
  firstLineMatch,
  indexOfNeedle,
  lineView,
  needle,
  type LineView,
  type Needle,
} from "../stack-text/keyword-search.js";
import { inSlashComment } from "../stack-text/mask-comments.js";
import { dependencyEvidence } from "../manifests/dependency-index.js";
import { frontEndFiles } from "../../front-end-files.js";

/** Enough evidence for a reader to check a finding; more only makes the report longer. */
export const MAX_EVIDENCE = 5;

export const JS_EXTS = ["js", "jsx", "ts", "tsx", "mjs", "cjs", "mts", "cts", "vue", "svelte"];
export const PY_EXTS = ["py"];
export const JVM_EXTS = ["java", "kt", "scala", "groovy"];
export const GO_EXTS = ["go"];
export const RB_EXTS = ["rb", "erb", "rake"];
export const PHP_EXTS = ["php"];
export const CS_EXTS = ["cs"];
export const RS_EXTS = ["rs"];
export const CONFIG_EXTS = [
  "yml",
  "yaml",
  "properties",
  "toml",
  "ini",
  "json",
  "xml",
  "conf",
  "cfg",
];

/** 1-based line of the first occurrence of `needle` at or after `from`; 0 when absent. */
export function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  return at === -1 ? 0 : lineAt(text, at);
}

export function fileEvidence(file: SourceFile, note?: string): Evidence {
  return note === undefined ? { file: file.path, line: 0 } : { file: file.path, line: 0, note };
}

/** Evidence pointing at the first match of `re` in the file, or undefined. */
export function matchEvidence(file: SourceFile, re: RegExp, note?: string): Evidence | undefined {
  re.lastIndex = 0;
  const m = re.exec(file.text);
  return m === null ? undefined : evidence(file, m.index, note);
}

export function boolSignal(evidenceList: readonly Evidence[]): SignalResult<boolean> {
  return evidenceList.length > 0
    ? { value: true, evidence: evidenceList.slice(0, MAX_EVIDENCE) }
    : { value: false, evidence: [] };
}

/** A list signal: sorted ids, evidence capped per id so one busy id cannot hide the others. */
export function listSignal(
  found: ReadonlyMap<string, readonly Evidence[]>,
): SignalResult<string[]> {
  const ids = [...found.keys()].filter((id) => (found.get(id) ?? []).length > 0).sort();
  return {
    value: ids,
    evidence: ids.flatMap((id) =>
      (found.get(id) ?? []).slice(0, MAX_EVIDENCE).map((e) => ({ ...e, note: e.note ?? id })),
    ),
  };
}

/** `s` as a literal inside a RegExp. */
export const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** A place in source or config that shows something is used. */
export interface SourcePattern {
  /** file extensions (lower-case, no dot) the pattern applies to */
  readonly exts?: readonly string[];
  /** exact lower-case base names the pattern applies to (e.g. "dockerfile") */
  readonly names?: readonly string[];
  /** cheap, case-sensitive prefilter: the file must contain it before `re` runs */
  readonly keyword: string;
  /** the confirming pattern; when absent the keyword alone is the evidence */
  readonly re?: RegExp;
  readonly note?: string;
  /** the match lies on the keyword's line (imports): only those lines are searched */
  readonly line?: boolean;
  /**
   * With `line`: words of which the matching line always holds one (`import`, `using`). The
   * keyword is then looked for only on the file's lines with such a word, a view built once per
   * file and shared by every rule, instead of across the whole file for each rule.
   */
  readonly lineWords?: readonly string[];
  /** base names the pattern does not apply to (a framework's generated defaults) */
  readonly skipNames?: readonly string[];
  /** repository paths the pattern does not apply to (CI pipelines, for a config pattern) */
  readonly skipPaths?: RegExp;
  /**
   * A word the file must also hold, anywhere (the library's import, which the window around
   * the keyword may not reach): a Django model's `class Post(BaseModel)` is no pydantic model.
   */
  readonly fileHolds?: string;
}

// The words without which each import pattern's regex cannot match on a line.
const JS_IMPORT_WORDS = ["from", "require", "import"];
const IMPORT_WORD = ["import"];
const USING_WORD = ["using"];
const USE_WORD = ["use"];

export function jsImport(module: string, note?: string): SourcePattern {
  const re = new RegExp(
    `(?:\\bfrom\\s*|\\brequire\\(\\s*|\\bimport\\(\\s*|\\bimport\\s+)['"\`]${esc(module)}(?:/[^'"\`]*)?['"\`]`,
  );
  return {
    exts: JS_EXTS,
    keyword: module,
    re,
    note: note ?? `imports ${module}`,
    line: true,
    lineWords: JS_IMPORT_WORDS,
  };
}

export function pyImport(module: string, note?: string): SourcePattern {
  const re = new RegExp(
    `^[ \\t]*(?:from[ \\t]+${esc(module)}(?:\\.[\\w.]+)?[ \\t]+import\\b|import[ \\t]+${esc(module)}\\b)`,
    "m",
  );
  return {
    exts: PY_EXTS,
    keyword: module,
    re,
    note: note ?? `imports ${module}`,
    line: true,
    lineWords: IMPORT_WORD,
  };
}

export function jvmImport(pkg: string, note?: string): SourcePattern {
  const re = new RegExp(`^[ \\t]*import[ \\t]+(?:static[ \\t]+)?${esc(pkg)}`, "m");
  return {
    exts: JVM_EXTS,
    keyword: pkg,
    re,
    note: note ?? `imports ${pkg}`,
    line: true,
    lineWords: IMPORT_WORD,
  };
}

export function goImport(path: string, note?: string): SourcePattern {
  const re = new RegExp(`"${esc(path)}(?:/[^"]*)?"`);
  return { exts: GO_EXTS, keyword: path, re, note: note ?? `imports ${path}`, line: true };
}

export function csUsing(ns: string, note?: string): SourcePattern {
  // Visual Studio starts C# files with a byte order mark, before the first line's `using`.
  const re = new RegExp(`^\uFEFF?[ \\t]*(?:global[ \\t]+)?using[ \\t]+${esc(ns)}\\b`, "m");
  return {
    exts: CS_EXTS,
    keyword: ns,
    re,
    note: note ?? `uses ${ns}`,
    line: true,
    lineWords: USING_WORD,
  };
}

export function phpUse(ns: string, note?: string): SourcePattern {
  const re = new RegExp(`^[ \\t]*use[ \\t]+\\\\?${esc(ns)}`, "m");
  return {
    exts: PHP_EXTS,
    keyword: ns,
    re,
    note: note ?? `uses ${ns}`,
    line: true,
    lineWords: USE_WORD,
  };
}

/** A usage pattern in the given extensions, confirmed by `re` when given. */
export function code(
  exts: readonly string[],
  keyword: string,
  re?: RegExp,
  note?: string,
): SourcePattern {
  return { exts, keyword, re, note: note ?? keyword };
}

/**
 * `code()` for a pattern that lies on the keyword's own line: the regex runs on those lines
 * only, not on a window around each occurrence, which matters for a keyword as common as "Id".
 */
export function codeOnLine(
  exts: readonly string[],
  keyword: string,
  re: RegExp,
  note: string,
): SourcePattern {
  return { ...code(exts, keyword, re, note), line: true };
}

/**
 * `re` on a line that is not commented out (`#`, `!`, `//`, `/*`, `*`, `<!--`): configuration
 * often keeps what it switched away from as a comment (`#url=jdbc:h2:mem:test` above the HSQLDB
 * URL in use), and generated code lists options in comments. Multiline, to run on a window of
 * several lines or a whole file as well as on one line.
 */
export function onUncommentedLine(re: RegExp): RegExp {
  const flags = re.flags.includes("m") ? re.flags : `${re.flags}m`;
  return new RegExp(`^(?![ \\t]*(?:#|!|//|/?\\*|<!--))[^\\n]*?(?:${re.source})`, flags);
}

/** A pattern in files with the given base names. */
export function named(
  names: readonly string[],
  keyword: string,
  re?: RegExp,
  note?: string,
): SourcePattern {
  return { names, keyword, re, note: note ?? keyword };
}

/**
 * One finding (an ORM, a JWT library, …): it counts when `uses` match in files of the allowed
 * roles; declared dependencies add evidence, and count on their own only with `declaredCounts`
 * (a dependency that is never imported is weak evidence for most areas). With "runtime", only
 * declarations the application runs with count and are evidence: a driver in Maven's test scope
 * or in devDependencies serves the tests, not the application.
 */
export interface Rule {
  readonly id: string;
  /** ecosystem-qualified dependency keys ("npm:pg", "pypi:bcrypt"), see dependency-index.ts */
  readonly deps?: readonly string[];
  readonly uses?: readonly SourcePattern[];
  readonly declaredCounts?: boolean | "runtime";
}

interface IndexedPattern {
  readonly rule: number;
  readonly pattern: SourcePattern;
  readonly needle: Needle;
}

export interface CompiledRules {
  readonly rules: readonly Rule[];
  readonly byExt: ReadonlyMap<string, readonly IndexedPattern[]>;
  readonly byName: ReadonlyMap<string, readonly IndexedPattern[]>;
}

/** Indexes the rules' patterns by extension and file name once, at module load. */
export function compileRules(rules: readonly Rule[]): CompiledRules {
  const byExt = new Map<string, IndexedPattern[]>();
  const byName = new Map<string, IndexedPattern[]>();
  const push = (map: Map<string, IndexedPattern[]>, key: string, entry: IndexedPattern): void => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  rules.forEach((rule, index) => {
    for (const pattern of rule.uses ?? []) {
      const n = needle(pattern.keyword);
      for (const ext of pattern.exts ?? []) push(byExt, ext, { rule: index, pattern, needle: n });
      for (const name of pattern.names ?? [])
        push(byName, name, { rule: index, pattern, needle: n });
    }
  });
  return { rules, byExt, byName };
}

export interface RuleResult {
  /** usage evidence, in file order */
  readonly used: readonly Evidence[];
  /** declaration evidence from manifests */
  readonly declared: readonly Evidence[];
  readonly found: boolean;
}

const APP_ONLY: readonly FileRole[] = ["app"];

/**
 * Runs compiled rules over the files of the given roles (application code by default).
 * Each rule stops collecting after MAX_EVIDENCE usages, so busy patterns cost no more than that.
 */
export function runRules(
  ctx: ScanContext,
  compiled: CompiledRules,
  roles: readonly FileRole[] = APP_ONLY,
  skipped?: ReadonlySet<string>,
): Map<string, RuleResult> {
  return runOver(ctx, compiled, roles, skipped);
}

/**
 * runRules for facts about a backend (validation, auth, logging, caching…): application code
 * that is not front-end (see front-end-files.ts), so a React form or a Playwright config is no
 * evidence of them, nor is a web client's package.json declaring the library.
 */
export function runBackendRules(
  ctx: ScanContext,
  compiled: CompiledRules,
): Map<string, RuleResult> {
  return runOver(ctx, compiled, APP_ONLY, frontEndFiles(ctx));
}

function runOver(
  ctx: ScanContext,
  compiled: CompiledRules,
  roles: readonly FileRole[],
  skipped: ReadonlySet<string> | undefined,
): Map<string, RuleResult> {
  const used: Evidence[][] = compiled.rules.map(() => []);
  for (const file of ctx.files) {
    if (!roles.includes(file.role) || skipped?.has(file.path) === true) continue;
    const byExt = file.ext === "" ? undefined : compiled.byExt.get(file.ext);
    const byName = compiled.byName.get(file.name);
    if (byExt) matchPatterns(file, byExt, used);
    if (byName) matchPatterns(file, byName, used);
  }
  const results = new Map<string, RuleResult>();
  compiled.rules.forEach((rule, index) => {
    const runtime = rule.declaredCounts === "runtime";
    const declaredAll = dependencyEvidence(ctx, rule.deps ?? [], runtime ? "prod" : undefined);
    const declared = skipped ? declaredAll.filter((e) => !skipped.has(e.file)) : declaredAll;
    const usedHere = used[index] ?? [];
    const declaredCounts = rule.declaredCounts === true || runtime;
    const found = usedHere.length > 0 || (declaredCounts && declared.length > 0);
    const previous = results.get(rule.id);
    // Several rules may share an id (one per ecosystem); their parts add up.
    results.set(
      rule.id,
      previous
        ? {
            used: [...previous.used, ...usedHere],
            declared: [...previous.declared, ...declared],
            found: previous.found || found,
          }
        : { used: usedHere, declared, found },
    );
  });
  return results;
}

function matchPatterns(
  file: SourceFile,
  patterns: readonly IndexedPattern[],
  used: Evidence[][],
): void {
  // The line view of the file for the last words asked about: a file's patterns nearly always
  // share one list of words (their language's import keyword).
  let words: readonly string[] | undefined;
  let view: LineView | undefined;
  for (const { rule, pattern, needle: n } of patterns) {
    const list = used[rule];
    if (list === undefined || list.length >= MAX_EVIDENCE) continue;
    if (pattern.skipNames?.includes(file.name) === true) continue;
    if (pattern.skipPaths?.test(file.path) === true) continue;
    if (pattern.lineWords !== undefined && pattern.lineWords !== words) {
      words = pattern.lineWords;
      view = lineView(file, file.text, words);
    }
    const e = findWith(file, pattern, n, pattern.lineWords === undefined ? undefined : view);
    // Two patterns of one rule may find the same line (`user.role !== 'ADMIN'` is both a role
    // read and a comparison with a role name): it is one piece of evidence.
    if (e && !list.some((x) => x.file === e.file && x.line === e.line)) list.push(e);
  }
}

/** How far around a keyword a confirming regex may reach (patterns are written to fit). */
const WINDOW_BEFORE = 200;
const WINDOW_AFTER = 600;
const WINDOW_STEP = 200;

/**
 * The first place the pattern matches. The regex runs only on windows around the keyword's
 * occurrences (starting at a line start, so `^` keeps its meaning), never over a whole large file.
 */
export function findPattern(file: SourceFile, pattern: SourcePattern): Evidence | undefined {
  const view = pattern.lineWords && lineView(file, file.text, pattern.lineWords);
  return findWith(file, pattern, needle(pattern.keyword), view);
}

/** Languages whose comments are `//` and `/* … *\/`: an import in their comments is none. */
const SLASH_COMMENT_EXTS = new Set([
  ...JS_EXTS,
  ...JVM_EXTS,
  ...GO_EXTS,
  ...CS_EXTS,
  ...PHP_EXTS,
  ...RS_EXTS,
]);

/** findPattern with the keyword's needle and, for a pattern with lineWords, their line view. */
function findWith(
  file: SourceFile,
  pattern: SourcePattern,
  n: Needle,
  view: LineView | undefined,
): Evidence | undefined {
  const { text } = file;
  const { keyword, re, note } = pattern;
  if (pattern.fileHolds !== undefined && !text.includes(pattern.fileHolds)) return undefined;
  if (re !== undefined && keyword !== "" && pattern.line === true && view !== undefined) {
    const skip = SLASH_COMMENT_EXTS.has(file.ext)
      ? (o: number) => inSlashComment(text, o)
      : undefined;
    const at = firstLineMatch(text, view, n, re, skip);
    return at === -1 ? undefined : evidence(file, at, note);
  }
  let at = indexOfNeedle(text, n);
  if (at === -1) return undefined;
  if (re === undefined) return evidence(file, at, note);
  if (keyword === "") return matchEvidence(file, re, note);
  while (at !== -1 && pattern.line === true) {
    const start = text.lastIndexOf("\n", at) + 1;
    const newline = text.indexOf("\n", at);
    const end = newline === -1 ? text.length : newline;
    re.lastIndex = 0;
    const m = re.exec(text.slice(start, end));
    if (m) return evidence(file, start + m.index, note);
    at = newline === -1 ? -1 : indexOfNeedle(text, n, end);
  }
  while (at !== -1) {
    const start = text.lastIndexOf("\n", Math.max(0, at - WINDOW_BEFORE)) + 1;
    const end = Math.min(text.length, at + keyword.length + WINDOW_AFTER);
    re.lastIndex = 0;
    const m = re.exec(text.slice(start, end));
    if (m) return evidence(file, start + m.index, note);
    at = indexOfNeedle(text, n, at + WINDOW_STEP);
  }
  return undefined;
}

/** The ids of the found rules with their usage evidence first, then declarations. */
export function foundEvidence(results: ReadonlyMap<string, RuleResult>): Map<string, Evidence[]> {
  const out = new Map<string, Evidence[]>();
  for (const [id, r] of results) {
    if (r.found) out.set(id, [...r.used, ...r.declared]);
  }
  return out;
}

/** All evidence of the found rules, usage first, as one list (for boolean signals). */
export function flatEvidence(results: ReadonlyMap<string, RuleResult>): Evidence[] {
  const usage: Evidence[] = [];
  const declared: Evidence[] = [];
  for (const r of results.values()) {
    if (!r.found) continue;
    usage.push(...r.used);
    declared.push(...r.declared);
  }
  return [...usage, ...declared];
}
