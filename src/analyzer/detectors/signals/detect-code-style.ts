/**
 * lint_config and formatter_config: a linter or formatter the project has set up, by its config
 * file, its manifest entry or its build plugin.
 *
 * Decisions: a bare .editorconfig only sets editor whitespace and counts as neither, except for C#
 * projects where `dotnet format` and the Roslyn analyzers read `dotnet_`/`csharp_` rules from it
 * (then it counts as both). gofmt needs no file, so Go formatting counts only when a gofmt,
 * goimports or gofumpt step appears in CI, a Makefile, a pre-commit hook or the golangci config.
 * RuboCop and ktlint are linters first; ktlint also formats, RuboCop is reported as lint only.
 * Biome and dprint configs cover linting and formatting.
 */
import type { Evidence } from "../../report.js";
import type { Detector, ScanContext, SourceFile } from "../../scan-context.js";
import { boolSignal, fileEvidence, lineOf } from "./signal-kit.js";
import { dependencyEvidence } from "../manifests/dependency-index.js";

type Check = (file: SourceFile) => Evidence | undefined;

const byName =
  (re: RegExp, note: string): Check =>
  (f) =>
    re.test(f.name) ? fileEvidence(f, note) : undefined;

/** A section or key inside a shared config file (pyproject.toml, setup.cfg, package.json…). */
const section =
  (names: readonly string[], needle: RegExp, note: string): Check =>
  (f) => {
    if (!names.includes(f.name)) return undefined;
    const m = needle.exec(f.text);
    return m ? { file: f.path, line: lineOf(f.text, m[0]), note } : undefined;
  };

const CI_OR_HOOK = (f: SourceFile): boolean =>
  /^\.github\/workflows\/|^\.gitlab-ci\.yml$|^\.circleci\/|^makefile$|^\.pre-commit-config\.ya?ml$|^justfile$|^lefthook\.ya?ml$|^\.husky\//i.test(
    f.path,
  );

const step =
  (re: RegExp, note: string): Check =>
  (f) => {
    if (!CI_OR_HOOK(f)) return undefined;
    const m = re.exec(f.text);
    return m ? { file: f.path, line: lineOf(f.text, m[0]), note } : undefined;
  };

const csharpEditorConfig: Check = (f) =>
  f.name === ".editorconfig" && /^\s*(?:dotnet|csharp)_\w+\s*=/m.test(f.text)
    ? {
        file: f.path,
        line: lineOf(f.text, f.text.match(/^\s*(?:dotnet|csharp)_\w+/m)?.[0] ?? ""),
        note: ".NET code style rules",
      }
    : undefined;

const LINT_CHECKS: readonly Check[] = [
  byName(
    /^\.eslintrc(?:\.(?:js|cjs|mjs|json|ya?ml))?$|^eslint\.config\.(?:js|mjs|cjs|ts|mts|cts)$/,
    "ESLint config",
  ),
  section(["package.json"], /"eslintConfig"\s*:/, "ESLint config"),
  byName(
    /^tslint\.json$|^biome\.jsonc?$|^\.?oxlintrc\.json$|^\.stylelintrc(?:\.\w+)?$|^deno\.jsonc?$/,
    "lint config",
  ),
  byName(
    /^\.?ruff\.toml$|^\.flake8$|^\.?pylintrc$|^mypy\.ini$|^\.mypy\.ini$/,
    "Python lint config",
  ),
  section(
    ["pyproject.toml"],
    /^\[tool\.(?:ruff|pylint|flake8|mypy|pyright)[\].]/m,
    "Python lint config",
  ),
  section(["setup.cfg", "tox.ini"], /^\[(?:flake8|pylint|mypy)[\]:]/m, "Python lint config"),
  byName(
    /^checkstyle(?:[-_]\w+)?\.xml$|^spotbugs(?:[-_]\w+)?\.xml$|^pmd(?:[-_]\w+)?\.xml$|^ruleset\.xml$|^detekt(?:[-_]\w+)?\.ya?ml$/,
    "JVM lint config",
  ),
  section(
    ["pom.xml"],
    /<artifactId>(?:maven-checkstyle-plugin|spotbugs-maven-plugin|maven-pmd-plugin|ktlint-maven-plugin|detekt-maven-plugin)<\/artifactId>/,
    "JVM lint plugin",
  ),
  section(
    ["build.gradle", "build.gradle.kts"],
    // ktlint() inside a Spotless block lints too: spotlessCheck fails on what it cannot fix.
    /\bcheckstyle\b|\bpmd\b|com\.github\.spotbugs|io\.gitlab\.arturbosch\.detekt|org\.jlleitschuh\.gradle\.ktlint|errorprone|\bktlint\s*\(/,
    "JVM lint plugin",
  ),
  byName(/^\.golangci\.(?:ya?ml|toml|json)$/, "golangci-lint config"),
  byName(/^\.rubocop\.yml$|^\.standard\.yml$/, "RuboCop config"),
  byName(
    /^phpstan\.neon(?:\.dist)?$|^phpcs\.xml(?:\.dist)?$|^\.phpcs\.xml(?:\.dist)?$|^psalm\.xml(?:\.dist)?$/,
    "PHP lint config",
  ),
  byName(/^clippy\.toml$|^\.clippy\.toml$/, "Clippy config"),
  section(
    ["directory.build.props"],
    /<(?:AnalysisLevel|EnableNETAnalyzers|AnalysisMode)>/,
    ".NET analyzers",
  ),
  (f) =>
    f.ext === "csproj"
      ? section(
          [f.name],
          /<(?:AnalysisLevel|EnableNETAnalyzers|AnalysisMode)>|StyleCop\.Analyzers/,
          ".NET analyzers",
        )(f)
      : undefined,
  csharpEditorConfig,
  step(
    /\b(?:eslint|ruff check|ruff\b(?! format)|flake8|pylint|golangci-lint|staticcheck|revive|go vet|rubocop|phpstan|clippy)\b/,
    "lint step",
  ),
];

const FORMAT_CHECKS: readonly Check[] = [
  byName(
    /^\.prettierrc(?:\.(?:js|cjs|mjs|json|json5|ya?ml|toml))?$|^prettier\.config\.(?:js|cjs|mjs|ts)$/,
    "Prettier config",
  ),
  section(["package.json"], /"prettier"\s*:/, "Prettier"),
  byName(/^biome\.jsonc?$|^dprint\.json$|^\.dprint\.json$|^deno\.jsonc?$/, "formatter config"),
  section(
    ["pyproject.toml"],
    /^\[tool\.(?:black|isort|ruff\.format|yapf|autopep8)[\].]/m,
    "Python formatter config",
  ),
  byName(/^\.isort\.cfg$|^\.style\.yapf$/, "Python formatter config"),
  section(["setup.cfg", "tox.ini"], /^\[(?:isort|yapf)\]/m, "Python formatter config"),
  section(
    ["pom.xml"],
    /<artifactId>(?:spotless-maven-plugin|fmt-maven-plugin|prettier-maven-plugin|ktlint-maven-plugin)<\/artifactId>/,
    "JVM formatter plugin",
  ),
  section(
    ["build.gradle", "build.gradle.kts"],
    /com\.diffplug\.spotless|\bspotless\s*\{|org\.jlleitschuh\.gradle\.ktlint|com\.ncorti\.ktfmt/,
    "JVM formatter plugin",
  ),
  byName(
    /^\.scalafmt\.conf$|^rustfmt\.toml$|^\.rustfmt\.toml$|^\.clang-format$|^\.php-cs-fixer(?:\.dist)?\.php$|^pint\.json$|^\.editorconfig-checker\.json$/,
    "formatter config",
  ),
  section(
    [".golangci.yml", ".golangci.yaml", ".golangci.toml"],
    /\b(?:gofmt|goimports|gofumpt|gci)\b/,
    "Go formatter in golangci",
  ),
  csharpEditorConfig,
  step(
    /\b(?:prettier|black|isort|ruff format|gofmt|goimports|gofumpt|rustfmt|cargo fmt|dotnet format|php-cs-fixer|pint|spotless\w*|ktlint)\b/,
    "format step",
  ),
];

const FORMAT_DEPS = [
  "npm:prettier",
  "npm:@biomejs/biome",
  "pypi:black",
  "pypi:isort",
  "pypi:yapf",
  "pypi:autopep8",
  "composer:laravel/pint",
  "composer:friendsofphp/php-cs-fixer",
  "gradle-plugin:com.diffplug.spotless",
];
const LINT_DEPS = [
  "npm:eslint",
  "npm:@biomejs/biome",
  "npm:oxlint",
  "pypi:ruff",
  "pypi:flake8",
  "pypi:pylint",
  "pypi:mypy",
  "gem:rubocop",
  "gem:standard",
  "composer:phpstan/phpstan",
  "composer:squizlabs/php_codesniffer",
  "composer:vimeo/psalm",
  "nuget:stylecop.analyzers",
  "nuget:sonaranalyzer.csharp",
];

function collect(ctx: ScanContext, checks: readonly Check[], deps: readonly string[]): Evidence[] {
  const out: Evidence[] = [];
  for (const file of ctx.files) {
    if (file.role !== "app") continue;
    for (const check of checks) {
      const e = check(file);
      if (e) {
        out.push(e);
        break;
      }
    }
  }
  return [...out, ...dependencyEvidence(ctx, deps)];
}

export const codeStyleDetector: Detector = {
  id: "signals/code-style",
  detect(ctx) {
    const hasCsharp = ctx.files.some((f) => f.ext === "csproj");
    const lint = collect(
      ctx,
      hasCsharp ? LINT_CHECKS : LINT_CHECKS.filter((c) => c !== csharpEditorConfig),
      LINT_DEPS,
    );
    const format = collect(
      ctx,
      hasCsharp ? FORMAT_CHECKS : FORMAT_CHECKS.filter((c) => c !== csharpEditorConfig),
      FORMAT_DEPS,
    );
    return { signals: { lint_config: boolSignal(lint), formatter_config: boolSignal(format) } };
  },
};
