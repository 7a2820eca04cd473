/**
 * The usual tools of each backend stack, for next steps that name what to use in the
 * repository's own stack ("with supertest") instead of listing every stack's tools.
 */
import type { FactId } from "../content/signals.js";
import type { FrameworkFinding } from "./report.js";

export type Stack = "node" | "python" | "spring" | "jaxrs" | "go" | "ruby" | "php" | "dotnet";

/** Each backend framework's stack, and how its name is written in a sentence. */
const BACKEND_FRAMEWORKS: Readonly<Record<string, { stack: Stack; name: string }>> = {
  express: { stack: "node", name: "Express" },
  fastify: { stack: "node", name: "Fastify" },
  nestjs: { stack: "node", name: "NestJS" },
  koa: { stack: "node", name: "Koa" },
  hono: { stack: "node", name: "Hono" },
  django: { stack: "python", name: "Django" },
  djangorestframework: { stack: "python", name: "Django REST framework" },
  "django-ninja": { stack: "python", name: "Django Ninja" },
  flask: { stack: "python", name: "Flask" },
  "flask-smorest": { stack: "python", name: "Flask-smorest" },
  fastapi: { stack: "python", name: "FastAPI" },
  "spring-boot": { stack: "spring", name: "Spring Boot" },
  spring: { stack: "spring", name: "Spring" },
  // Jersey, RESTEasy, Dropwizard: JAX-RS has neither MockMvc nor springdoc
  "jax-rs": { stack: "jaxrs", name: "JAX-RS" },
  gin: { stack: "go", name: "Gin" },
  echo: { stack: "go", name: "Echo" },
  chi: { stack: "go", name: "chi" },
  fiber: { stack: "go", name: "Fiber" },
  "gorilla-mux": { stack: "go", name: "gorilla/mux" },
  "ozzo-routing": { stack: "go", name: "ozzo-routing" },
  "net-http": { stack: "go", name: "net/http" },
  "grpc-gateway": { stack: "go", name: "grpc-gateway" },
  rails: { stack: "ruby", name: "Rails" },
  laravel: { stack: "php", name: "Laravel" },
  aspnetcore: { stack: "dotnet", name: "ASP.NET Core" },
};

/** Facts whose next steps name a tool (every one a fact the checks can ask for). */
type ToolFact = Extract<
  FactId,
  | "tests"
  | "api_tests"
  | "input_validation"
  | "central_error_handling"
  | "lint_config"
  | "formatter_config"
  | "api_docs"
  | "logging"
  | "migrations"
>;

const TOOLS: Readonly<Record<Stack, Readonly<Record<ToolFact, string>>>> = {
  node: {
    tests: "Vitest or Jest",
    api_tests: "supertest",
    input_validation: "zod, Joi or class-validator",
    central_error_handling:
      "an error-handling middleware (err, req, res, next) or your framework's error handler",
    lint_config: "ESLint",
    formatter_config: "Prettier",
    api_docs: "swagger-jsdoc or @nestjs/swagger",
    logging: "pino or winston",
    migrations: "your ORM's migrations: Prisma, TypeORM or Knex",
  },
  python: {
    tests: "pytest",
    api_tests: "the framework's test client (Django's, Flask's or FastAPI's TestClient)",
    input_validation: "pydantic models or DRF serializers",
    central_error_handling:
      "@app.exception_handler (FastAPI), @app.errorhandler (Flask) or DRF's EXCEPTION_HANDLER",
    lint_config: "Ruff",
    formatter_config: "Ruff format or Black",
    api_docs: "drf-spectacular, or FastAPI's generated /docs",
    logging: "the logging module",
    migrations: "Django migrations or Alembic",
  },
  spring: {
    tests: "JUnit 5",
    api_tests: "MockMvc or RestAssured",
    input_validation: "Bean Validation (@Valid)",
    central_error_handling: "a @RestControllerAdvice and @ExceptionHandler methods",
    lint_config: "Checkstyle or SpotBugs",
    formatter_config: "Spotless",
    api_docs: "springdoc-openapi",
    logging: "SLF4J and Logback",
    migrations: "Flyway or Liquibase",
  },
  jaxrs: {
    tests: "JUnit 5",
    api_tests: "RestAssured or the Jersey Test Framework",
    input_validation: "Bean Validation (@Valid)",
    central_error_handling: "ExceptionMapper providers",
    lint_config: "Checkstyle or SpotBugs",
    formatter_config: "Spotless",
    api_docs: "swagger-core's JAX-RS integration or MicroProfile OpenAPI",
    logging: "SLF4J and Logback",
    migrations: "Flyway or Liquibase",
  },
  go: {
    tests: "the testing package",
    api_tests: "net/http/httptest",
    input_validation: "go-playground/validator",
    central_error_handling: "a recovery and error-writing middleware",
    lint_config: "golangci-lint",
    formatter_config: "gofmt or gofumpt, checked in CI",
    api_docs: "swaggo/swag",
    logging: "log/slog",
    migrations: "golang-migrate or goose",
  },
  ruby: {
    tests: "RSpec or Minitest",
    api_tests: "request specs",
    input_validation: "model validations and strong parameters",
    central_error_handling: "rescue_from in ApplicationController",
    lint_config: "RuboCop",
    formatter_config: "RuboCop's layout cops or standardrb",
    api_docs: "rswag",
    logging: "Rails.logger",
    migrations: "Active Record migrations",
  },
  php: {
    tests: "PHPUnit or Pest",
    api_tests: "Laravel's getJson/postJson test helpers",
    input_validation: "Form Requests or $request->validate()",
    central_error_handling: "Laravel's exception handler (render and report callbacks)",
    lint_config: "PHPStan or Larastan",
    formatter_config: "Laravel Pint",
    api_docs: "Scribe or L5-Swagger",
    logging: "the Log facade",
    migrations: "Laravel migrations",
  },
  dotnet: {
    tests: "xUnit",
    api_tests: "WebApplicationFactory",
    input_validation: "data annotations or FluentValidation",
    central_error_handling: "UseExceptionHandler and ProblemDetails",
    lint_config: ".NET analyzers configured in .editorconfig",
    formatter_config: "dotnet format",
    api_docs: "Swashbuckle or Microsoft.AspNetCore.OpenApi",
    logging: "ILogger",
    migrations: "EF Core migrations",
  },
};

/**
 * Where a framework has its own way, it replaces the stack's list of every framework's ways:
 * a FastAPI repository is told about @app.exception_handler, not Flask's and DRF's as well.
 * Plain Django has none of its own here: its JSON APIs are mostly built with DRF, listed apart.
 */
const FRAMEWORK_TOOLS: Readonly<Record<string, Partial<Record<ToolFact, string>>>> = {
  express: {
    central_error_handling: "an error-handling middleware (err, req, res, next)",
    api_docs: "swagger-jsdoc and swagger-ui-express",
  },
  fastify: {
    api_tests: "fastify.inject()",
    input_validation: "a JSON Schema on each route",
    central_error_handling: "fastify.setErrorHandler",
    api_docs: "@fastify/swagger",
    logging: "Fastify's built-in pino logger (logger: true)",
  },
  nestjs: {
    tests: "Jest and @nestjs/testing",
    input_validation: "class-validator and a global ValidationPipe",
    central_error_handling: "an exception filter (@Catch) registered with app.useGlobalFilters",
    api_docs: "@nestjs/swagger",
    logging: "Nest's Logger or nestjs-pino",
  },
  koa: {
    central_error_handling: "a first middleware that wraps await next() in try/catch",
  },
  hono: {
    api_tests: "app.request()",
    central_error_handling: "app.onError",
    api_docs: "@hono/zod-openapi",
  },
  djangorestframework: {
    api_tests: "DRF's APIClient",
    input_validation: "DRF serializers",
    central_error_handling: "a custom EXCEPTION_HANDLER in DRF's settings",
    api_docs: "drf-spectacular",
  },
  "django-ninja": {
    api_tests: "Django Ninja's TestClient",
    input_validation: "Schema classes",
    central_error_handling: "@api.exception_handler",
  },
  flask: {
    api_tests: "Flask's test client",
    input_validation: "marshmallow or pydantic",
    central_error_handling: "@app.errorhandler",
    api_docs: "flask-smorest or flasgger",
  },
  "flask-smorest": {
    input_validation: "marshmallow schemas in @blp.arguments",
    api_docs: "the OpenAPI document flask-smorest builds from its blueprints",
  },
  // What detect-error-handling looks for in each Go framework, rather than Go's generic advice.
  gin: {
    central_error_handling:
      "one middleware that writes c.Errors after c.Next(), or gin.CustomRecovery",
  },
  echo: {
    central_error_handling: "a custom e.HTTPErrorHandler",
  },
  fiber: {
    central_error_handling: "an ErrorHandler in fiber.Config",
  },
  fastapi: {
    api_tests: "FastAPI's TestClient",
    input_validation: "pydantic models",
    central_error_handling: "@app.exception_handler",
    api_docs: "FastAPI's generated /docs",
  },
};

/**
 * The migrations of each ORM whose stack has several (Node's and Python's): a TypeORM repository
 * is told about TypeORM's migrations, not Prisma's and Knex's. ORMs of one-migration-tool stacks
 * (Active Record, EF Core) are left to the stack's entry.
 */
const ORM_MIGRATIONS: Readonly<Record<string, string>> = {
  prisma: "Prisma Migrate (prisma migrate dev)",
  typeorm: "TypeORM's migrations",
  sequelize: "Sequelize's migrations (sequelize-cli)",
  "mikro-orm": "MikroORM's migrations",
  knex: "Knex migrations",
  drizzle: "drizzle-kit's migrations",
  kysely: "Kysely's Migrator",
  "django-orm": "Django migrations (makemigrations)",
  sqlalchemy: "Alembic",
  sqlmodel: "Alembic",
  doctrine: "Doctrine Migrations (doctrine:migrations:diff)",
};

/** "with TypeORM's migrations" for the repository's first ORM that has its own, else null. */
export function ormMigrationHint(orms: readonly string[]): string | null {
  const tool = orms.map((orm) => ORM_MIGRATIONS[orm]).find(Boolean);
  return tool ? `with ${tool}` : null;
}

/**
 * Frameworks that run on another one found beside them (NestJS on Express, DRF on Django): their
 * own ways are the ones the code uses, whatever order the frameworks were found in.
 */
const BUILT_ON_ANOTHER: ReadonlySet<string> = new Set([
  "nestjs",
  "djangorestframework",
  "django-ninja",
  "flask-smorest",
]);

/**
 * The stack a repository without a backend framework would use, by its programming languages
 * (a TypeScript monorepo whose server the analyzer does not recognise is still a Node project).
 */
const STACK_OF_LANGUAGE: Readonly<Record<string, Stack>> = {
  TypeScript: "node",
  JavaScript: "node",
  Python: "python",
  Java: "spring",
  Kotlin: "spring",
  Go: "go",
  Ruby: "ruby",
  PHP: "php",
  "C#": "dotnet",
};

/** The usual frameworks of each stack, for the step that asks for a JSON API at all. */
const STACK_FRAMEWORKS: Readonly<Record<Stack, string>> = {
  node: "Express, Fastify or NestJS",
  python: "Django REST framework, Flask or FastAPI",
  spring: "Spring Boot",
  jaxrs: "JAX-RS",
  go: "net/http, Gin or chi",
  ruby: "Rails",
  php: "Laravel",
  dotnet: "ASP.NET Core",
};

/**
 * The repository's stack: that of its first backend framework, else of its first language
 * (by lines) that has one, else null.
 */
export function stackOf(
  frameworks: readonly FrameworkFinding[],
  languages: readonly string[] = [],
): Stack | null {
  const byFramework = frameworks.map((f) => BACKEND_FRAMEWORKS[f.id]?.stack).find(Boolean);
  return (
    byFramework ?? languages.map((l) => STACK_OF_LANGUAGE[l]).find((s) => s !== undefined) ?? null
  );
}

/** "Express, Fastify or NestJS": what to build a first JSON API with in a stack. */
export function frameworksOfStack(stack: Stack): string {
  return STACK_FRAMEWORKS[stack];
}

/** The name of the repository's first backend framework ("Flask"), or null without one. */
export function backendFrameworkName(frameworks: readonly FrameworkFinding[]): string | null {
  return frameworks.map((f) => BACKEND_FRAMEWORKS[f.id]?.name).find(Boolean) ?? null;
}

/**
 * "with supertest", "with Flyway or Liquibase": for each fact the stack has a usual tool for,
 * the words that name it, for the repository's stack (see stackOf); the first of the
 * repository's frameworks of that stack that has its own way for a fact names that instead.
 */
export function stackToolHints(
  stack: Stack | null,
  frameworks: readonly FrameworkFinding[] = [],
): Partial<Record<FactId, string>> {
  if (stack === null) return {};
  const own = frameworks
    .filter((f) => BACKEND_FRAMEWORKS[f.id]?.stack === stack)
    .sort((a, b) => Number(BUILT_ON_ANOTHER.has(b.id)) - Number(BUILT_ON_ANOTHER.has(a.id)));
  return Object.fromEntries(
    Object.entries(TOOLS[stack]).map(([fact, tool]) => {
      const specific = own.map((f) => FRAMEWORK_TOOLS[f.id]?.[fact as ToolFact]).find(Boolean);
      return [fact, `with ${specific ?? tool}`];
    }),
  );
}
