/**
 * env_config: configuration read from environment variables in application code, or an example
 * environment file (.env.example and friends) that documents them. A committed .env also shows
 * env-based configuration (whether its values are secrets is the secrets detector's business).
 */
import type { Evidence } from "../../report.js";
import { frontEndFiles } from "../../front-end-files.js";
import { CI_CONFIG_PATH } from "./detect-ci.js";
import type { Detector } from "../../scan-context.js";
import {
  CONFIG_EXTS,
  CS_EXTS,
  GO_EXTS,
  JS_EXTS,
  JVM_EXTS,
  PHP_EXTS,
  PY_EXTS,
  RB_EXTS,
  RS_EXTS,
  boolSignal,
  code,
  compileRules,
  fileEvidence,
  flatEvidence,
  goImport,
  jsImport,
  pyImport,
  runBackendRules,
  type Rule,
} from "./signal-kit.js";

export const ENV_FILE = /^\.env(?:\.[\w-]+)?$|^(?:example|sample|template)\.env$|^\.envrc$/;

/** An environment file that shows the settings rather than holding them: .env.example. */
const EXAMPLE_NAME = /example|sample|template|dist/i;

/**
 * Config files in which `${NAME}` reads the environment (Spring's application.yml, Compose files,
 * .properties). Not JSON: no common runtime interpolates it there, and `${TABLE_NAME}` in a JSON
 * file is a template of its own (Room's exported schemas). Not CI pipelines either: there
 * `${DEV_BRANCH:7}` is the runner's shell variable, not the application's setting.
 */
const PLACEHOLDER_EXTS = CONFIG_EXTS.filter((ext) => ext !== "json");

const RULES: readonly Rule[] = [
  {
    id: "node",
    deps: ["npm:dotenv", "npm:@nestjs/config", "npm:envalid", "npm:env-var"],
    uses: [
      code(
        JS_EXTS,
        "process.env",
        /\bprocess\.env(?:\.\w|\[)|\{[^}]*\}\s*=\s*process\.env\b/,
        "process.env",
      ),
      code(JS_EXTS, "import.meta.env", undefined, "import.meta.env"),
      code(JS_EXTS, ".env", /\b(?:Bun|Deno)\.env\b/, "runtime env"),
      jsImport("dotenv"),
      jsImport("@nestjs/config"),
      jsImport("envalid"),
      jsImport("env-var"),
    ],
  },
  {
    id: "python",
    deps: [
      "pypi:python-dotenv",
      "pypi:pydantic-settings",
      "pypi:python-decouple",
      "pypi:django-environ",
    ],
    uses: [
      // Django's generated manage.py, wsgi.py and asgi.py all call
      // os.environ.setdefault("DJANGO_SETTINGS_MODULE", …): boilerplate that picks the settings
      // module, not configuration the project reads from its environment.
      code(
        PY_EXTS,
        "environ",
        /\bos\.environ\b(?!\.setdefault\s*\(\s*['"]DJANGO_SETTINGS_MODULE['"])|\bos\.getenv\s*\(|\benviron\.Env\s*\(|(?<![\w.])environ(?:\[\s*['"]|\.get\s*\()/,
        "os.environ",
      ),
      code(PY_EXTS, "getenv", /\bgetenv\s*\(/, "getenv"),
      pyImport("decouple"),
      pyImport("dotenv"),
      pyImport("pydantic_settings"),
      pyImport("environs"),
      code(PY_EXTS, "BaseSettings", /\(\s*BaseSettings\s*\)/, "pydantic settings"),
    ],
  },
  {
    id: "jvm",
    uses: [
      code(JVM_EXTS, "getenv", /\bSystem\.getenv\s*\(/, "System.getenv"),
      code(JVM_EXTS, "@Value", /@Value\s*\(\s*"\$\{/, "@Value property"),
      code(JVM_EXTS, "@ConfigurationProperties", undefined, "@ConfigurationProperties"),
      {
        ...code(
          PLACEHOLDER_EXTS,
          "${",
          /\$\{[A-Z][A-Z0-9_]*(?::[^}]*)?\}/,
          "environment placeholder",
        ),
        skipPaths: CI_CONFIG_PATH,
      },
    ],
  },
  {
    id: "go",
    deps: [
      "go:github.com/spf13/viper",
      "go:github.com/kelseyhightower/envconfig",
      "go:github.com/caarlos0/env",
      "go:github.com/joho/godotenv",
    ],
    uses: [
      code(GO_EXTS, "os.", /\bos\.(?:Getenv|LookupEnv)\s*\(/, "os.Getenv"),
      goImport("github.com/spf13/viper"),
      goImport("github.com/kelseyhightower/envconfig"),
      goImport("github.com/caarlos0/env"),
      goImport("github.com/joho/godotenv"),
    ],
  },
  {
    id: "ruby",
    deps: ["gem:dotenv", "gem:dotenv-rails"],
    // `rails new` writes ENV reads of its own into config/boot.rb, config/puma.rb and the
    // environment files (BUNDLE_GEMFILE, RAILS_MAX_THREADS, RAILS_SERVE_STATIC_FILES, …): the
    // generator's boilerplate, as Django's DJANGO_SETTINGS_MODULE is, not configuration the
    // project chose to read from its environment.
    uses: [
      code(
        RB_EXTS,
        "ENV",
        /\bENV(?:\[|\.fetch\b)(?![ \t]*\(?[ \t]*["'](?:BUNDLE_GEMFILE|RAILS_(?:MAX|MIN)_THREADS|WORKER_TIMEOUT|PORT|RAILS_ENV|RACK_ENV|PIDFILE|WEB_CONCURRENCY|SOLID_QUEUE_IN_PUMA|JOB_CONCURRENCY|RAILS_SERVE_STATIC_FILES|RAILS_LOG_TO_STDOUT|RAILS_LOG_LEVEL|RAILS_MASTER_KEY|CI)["'])/,
        "ENV",
      ),
    ],
  },
  {
    id: "php",
    uses: [code(PHP_EXTS, "env", /(?<![\w>$])env\s*\(\s*['"]|\bgetenv\s*\(|\$_ENV\[/, "env()")],
  },
  {
    id: "dotnet",
    uses: [
      code(
        CS_EXTS,
        "Environment",
        /\bEnvironment\.GetEnvironmentVariable\s*\(|\bAddEnvironmentVariables\s*\(/,
        "environment variables",
      ),
      code(
        CS_EXTS,
        "Configuration",
        /\bConfiguration\s*\[\s*"|\bConfiguration\.Get(?:ConnectionString|Section|Value)\b|\bIConfiguration\b|\bIOptions</,
        "IConfiguration",
      ),
    ],
  },
  {
    id: "rust",
    uses: [code(RS_EXTS, "env", /\b(?:std::)?env::var\s*\(|\bdotenvy?::/, "env::var")],
  },
];

const compiled = compileRules(RULES);

export const envConfigDetector: Detector = {
  id: "signals/env-config",
  detect(ctx) {
    const examples: Evidence[] = [];
    const files: Evidence[] = [];
    // A web client's .env holds its build's settings (VITE_API_URL), not a server's.
    const frontEnd = frontEndFiles(ctx);
    for (const file of ctx.files) {
      if (file.role !== "app" || !ENV_FILE.test(file.name) || frontEnd.has(file.path)) continue;
      if (EXAMPLE_NAME.test(file.name))
        examples.push(fileEvidence(file, "example environment file"));
      else files.push(fileEvidence(file, "environment file"));
    }
    // The example file first: it is what documents the settings, and evidence is capped.
    const used = flatEvidence(runBackendRules(ctx, compiled));
    return { signals: { env_config: boolSignal([...examples, ...used, ...files]) } };
  },
};
