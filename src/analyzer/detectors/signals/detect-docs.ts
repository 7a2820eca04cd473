/**
 * Documentation: a README, whether it says how to install and run the project, and API docs.
 *
 * readme: the root README (any of .md/.rst/.txt/.adoc or none); when the root has none, a README
 * one folder down (monorepos). readme_has_setup: an install/run heading ("Getting started",
 * "Installation", "Setup", "Docker setup", "Running", "Quick start", "Development") or an install/run
 * command (including `python app.py`, `node server.js` and a capitalised `Docker-Compose up`).
 * api_docs: an OpenAPI/Swagger spec file, a Postman collection, an API Blueprint, a Markdown API reference that
 * lists endpoints, or an OpenAPI generator in application code. FastAPI counts as a generator
 * (it publishes OpenAPI and /docs by default) unless the app turns `openapi_url` off; so does
 * Django Ninja's `NinjaAPI`.
 */
import type { Evidence } from "../../report.js";
import { evidence, type Detector, type ScanContext, type SourceFile } from "../../scan-context.js";
import {
  CS_EXTS,
  GO_EXTS,
  JVM_EXTS,
  JS_EXTS,
  PHP_EXTS,
  PY_EXTS,
  boolSignal,
  code,
  compileRules,
  fileEvidence,
  flatEvidence,
  jsImport,
  runRules,
  type Rule,
} from "./signal-kit.js";

const README = /^readme(?:\.(?:md|markdown|rst|txt|adoc|org))?$/;
/**
 * Folders whose README a tool writes, not the project's owner: `alembic init` and Flask-Migrate's
 * `flask db init` leave a one-line README ("Single-database configuration for Flask.") there.
 */
const TOOL_README_DIR = /^(?:migrations|alembic)\//;

export function findReadme(ctx: ScanContext): SourceFile | undefined {
  const candidates = ctx.files.filter((f) => README.test(f.name));
  return (
    candidates.find((f) => !f.path.includes("/")) ??
    candidates.find(
      (f) => f.role === "app" && f.path.split("/").length === 2 && !TOOL_README_DIR.test(f.path),
    )
  );
}

// "Installation(s) steps", and setup or installation after one qualifying word ("Docker setup",
// "Local setup", "Project installation").
const SETUP_WORDS =
  "(?:\\d+\\.\\s*)?(?:getting started|get started|installations?|installing|install|setup|set up|quick ?start|running|run|how to run|local development|development|build(?:ing)? and run(?:ning)?|prerequisites|[\\w-]+ (?:setup|set up|installation))\\b";
/** A Markdown heading, a setext/reStructuredText underlined title, or a bold line. */
const SETUP_HEADING = new RegExp(
  `^#{1,6}[ \\t]+${SETUP_WORDS}|^${SETUP_WORDS}[^\\n]*\\n[=~-]{3,}[ \\t]*$|^\\*\\*${SETUP_WORDS}`,
  "im",
);
const SETUP_COMMAND =
  /(?:^|[\s`$>])(npm (?:install|ci|i|run \w+|start)|yarn(?: install| dev| start)?$|pnpm (?:install|i|dev|start)|bun (?:install|run)|pip3? install|poetry (?:install|run)|uv (?:sync|run)|pipenv install|python3? (?:-m \w+|manage\.py \w+)|uvicorn |flask run|(?:\.\/)?mvnw? |(?:\.\/)?gradlew? |[Dd]ocker[- ][Cc]ompose(?: -f \S+)* up|docker run|python3? [\w./-]+\.py\b|node [\w./-]+\.[cm]?js\b|nodemon\b|java -jar|go (?:run|build|install)|bundle (?:install|exec)|(?:bin\/)?rails (?:s|server|db:\w+)|composer install|php artisan|dotnet (?:run|restore|build|watch)|cargo (?:run|build)|make (?:run|dev|up|install|start))/m;

function setupEvidence(readme: SourceFile): Evidence | undefined {
  const heading = SETUP_HEADING.exec(readme.text);
  if (heading) return evidence(readme, heading.index, "setup section");
  const command = SETUP_COMMAND.exec(readme.text);
  if (!command?.[1]) return undefined;
  return evidence(readme, command.index + command[0].indexOf(command[1]), "install/run command");
}

// `<service>.swagger.json` is what protoc-gen-openapiv2 (grpc-gateway) writes; go-swagger
// calls its document spec.json.
const SPEC_FILE =
  /^(?:openapi|swagger|api-docs|api|spec)(?:[.-][\w-]+)?\.(?:ya?ml|json)$|\.(?:openapi|swagger)\.(?:ya?ml|json)$|postman[\w.-]*\.json$/;
const SPEC_CONTENT =
  /^\s*["']?(?:openapi|swagger)["']?\s*:\s*["']?\d|"info"\s*:\s*\{[\s\S]*"_postman_id"|_postman_id|"schema"\s*:\s*"https:\/\/schema\.getpostman\.com/m;
const API_REFERENCE_NAME =
  /(?:^|\/)(?:api|endpoints|api-reference|api_reference)(?:\.md|\.markdown|\.rst)$/i;
const ENDPOINT_LINE = /^[\s|>*`#-]*`?(?:GET|POST|PUT|PATCH|DELETE)`?\s+`?\/[\w/{}:.-]*/gm;

/** API Blueprint (.apib, read by Apiary, Aglio and Dredd): its format line or an action heading. */
const API_BLUEPRINT = /^FORMAT:[ \t]*1A\b|^#{1,6}[^\n]*\[(?:GET|POST|PUT|PATCH|DELETE)\b/m;

function specEvidence(file: SourceFile): Evidence | undefined {
  if (file.ext === "apib") {
    const m = API_BLUEPRINT.exec(file.text);
    return m ? evidence(file, m.index, "API Blueprint") : undefined;
  }
  if (SPEC_FILE.test(file.name)) {
    const m = SPEC_CONTENT.exec(file.text);
    return m
      ? evidence(
          file,
          m.index,
          file.name.includes("postman") ? "Postman collection" : "OpenAPI spec",
        )
      : undefined;
  }
  if (API_REFERENCE_NAME.test(file.path)) {
    const lines = file.text.match(ENDPOINT_LINE) ?? [];
    if (lines.length >= 2) {
      ENDPOINT_LINE.lastIndex = 0;
      const first = ENDPOINT_LINE.exec(file.text);
      return evidence(file, first?.index ?? 0, "API reference");
    }
  }
  return undefined;
}

/** An OpenAPI/Swagger document by its name: openapi.yaml, swagger.json, petstore.openapi.yml … */
const OPENAPI_FILE =
  /^(?:openapi|swagger)(?:[.-][\w-]+)?\.(?:ya?ml|json)$|\.(?:openapi|swagger)\.(?:ya?ml|json)$/;
/** Inputs of tests: a spec here describes whatever the test feeds the code, not this project. */
const FIXTURE_FOLDER = /(?:^|\/)(?:fixtures|testdata|__fixtures__)\//;
/** `openapi: 3.1.0` or `swagger: "2.0"` as a top-level YAML key (column 0). */
const YAML_SPEC_KEY = /^["']?(?:openapi|swagger)["']?[ \t]*:[ \t]*["']?\d/m;

/**
 * A spec in a test-role folder (spec/, test/, …) that is the project's own API document: named
 * like one, with a top-level `openapi`/`swagger` version, and not inside a fixtures folder.
 * Projects keep the spec in spec/ as often as in docs/; Rails and RSpec call that folder a test
 * folder, which must not hide it.
 */
function testFolderSpecEvidence(file: SourceFile): Evidence | undefined {
  if (!OPENAPI_FILE.test(file.name) || FIXTURE_FOLDER.test(file.path)) return undefined;
  if (file.ext === "json") {
    const at = topLevelJsonSpecKey(file.text);
    return at === -1 ? undefined : evidence(file, at, "OpenAPI spec");
  }
  const m = YAML_SPEC_KEY.exec(file.text);
  return m ? evidence(file, m.index, "OpenAPI spec") : undefined;
}

/** Offset of the top-level "openapi"/"swagger" key of a JSON document, or -1. */
function topLevelJsonSpecKey(text: string): number {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // Not valid JSON, so not a spec anyone could serve or generate from: no evidence.
    return -1;
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return -1;
  for (const key of ["openapi", "swagger"]) {
    const version = (doc as Record<string, unknown>)[key];
    if (typeof version === "string" && /^\d/.test(version)) return text.indexOf(`"${key}"`);
  }
  return -1;
}

const GENERATOR_RULES: readonly Rule[] = [
  {
    id: "node",
    deps: [
      "npm:@nestjs/swagger",
      "npm:@fastify/swagger",
      "npm:swagger-jsdoc",
      "npm:swagger-ui-express",
      "npm:@hono/zod-openapi",
      "npm:express-openapi",
      "npm:tsoa",
      "npm:apidoc",
    ],
    uses: [
      jsImport("@nestjs/swagger"),
      jsImport("@fastify/swagger"),
      jsImport("swagger-jsdoc"),
      jsImport("swagger-ui-express"),
      jsImport("@hono/zod-openapi"),
      jsImport("express-openapi"),
      jsImport("tsoa"),
      jsImport("fastify-swagger"),
      // apiDoc reads the API reference from comment blocks: ` * @api {get} /users/:id Read a user`
      code(JS_EXTS, "@api", /^[ \t]*\*?[ \t]*@api[ \t]+\{\w+\}[ \t]+\S/m, "apiDoc comment"),
      // swagger-jsdoc reads OpenAPI from comment blocks that open with ` * @swagger` or ` * @openapi`
      // (the generator itself may sit in a spec/ folder, which is test code).
      ...["@swagger", "@openapi"].map((tag) =>
        code(
          JS_EXTS,
          tag,
          new RegExp(String.raw`^[ \t]*\*[ \t]*${tag}[ \t]*$`, "m"),
          "OpenAPI comment",
        ),
      ),
    ],
  },
  {
    id: "python",
    deps: [
      "pypi:drf-spectacular",
      "pypi:drf-yasg",
      "pypi:flasgger",
      "pypi:flask-smorest",
      "pypi:apispec",
      "pypi:flask-restx",
    ],
    uses: [
      code(PY_EXTS, "drf_spectacular", undefined, "drf-spectacular"),
      code(PY_EXTS, "drf_yasg", undefined, "drf-yasg"),
      code(PY_EXTS, "flasgger", undefined, "flasgger"),
      code(PY_EXTS, "flask_smorest", undefined, "flask-smorest"),
      code(PY_EXTS, "flask_restx", undefined, "flask-restx"),
      code(
        PY_EXTS,
        "FastAPI(",
        /=\s*FastAPI\s*\((?![^)]*openapi_url\s*=\s*None)/,
        "FastAPI OpenAPI docs",
      ),
      // Django Ninja serves its OpenAPI schema and /docs the same way, unless turned off.
      code(
        PY_EXTS,
        "NinjaAPI(",
        /=\s*NinjaAPI\s*\((?![^)]*(?:openapi_url|docs_url)\s*=\s*None)/,
        "Django Ninja OpenAPI docs",
      ),
    ],
  },
  {
    id: "jvm",
    deps: [
      "maven:springdoc-openapi-starter-webmvc-ui",
      "maven:springdoc-openapi-starter-webflux-ui",
      "maven:springdoc-openapi-ui",
      "maven:springfox-boot-starter",
      "maven:springfox-swagger2",
      "maven:swagger-annotations",
      // MicroProfile OpenAPI: Quarkus and Helidon serve the document of every JAX-RS resource
      // (/q/openapi, /openapi) once the extension is declared; Micronaut writes it at build time.
      "maven:quarkus-smallrye-openapi",
      "maven:helidon-microprofile-openapi",
      "maven:helidon-openapi",
      "maven:micronaut-openapi",
    ],
    declaredCounts: true,
    uses: [
      code(JVM_EXTS, "io.swagger", /^\s*import\s+io\.swagger/m, "Swagger annotations"),
      code(JVM_EXTS, "springdoc", undefined, "springdoc"),
      code(
        JVM_EXTS,
        "microprofile.openapi",
        /^\s*import\s+org\.eclipse\.microprofile\.openapi\b/m,
        "MicroProfile OpenAPI annotations",
      ),
    ],
  },
  {
    id: "go",
    deps: [
      "go:github.com/swaggo/swag",
      "go:github.com/swaggo/gin-swagger",
      "go:github.com/swaggo/echo-swagger",
      "go:github.com/swaggo/http-swagger",
      "go:github.com/go-swagger/go-swagger",
    ],
    uses: [
      code(GO_EXTS, "@Router", /^\/\/\s*@Router\s+\//m, "swaggo annotations"),
      code(
        GO_EXTS,
        "swagger:",
        /^[ \t]*\/\/[ \t]*swagger:(?:route|operation)[ \t]+[A-Z]+[ \t]+\//m,
        "go-swagger annotations",
      ),
    ],
  },
  {
    id: "php",
    deps: [
      "composer:darkaonline/l5-swagger",
      "composer:zircote/swagger-php",
      "composer:nelmio/api-doc-bundle",
      "composer:knuckleswtf/scribe",
    ],
    uses: [
      code(PHP_EXTS, "OA\\", /@OA\\\w+|#\[OA\\\w+/, "OpenAPI attributes"),
      // Scribe writes OpenAPI and a Postman collection from the routes; its published
      // config/scribe.php and any extension of it import its classes.
      code(PHP_EXTS, "Knuckles", /^use[ \t]+Knuckles\\Scribe\\/m, "Scribe"),
    ],
  },
  {
    // Scramble documents a Laravel API from its routes and code with no annotations, and serves
    // the document at /docs/api once installed.
    id: "php-scramble",
    deps: ["composer:dedoc/scramble"],
    declaredCounts: true,
  },
  {
    id: "ruby",
    deps: [
      "gem:rswag",
      "gem:rswag-specs",
      "gem:apipie-rails",
      "gem:grape-swagger",
      "gem:swagger-blocks",
      "gem:rspec-openapi",
    ],
    declaredCounts: true,
  },
  {
    id: "dotnet",
    deps: [
      "nuget:swashbuckle.aspnetcore",
      "nuget:nswag.aspnetcore",
      "nuget:microsoft.aspnetcore.openapi",
      "nuget:fastendpoints.swagger",
    ],
    uses: [
      code(CS_EXTS, "AddSwaggerGen", undefined, "Swashbuckle"),
      code(CS_EXTS, "AddOpenApi", /\.AddOpenApi(?:Document)?\s*\(/, "OpenAPI document"),
      code(CS_EXTS, "MapOpenApi", undefined, "OpenAPI endpoint"),
      // FastEndpoints.Swagger: services.SwaggerDocument(…), app.UseSwaggerGen(…)
      code(CS_EXTS, "SwaggerDocument", /\.SwaggerDocument\s*\(/, "FastEndpoints Swagger"),
      code(CS_EXTS, "UseSwaggerGen", /\.UseSwaggerGen\s*\(/, "FastEndpoints Swagger"),
      code(CS_EXTS, "MapScalarApiReference", undefined, "Scalar API reference"),
    ],
  },
];

const generators = compileRules(GENERATOR_RULES);

export const docsDetector: Detector = {
  id: "signals/docs",
  detect(ctx) {
    const readme = findReadme(ctx);
    const setup = readme ? setupEvidence(readme) : undefined;
    const specs: Evidence[] = [];
    for (const file of ctx.files) {
      const e = file.role === "test" ? testFolderSpecEvidence(file) : specEvidence(file);
      if (e) specs.push(e);
    }
    const apiDocs = [...specs, ...flatEvidence(runRules(ctx, generators))];
    return {
      signals: {
        readme: boolSignal(readme ? [fileEvidence(readme, "README")] : []),
        readme_has_setup: boolSignal(setup ? [setup] : []),
        api_docs: boolSignal(apiDocs),
      },
    };
  },
};
