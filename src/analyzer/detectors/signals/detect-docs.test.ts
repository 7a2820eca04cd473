import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { docsDetector } from "./detect-docs.js";

const detect = (files: Record<string, string>) =>
  docsDetector.detect(scanContextFrom(files)).signals;

describe("docsDetector", () => {
  it("finds the setup section of the README", () => {
    const signals = detect({
      "README.md": "# shop\n\nSells things.\n\n## Installation\n\nSee below.\n",
    });
    expect(signals?.readme?.value).toBe(true);
    expect(signals?.readme_has_setup).toEqual({
      value: true,
      evidence: [{ file: "README.md", line: 5, note: "setup section" }],
    });
  });

  it("finds setup under a qualified or plural heading, and in a lone run command", () => {
    const setup = (readme: string) => detect({ "README.md": readme })?.readme_has_setup?.evidence;
    expect(setup("# shop\n\n## Installations Steps\n\n- Copy the env file\n")).toEqual([
      { file: "README.md", line: 3, note: "setup section" },
    ]);
    expect(setup("# shop\n\n### Docker setup\n\nBuild the images first.\n")).toEqual([
      { file: "README.md", line: 3, note: "setup section" },
    ]);
    expect(setup("# shop\n\nRuns in containers.\n\n```\nDocker-Compose up --build\n```\n")).toEqual(
      [{ file: "README.md", line: 6, note: "install/run command" }],
    );
    expect(
      setup(
        "# shop\n\n```\ndocker-compose -f docker-compose.yml -f docker-compose.override.yml up -d\n```\n",
      ),
    ).toEqual([{ file: "README.md", line: 4, note: "install/run command" }]);
    expect(setup("# shop\n\nStart it:\n\n    python app.py\n")).toEqual([
      { file: "README.md", line: 5, note: "install/run command" },
    ]);
    expect(setup("# shop\n\nThen `node server.js` and open the browser.\n")).toEqual([
      { file: "README.md", line: 3, note: "install/run command" },
    ]);
  });

  it("does not take a README without install or run steps for setup docs", () => {
    const signals = detect({
      "README.md": "# shop\n\nSells things. Built with care.\n\n## License\n\nMIT\n",
    });
    expect(signals?.readme?.value).toBe(true);
    expect(signals?.readme_has_setup?.value).toBe(false);
  });

  it("does not take the README that Alembic or Flask-Migrate writes into migrations/ for the project's", () => {
    const migrations = {
      "app.py": "from flask import Flask\napp = Flask(__name__)\n",
      "migrations/README": "Single-database configuration for Flask.\n",
      "alembic/README": "Generic single-database configuration.\n",
    };
    expect(detect(migrations)?.readme).toEqual({ value: false, evidence: [] });
    // a monorepo's service README one folder down still counts
    expect(detect({ ...migrations, "api/README.md": "# api\n" })?.readme?.evidence).toEqual([
      { file: "api/README.md", line: 0, note: "README" },
    ]);
  });

  it("finds an API Blueprint document, but not a blueprint part without resources", () => {
    expect(
      detect({
        "docs/api/apidocs.apib": "FORMAT: 1A\nHOST: https://api.example.com\n\n# Shop API\n",
        "docs/api/routes/users.apib": "## Users [/users]\n\n### List users [GET]\n",
        "docs/api/dataStructures/user.apib": "## User (object)\n+ id: 1 (number)\n",
      })?.api_docs?.evidence,
    ).toEqual([
      { file: "docs/api/apidocs.apib", line: 1, note: "API Blueprint" },
      { file: "docs/api/routes/users.apib", line: 3, note: "API Blueprint" },
    ]);
  });

  it("finds an OpenAPI spec, a Postman collection and a FastAPI app as API docs", () => {
    expect(
      detect({ "api/openapi.yaml": "openapi: 3.1.0\ninfo:\n  title: x\n" })?.api_docs?.evidence,
    ).toEqual([{ file: "api/openapi.yaml", line: 1, note: "OpenAPI spec" }]);
    expect(
      detect({
        "shop.postman_collection.json": '{ "info": { "_postman_id": "1", "name": "shop" } }',
      })?.api_docs?.value,
    ).toBe(true);
    expect(
      detect({ "Postman_Collection.json": '{ "info": { "_postman_id": "2", "name": "api" } }' })
        ?.api_docs?.evidence,
    ).toEqual([{ file: "Postman_Collection.json", line: 1, note: "Postman collection" }]);
    expect(
      detect({ "app/main.py": "from fastapi import FastAPI\napp = FastAPI(title='shop')\n" })
        ?.api_docs?.value,
    ).toBe(true);
    expect(detect({ "app/main.py": "app = FastAPI(openapi_url=None)\n" })?.api_docs?.value).toBe(
      false,
    );
  });

  it("takes the OpenAPI generators that need no annotations for API docs once declared", () => {
    expect(
      detect({
        "build.gradle":
          'dependencies {\n    implementation "io.quarkus:quarkus-smallrye-openapi"\n}\n',
      })?.api_docs?.evidence,
    ).toEqual([{ file: "build.gradle", line: 2, note: "declares quarkus-smallrye-openapi" }]);
    expect(
      detect({ "composer.json": '{ "require": { "dedoc/scramble": "^0.13" } }' })?.api_docs?.value,
    ).toBe(true);
    expect(
      detect({ Gemfile: "source 'https://rubygems.org'\ngem 'swagger-blocks', '~> 3.0'\n" })
        ?.api_docs?.value,
    ).toBe(true);
  });

  it("takes Scribe's published configuration for API docs, not the package alone", () => {
    const composer = '{ "require": { "knuckleswtf/scribe": "^5.6" } }';
    expect(
      detect({
        "composer.json": composer,
        "config/scribe.php":
          "<?php\n\nuse Knuckles\\Scribe\\Config\\Defaults;\n\nreturn ['type' => 'laravel'];\n",
      })?.api_docs?.evidence,
    ).toEqual([
      { file: "config/scribe.php", line: 3, note: "Scribe" },
      { file: "composer.json", line: 1, note: "declares knuckleswtf/scribe" },
    ]);
    expect(detect({ "composer.json": composer })?.api_docs?.value).toBe(false);
  });

  it("takes Django Ninja's NinjaAPI for API docs unless its docs are turned off", () => {
    expect(
      detect({ "api/urls.py": "from ninja import NinjaAPI\n\napi = NinjaAPI(title='jobs')\n" })
        ?.api_docs?.evidence,
    ).toEqual([{ file: "api/urls.py", line: 3, note: "Django Ninja OpenAPI docs" }]);
    expect(detect({ "api/urls.py": "api = NinjaAPI(docs_url=None)\n" })?.api_docs?.value).toBe(
      false,
    );
  });

  it("finds grpc-gateway's <service>.swagger.json, go-swagger's spec.json and its annotations", () => {
    expect(
      detect({ "doc/swagger/notes.swagger.json": '{\n  "swagger": "2.0",\n  "info": {}\n}\n' })
        ?.api_docs?.evidence,
    ).toEqual([{ file: "doc/swagger/notes.swagger.json", line: 2, note: "OpenAPI spec" }]);
    expect(
      detect({ "docs/spec.json": '{\n  "consumes": [],\n  "swagger": "2.0"\n}\n' })?.api_docs
        ?.evidence,
    ).toEqual([{ file: "docs/spec.json", line: 3, note: "OpenAPI spec" }]);
    expect(detect({ "docs/spec.json": '{ "name": "not an API" }' })?.api_docs?.value).toBe(false);
    expect(
      detect({
        "api/note.go":
          "package api\n\n// swagger:operation GET /notes note listNotes\n//\n// List the notes.\nfunc List() {}\n",
      })?.api_docs?.evidence,
    ).toEqual([{ file: "api/note.go", line: 3, note: "go-swagger annotations" }]);
  });

  it("finds apiDoc comment blocks as an API reference", () => {
    expect(
      detect({
        "src/api/routes/v1/user.route.js":
          "/**\n * @api {get} v1/users List Users\n * @apiName ListUsers\n */\nrouter.get('/', controller.list);\n",
      })?.api_docs?.evidence,
    ).toEqual([{ file: "src/api/routes/v1/user.route.js", line: 2, note: "apiDoc comment" }]);
    expect(detect({ "src/client.js": "// calls the @api {get} helper\n" })?.api_docs?.value).toBe(
      false,
    );
  });

  it("does not take a YAML file named api without an OpenAPI header for a spec", () => {
    expect(detect({ "config/api.yaml": "port: 8080\n" })?.api_docs?.value).toBe(false);
  });

  it("finds an OpenAPI spec kept in spec/, though spec/ is a test folder", () => {
    expect(
      detect({ "spec/openapi.yaml": "# the shop API\nopenapi: 3.0.3\ninfo:\n  title: shop\n" })
        ?.api_docs?.evidence,
    ).toEqual([{ file: "spec/openapi.yaml", line: 2, note: "OpenAPI spec" }]);
    expect(
      detect({ "spec/swagger.json": '{\n  "swagger": "2.0",\n  "paths": {}\n}\n' })?.api_docs
        ?.evidence,
    ).toEqual([{ file: "spec/swagger.json", line: 2, note: "OpenAPI spec" }]);
  });

  it("does not take a spec among test fixtures, or a test-folder file without a top-level version, for API docs", () => {
    const cases: [string, string][] = [
      ["spec/fixtures/openapi.yaml", "openapi: 3.0.3\n"],
      ["test/testdata/swagger.json", '{ "swagger": "2.0" }'],
      ["tests/__fixtures__/openapi.json", '{\n  "openapi": "3.1.0"\n}'],
      ["spec/openapi.yaml", "components:\n  openapi: 3.0.3\n"],
      ["spec/openapi.json", '{ "info": { "openapi": "3.0.3" } }'],
      ["spec/swagger.json", "{ not json"],
    ];
    for (const [path, text] of cases) {
      expect(detect({ [path]: text })?.api_docs?.value, path).toBe(false);
    }
  });

  it("finds FastEndpoints' Swagger document and a Scalar reference as API docs", () => {
    expect(
      detect({
        "Web/Program.cs":
          "builder.Services.AddFastEndpoints()\n  .SwaggerDocument(o => { o.ShortSchemaNames = true; });\n",
        "Web/Configurations/MiddlewareConfig.cs":
          "app.UseFastEndpoints();\napp.UseSwaggerGen();\napp.MapScalarApiReference();\n",
      })?.api_docs,
    ).toEqual({
      value: true,
      evidence: [
        { file: "Web/Program.cs", line: 2, note: "FastEndpoints Swagger" },
        { file: "Web/Configurations/MiddlewareConfig.cs", line: 2, note: "FastEndpoints Swagger" },
        { file: "Web/Configurations/MiddlewareConfig.cs", line: 3, note: "Scalar API reference" },
      ],
    });
  });

  it("finds swagger-jsdoc's @swagger and @openapi comment blocks as API docs", () => {
    expect(
      detect({
        "app/controllers/books.js":
          "/**\n * @swagger\n * /books:\n *   get:\n *     summary: List books\n */\nexports.list = async (ctx) => { ctx.body = []; };\n",
        "src/routes/users.ts":
          "/**\n * @openapi\n * /users:\n *   post:\n *     summary: Create a user\n */\nrouter.post('/users', create);\n",
      })?.api_docs,
    ).toEqual({
      value: true,
      evidence: [
        { file: "app/controllers/books.js", line: 2, note: "OpenAPI comment" },
        { file: "src/routes/users.ts", line: 2, note: "OpenAPI comment" },
      ],
    });
    // A tag in running prose is not a spec block.
    expect(
      detect({ "src/a.js": "// see the @swagger docs for the format\nconst a = 1;\n" })?.api_docs
        ?.value,
    ).toBe(false);
  });
});
