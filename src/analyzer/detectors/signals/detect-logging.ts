/**
 * logging: a logging library or a framework logger used in application code. `console.log`,
 * `print` and `fmt.Println` are output, not logging, and do not count. HTTP access-log
 * middleware (morgan, pino-http, Gin's and Echo's logger middleware) counts: it is a logger the
 * project chose to wire in.
 */
import type { Detector } from "../../scan-context.js";
import {
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
  flatEvidence,
  goImport,
  jsImport,
  jvmImport,
  named,
  phpUse,
  pyImport,
  runBackendRules,
  type Rule,
} from "./signal-kit.js";

const RULES: readonly Rule[] = [
  {
    id: "node",
    deps: [
      "npm:winston",
      "npm:pino",
      "npm:bunyan",
      "npm:morgan",
      "npm:log4js",
      "npm:pino-http",
      "npm:consola",
      "npm:signale",
      "npm:loglayer",
    ],
    uses: [
      jsImport("winston"),
      jsImport("pino"),
      jsImport("pino-http"),
      jsImport("bunyan"),
      jsImport("morgan"),
      jsImport("log4js"),
      jsImport("consola"),
      jsImport("signale"),
      jsImport("hono/logger"),
      jsImport("@logtape/logtape"),
      // LogLayer, a logging facade over pino, winston or its own transports
      jsImport("loglayer"),
      code(
        JS_EXTS,
        "logger",
        /\b[Ff]astify\s*\(\s*\{[^)]{0,200}?\blogger\s*:\s*(?:true|\{|\w)/,
        "Fastify logger",
      ),
      // Fastify's pino logger used through the instance or the request, whatever builds the app
      // (`const app = await build({ logger: loggerOptions }); app.log.error(err)`).
      code(
        JS_EXTS,
        ".log.",
        /\b(?:fastify|app|server|instance|request|req|reply)\.log\.(?:trace|debug|info|warn|error|fatal)\s*\(/,
        "Fastify logger",
      ),
      // Only NestJS's own Logger, found where it is imported: a project's hand-written
      // `new Logger(…)` (a front end's console wrapper) is output, like console.log.
      code(
        JS_EXTS,
        "Logger",
        /\bimport\s*\{[^}]*\bLogger\b[^}]*\}\s*from\s*["']@nestjs\/common["']/,
        "NestJS Logger",
      ),
    ],
  },
  {
    id: "python",
    deps: ["pypi:loguru", "pypi:structlog"],
    uses: [
      code(
        PY_EXTS,
        "logging",
        /\blogging\.(?:getLogger|basicConfig|info|warning|error|exception|debug|config\.dictConfig)\s*\(/,
        "logging",
      ),
      code(PY_EXTS, "LOGGING", /^LOGGING\s*=\s*\{/m, "Django LOGGING"),
      // Flask's own logger, a standard logging.Logger named after the app
      code(
        PY_EXTS,
        ".logger.",
        /\b(?:current_app|app)\.logger\.(?:debug|info|warning|warn|error|exception|critical)\s*\(/,
        "Flask app.logger",
      ),
      pyImport("loguru"),
      pyImport("structlog"),
    ],
  },
  {
    id: "jvm",
    deps: [
      "maven:slf4j-api",
      "maven:logback-classic",
      "maven:log4j-core",
      "maven:spring-boot-starter-log4j2",
      "maven:kotlin-logging-jvm",
    ],
    uses: [
      jvmImport("org.slf4j"),
      jvmImport("org.apache.logging.log4j"),
      jvmImport("java.util.logging"),
      jvmImport("mu.KotlinLogging"),
      jvmImport("io.github.oshai.kotlinlogging"),
      jvmImport("io.quarkus.logging.Log"),
      jvmImport("org.jboss.logging"),
      code(JVM_EXTS, "@", /@(?:Slf4j|Log4j2|Log|CommonsLog|XSlf4j)\b/, "Lombok logger"),
      named(
        ["logback.xml", "logback-spring.xml", "log4j2.xml", "log4j2-spring.xml", "log4j2.yml"],
        "<",
        undefined,
        "logging config",
      ),
    ],
  },
  {
    id: "go",
    deps: ["go:go.uber.org/zap", "go:github.com/rs/zerolog", "go:github.com/sirupsen/logrus"],
    uses: [
      code(GO_EXTS, "log", /"log(?:\/slog)?"/, "log package"),
      goImport("go.uber.org/zap"),
      goImport("github.com/rs/zerolog"),
      goImport("github.com/sirupsen/logrus"),
      // chi passes its logger as a handler (`r.Use(middleware.Logger)`), echo and gin call a
      // constructor (`middleware.Logger()`, `gin.Logger()`); gin.Default() installs gin's logger.
      code(
        GO_EXTS,
        "Logger",
        /\b(?:gin|middleware)\.(?:Request)?Logger\w*/,
        "request logger middleware",
      ),
      code(GO_EXTS, "gin.Default", /\bgin\.Default\s*\(/, "gin.Default() request logger"),
    ],
  },
  {
    id: "ruby",
    deps: ["gem:lograge", "gem:semantic_logger"],
    uses: [
      // Not on a comment line, and not the `ActiveSupport::Logger.new(STDOUT)` that `rails new`
      // writes into production.rb: the framework's default, not a logger the project wired in.
      {
        ...code(
          RB_EXTS,
          "ogger",
          /^[ \t]*(?=[^#\s])[^#\n]*?(?:\bRails\.logger\.|\bLogger\.new\b(?<!ActiveSupport::Logger\.new)|ActiveSupport::Logger\.new(?![ \t]*\(?[ \t]*(?:STDOUT|\$stdout)\b)|\blogger\.(?:info|warn|error|debug)\b)/m,
          "Rails logger",
        ),
        line: true,
      },
    ],
  },
  {
    id: "php",
    deps: ["composer:monolog/monolog"],
    uses: [
      code(
        PHP_EXTS,
        "Log::",
        /\bLog::(?:info|warning|error|debug|notice|critical|channel)\s*\(/,
        "Log facade",
      ),
      phpUse("Psr\\Log"),
      phpUse("Monolog"),
    ],
  },
  {
    id: "dotnet",
    deps: ["nuget:serilog", "nuget:serilog.aspnetcore", "nuget:nlog"],
    uses: [
      code(CS_EXTS, "ILogger", undefined, "ILogger"),
      code(CS_EXTS, "Serilog", undefined, "Serilog"),
      code(CS_EXTS, "HttpLogging", /\b(?:Add|Use)HttpLogging\s*\(/, "HTTP request logging"),
      code(CS_EXTS, "NLog", undefined, "NLog"),
    ],
  },
  {
    id: "rust",
    uses: [
      code(
        RS_EXTS,
        "::",
        /\b(?:log|tracing)::(?:info|warn|error|debug|trace)!?|\buse\s+(?:log|tracing)::/,
        "log/tracing",
      ),
    ],
  },
];

const compiled = compileRules(RULES);

export const loggingDetector: Detector = {
  id: "signals/logging",
  detect(ctx) {
    // Alembic's env.py (written by `alembic init` / `flask db init`) sets up a logger for the
    // migration runner: scaffolding the project did not choose, not logging in its application.
    const found = flatEvidence(runBackendRules(ctx, compiled)).filter((e) => {
      if (!e.file.endsWith("env.py")) return true;
      return ctx.byPath.get(e.file)?.text.includes("from alembic import context") !== true;
    });
    return { signals: { logging: boolSignal(found) } };
  },
};
