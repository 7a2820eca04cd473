import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { dependencyEvidence } from "./dependency-index.js";
import { readPackageManifests } from "./package-json.js";
import { readPythonDependencies } from "./python-manifests.js";

describe("the dependency index", () => {
  it("keys every declaration by its ecosystem, so same-named packages never collide", () => {
    const ctx = scanContextFrom({
      "package.json": JSON.stringify({ dependencies: { redis: "^4.7.0" } }, null, 2),
      "worker/requirements.txt": "redis==5.0.8\n",
      Gemfile: "source 'https://rubygems.org'\ngem 'redis'\n",
    });
    expect(dependencyEvidence(ctx, ["npm:redis"])).toEqual([
      { file: "package.json", line: 3, note: "declares redis" },
    ]);
    expect(dependencyEvidence(ctx, ["pypi:redis"])).toEqual([
      { file: "worker/requirements.txt", line: 1, note: "declares redis" },
    ]);
    expect(dependencyEvidence(ctx, ["gem:redis"])).toEqual([
      { file: "Gemfile", line: 2, note: "declares redis" },
    ]);
  });

  it("looks keys up in any case, Python names in their normalised form", () => {
    const ctx = scanContextFrom({ "requirements.txt": "Flask_SQLAlchemy>=3\n" });
    expect(dependencyEvidence(ctx, ["PyPI:flask-sqlalchemy"])).toEqual([
      { file: "requirements.txt", line: 1, note: "declares flask-sqlalchemy" },
    ]);
  });

  it("holds what the stack detectors' readers find in package.json and Python manifests", () => {
    const ctx = scanContextFrom({
      "package.json": JSON.stringify(
        { dependencies: { express: "^4" }, devDependencies: { vitest: "^2" } },
        null,
        2,
      ),
      "pyproject.toml": `[project]
dependencies = [
  "fastapi",
  "uvicorn[standard]",
]

[dependency-groups]
dev = ["pytest"]
`,
      "setup.cfg": "[options]\ninstall_requires =\n    pymongo\n",
    });
    const npm = readPackageManifests(ctx).flatMap((m) =>
      m.dependencies.map((d) => ({ key: `npm:${d.name}`, file: d.file.path, line: d.line })),
    );
    const pypi = readPythonDependencies(ctx).map((d) => ({
      key: `pypi:${d.name}`,
      file: d.file.path,
      line: d.line,
    }));
    const declared = [...npm, ...pypi];
    expect(declared.map((d) => d.key)).toEqual([
      "npm:express",
      "npm:vitest",
      "pypi:fastapi",
      "pypi:uvicorn",
      "pypi:pytest",
      "pypi:pymongo",
    ]);
    for (const { key, file, line } of declared) {
      expect(dependencyEvidence(ctx, [key]).map((e) => [e.file, e.line])).toEqual([[file, line]]);
    }
  });

  it("reads Maven, Gradle, Go, Composer and NuGet manifests", () => {
    const ctx = scanContextFrom({
      "pom.xml": `<project><dependencies>
  <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency>
</dependencies></project>
`,
      "build.gradle.kts": `plugins {
    checkstyle
}
dependencies {
    implementation("org.flywaydb:flyway-core:10.0")
}
`,
      "go.mod": "module example.com/x\n\nrequire github.com/golang-jwt/jwt/v5 v5.2.0\n",
      "composer.json": JSON.stringify({ require: { "laravel/socialite": "^5" } }, null, 2),
      "Api/Api.csproj":
        '<Project>\n  <PackageReference Include="Serilog" Version="3" />\n</Project>\n',
    });
    const lines = (key: string) => dependencyEvidence(ctx, [key]).map((e) => [e.file, e.line]);
    expect(lines("maven:postgresql")).toEqual([["pom.xml", 2]]);
    expect(lines("maven:org.postgresql:postgresql")).toEqual([["pom.xml", 2]]);
    expect(lines("maven:org.flywaydb:flyway-core")).toEqual([["build.gradle.kts", 5]]);
    expect(lines("gradle-plugin:checkstyle")).toEqual([["build.gradle.kts", 2]]);
    expect(lines("go:github.com/golang-jwt/jwt")).toEqual([["go.mod", 3]]);
    expect(lines("composer:laravel/socialite")).toEqual([["composer.json", 3]]);
    expect(lines("nuget:serilog")).toEqual([["Api/Api.csproj", 2]]);
  });

  it("gives a catalogue library the scope of the build configurations that use it", () => {
    const ctx = scanContextFrom({
      "gradle/libs.versions.toml": `[libraries]
h2 = "com.h2database:h2:2.2.224"
hsqldb = { module = "org.hsqldb:hsqldb" }
derby = { module = "org.apache.derby:derby" }
postgresql = { module = "org.postgresql:postgresql" }
sqlite = { module = "org.xerial:sqlite-jdbc" }

[bundles]
test-databases = ["hsqldb", "derby"]
`,
      "app/build.gradle.kts": `dependencies {
    testImplementation(libs.h2)
    testRuntimeOnly(libs.bundles.test.databases)
    runtimeOnly(libs.postgresql)
}
`,
      "tools/build.gradle":
        "dependencies {\n    testImplementation libs.derby\n    implementation libs.derby\n}\n",
    });
    const runtime = (artifact: string) => dependencyEvidence(ctx, [`maven:${artifact}`], "prod");
    // used only by tests, directly or through a bundle
    expect(runtime("h2")).toEqual([]);
    expect(runtime("hsqldb")).toEqual([]);
    expect(dependencyEvidence(ctx, ["maven:hsqldb"])).toHaveLength(1);
    // used by the application somewhere, or named by no build at all
    expect(runtime("derby")).toHaveLength(1);
    expect(runtime("postgresql")).toEqual([
      { file: "gradle/libs.versions.toml", line: 5, note: "declares postgresql" },
    ]);
    expect(runtime("sqlite-jdbc")).toHaveLength(1);
  });

  it("leaves out the manifests of examples and tests", () => {
    const ctx = scanContextFrom({
      "examples/demo/package.json": JSON.stringify({ dependencies: { pg: "8" } }),
      "tests/fixtures/app/requirements.txt": "psycopg2\n",
    });
    expect(dependencyEvidence(ctx, ["npm:pg", "pypi:psycopg2"])).toEqual([]);
  });

  it("keeps three places per package, enough for a reader to check", () => {
    const files = Object.fromEntries(
      ["a", "b", "c", "d"].map((dir) => [`services/${dir}/requirements.txt`, "redis\n"]),
    );
    expect(dependencyEvidence(scanContextFrom(files), ["pypi:redis"])).toHaveLength(3);
  });
});
