/**
 * Which language a file is in (by name, then extension), and how that language writes comments
 * and strings, for cloc-style line counting.
 */

export interface CommentSyntax {
  /** markers that comment out the rest of the line */
  readonly line: readonly string[];
  /** [open, close] pairs */
  readonly block: readonly (readonly [string, string])[];
  /** quote characters of single-line strings (backslash escapes) */
  readonly quotes: readonly string[];
  /** delimiters of strings that may span lines (``` ` ```, `"""`) */
  readonly multiline: readonly string[];
  /** Python: a line that starts with a triple-quoted string is a docstring, counted as comment */
  readonly docstrings?: boolean;
}

/**
 * programming: counts toward the application's code/comment totals and is "code" for git history
 * figures; markup, data (config, schemas, build files) and prose do not.
 */
export type LanguageKind = "programming" | "markup" | "data" | "prose";

export interface Language {
  readonly name: string;
  readonly kind: LanguageKind;
  readonly syntax: CommentSyntax;
}

const C_QUOTES = ['"', "'"];
const C_LIKE: CommentSyntax = {
  line: ["//"],
  block: [["/*", "*/"]],
  quotes: C_QUOTES,
  multiline: [],
};
const JS_LIKE: CommentSyntax = { ...C_LIKE, multiline: ["`"] };
const HASH: CommentSyntax = { line: ["#"], block: [], quotes: C_QUOTES, multiline: [] };
const NONE: CommentSyntax = { line: [], block: [], quotes: [], multiline: [] };
const HTML: CommentSyntax = { line: [], block: [["<!--", "-->"]], quotes: [], multiline: [] };
// Single-file components: markup comments plus the script's comments.
const SFC: CommentSyntax = {
  line: ["//"],
  block: [
    ["<!--", "-->"],
    ["/*", "*/"],
  ],
  quotes: [],
  multiline: [],
};

const lang = (name: string, kind: LanguageKind, syntax: CommentSyntax): Language => ({
  name,
  kind,
  syntax,
});

const TYPESCRIPT = lang("TypeScript", "programming", JS_LIKE);
const JAVASCRIPT = lang("JavaScript", "programming", JS_LIKE);
const PYTHON = lang("Python", "programming", {
  ...HASH,
  multiline: ['"""', "'''"],
  docstrings: true,
});
const SHELL = lang("Shell", "programming", HASH);
const C = lang("C", "programming", C_LIKE);
const CPP = lang("C++", "programming", C_LIKE);
const CSS = lang("CSS", "markup", { ...NONE, block: [["/*", "*/"]], quotes: C_QUOTES });
const SCSS = lang("SCSS", "markup", C_LIKE);
const YAML = lang("YAML", "data", HASH);
const MARKDOWN = lang("Markdown", "prose", HTML);

const BY_EXTENSION: ReadonlyMap<string, Language> = new Map<string, Language>([
  ["ts", TYPESCRIPT],
  ["tsx", TYPESCRIPT],
  ["mts", TYPESCRIPT],
  ["cts", TYPESCRIPT],
  ["js", JAVASCRIPT],
  ["jsx", JAVASCRIPT],
  ["mjs", JAVASCRIPT],
  ["cjs", JAVASCRIPT],
  ["py", PYTHON],
  ["pyi", PYTHON],
  ["java", lang("Java", "programming", { ...C_LIKE, multiline: ['"""'] })],
  ["kt", lang("Kotlin", "programming", { ...C_LIKE, multiline: ['"""'] })],
  ["kts", lang("Kotlin", "programming", { ...C_LIKE, multiline: ['"""'] })],
  ["go", lang("Go", "programming", { ...C_LIKE, multiline: ["`"] })],
  ["rb", lang("Ruby", "programming", { ...HASH, block: [["=begin", "=end"]] })],
  ["rake", lang("Ruby", "programming", { ...HASH, block: [["=begin", "=end"]] })],
  ["php", lang("PHP", "programming", { ...C_LIKE, line: ["//", "#"] })],
  ["cs", lang("C#", "programming", C_LIKE)],
  ["scala", lang("Scala", "programming", { ...C_LIKE, multiline: ['"""'] })],
  ["rs", lang("Rust", "programming", C_LIKE)],
  ["c", C],
  ["h", C],
  ["cc", CPP],
  ["cpp", CPP],
  ["cxx", CPP],
  ["hpp", CPP],
  ["hh", CPP],
  ["swift", lang("Swift", "programming", { ...C_LIKE, multiline: ['"""'] })],
  ["dart", lang("Dart", "programming", C_LIKE)],
  ["groovy", lang("Groovy", "programming", C_LIKE)],
  ["gradle", lang("Groovy", "programming", C_LIKE)],
  ["ex", lang("Elixir", "programming", { ...HASH, multiline: ['"""'] })],
  ["exs", lang("Elixir", "programming", { ...HASH, multiline: ['"""'] })],
  ["lua", lang("Lua", "programming", { ...C_LIKE, line: ["--"], block: [["--[[", "]]"]] })],
  ["sql", lang("SQL", "programming", { ...C_LIKE, line: ["--"] })],
  ["sh", SHELL],
  ["bash", SHELL],
  ["zsh", SHELL],
  ["ps1", lang("PowerShell", "programming", { ...HASH, block: [["<#", "#>"]] })],
  ["vue", lang("Vue", "programming", SFC)],
  ["svelte", lang("Svelte", "programming", SFC)],
  ["html", lang("HTML", "markup", HTML)],
  ["htm", lang("HTML", "markup", HTML)],
  ["xml", lang("XML", "markup", HTML)],
  ["css", CSS],
  ["scss", SCSS],
  ["sass", SCSS],
  ["less", lang("Less", "markup", C_LIKE)],
  ["yml", YAML],
  ["yaml", YAML],
  ["toml", lang("TOML", "data", HASH)],
  ["json", lang("JSON", "data", NONE)],
  ["md", MARKDOWN],
  ["markdown", MARKDOWN],
  ["proto", lang("Protocol Buffers", "data", C_LIKE)],
  ["graphql", lang("GraphQL", "data", HASH)],
  ["gql", lang("GraphQL", "data", HASH)],
  ["tf", lang("HCL", "data", { ...C_LIKE, line: ["//", "#"] })],
]);

const BY_NAME: ReadonlyMap<string, Language> = new Map<string, Language>([
  ["dockerfile", lang("Dockerfile", "data", HASH)],
  ["makefile", lang("Makefile", "data", HASH)],
  ["gemfile", lang("Ruby", "programming", HASH)],
  ["rakefile", lang("Ruby", "programming", HASH)],
  ["jenkinsfile", lang("Groovy", "programming", C_LIKE)],
]);

/** The language of a file from its lower-case base name and extension, or null. */
export function languageOf(name: string, ext: string): Language | null {
  const byName = BY_NAME.get(name);
  if (byName !== undefined) return byName;
  // "Dockerfile.prod", "api.dockerfile"
  if (name.startsWith("dockerfile.") || ext === "dockerfile")
    return BY_NAME.get("dockerfile") ?? null;
  return BY_EXTENSION.get(ext) ?? null;
}

/** True when a repository path is source code in a programming language. */
export function isCodePath(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  const dot = name.lastIndexOf(".");
  return languageOf(name, dot > 0 ? name.slice(dot + 1) : "")?.kind === "programming";
}
