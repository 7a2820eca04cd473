import { describe, expect, it } from "vitest";
import { sourceFile } from "../../test-support/scan-context-from.js";
import type { ManifestEntry } from "./manifest-entry.js";
import { entryKeys, hasKey, manifestEntries } from "./other-ecosystems.js";

function entries(path: string, text: string): ManifestEntry[] | null {
  return manifestEntries(sourceFile(path, text));
}

/** namespace:name (with the Maven group when there is one) @ line */
function brief(path: string, text: string): string[] {
  return (entries(path, text) ?? []).map(
    (e) => `${e.namespace}:${e.group ? `${e.group}:` : ""}${e.name}@${e.line}`,
  );
}

describe("manifestEntries", () => {
  it("is null for a file that is no manifest of these ecosystems", () => {
    expect(entries("README.md", "gem 'rails'\n")).toBeNull();
    expect(entries("package.json", "{}")).toBeNull();
  });

  it("reads a pom's parent, dependencies and plugins, not its own artifact id or exclusions", () => {
    const pom = `<project>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
  </parent>
  <artifactId>shop</artifactId>
  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-web</artifactId>
      <exclusions><exclusion>
        <groupId>org.springframework.boot</groupId>
        <artifactId>spring-boot-starter-logging</artifactId>
      </exclusion></exclusions>
    </dependency>
  </dependencies>
  <build><plugins><plugin>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-maven-plugin</artifactId>
  </plugin></plugins></build>
</project>
`;
    expect(brief("pom.xml", pom)).toEqual([
      "maven:org.springframework.boot:spring-boot-starter-parent@4",
      "maven:org.springframework.boot:spring-boot-starter-web@10",
      "maven:org.springframework.boot:spring-boot-maven-plugin@19",
    ]);
  });

  it("reads Gradle coordinates, map notation and plugins in the order of the file", () => {
    const gradle = `plugins {
    id 'org.springframework.boot' version '3.3.0'
    checkstyle
}
configurations.all { exclude group: 'org.springframework.boot', module: 'spring-boot-starter-logging' }
dependencies {
    implementation group: 'org.flywaydb', name: 'flyway-core', version: '10.0'
    implementation 'org.postgresql:postgresql:42.7.3'
}
`;
    expect(brief("build.gradle", gradle)).toEqual([
      "gradle-plugin:org.springframework.boot@2",
      "gradle-plugin:checkstyle@3",
      "maven:org.flywaydb:flyway-core@7",
      "maven:org.postgresql:postgresql@8",
    ]);
    expect(
      brief("build.gradle.kts", 'implementation(group = "io.ktor", name = "ktor-server")\n'),
    ).toEqual(["maven:io.ktor:ktor-server@1"]);
  });

  it("reads MSBuild packages and SDKs with attributes in any order, frameworks apart", () => {
    const project = `<Project Sdk="Microsoft.NET.Sdk.Web">
  <Sdk Name="Aspire.AppHost.Sdk" Version="9.0.0" />
  <ItemGroup>
    <PackageReference Version="8.0.0" Include="Microsoft.AspNetCore.OpenApi" />
    <PackageReference
        Include="Serilog"
        Version="3.1.1" />
    <FrameworkReference Include="Microsoft.AspNetCore.App" />
  </ItemGroup>
  <Import Project="Sdk.targets" Sdk="Microsoft.Build.NoTargets/3.7.0;Other.Sdk" />
</Project>
`;
    expect(brief("Api/Api.csproj", project)).toEqual([
      "msbuild-sdk:Microsoft.NET.Sdk.Web@1",
      "msbuild-sdk:Aspire.AppHost.Sdk@2",
      "nuget:Microsoft.AspNetCore.OpenApi@4",
      "nuget:Serilog@6",
      "dotnet-framework:Microsoft.AspNetCore.App@8",
      "msbuild-sdk:Microsoft.Build.NoTargets@10",
      "msbuild-sdk:Other.Sdk@10",
    ]);
    const config = `<packages>\n  <package version="13.0.3" id="Newtonsoft.Json" />\n</packages>\n`;
    expect(brief("packages.config", config)).toEqual(["nuget:Newtonsoft.Json@2"]);
  });

  it("reads the requirements of a go.mod, not its own module line, comments or indirect ones", () => {
    const goMod = `module github.com/gin-gonic/gin

// was github.com/gorilla/mux v1.8.0
require github.com/go-chi/chi/v5 v5.0.12

require (
	github.com/lib/pq v1.10.9
	github.com/labstack/echo/v4 v4.12.0 // indirect
	github.com/grpc-ecosystem/grpc-gateway/v2 v2.27.1 //indirect
)
`;
    expect(brief("go.mod", goMod)).toEqual([
      "go:github.com/go-chi/chi/v5@4",
      "go:github.com/lib/pq@7",
    ]);
  });

  it("reads composer require and require-dev only, and nothing from invalid JSON", () => {
    const composer = JSON.stringify(
      {
        require: { "laravel/framework": "^11" },
        "require-dev": { "phpunit/phpunit": "^11" },
        suggest: { "laravel/socialite": "for OAuth" },
      },
      null,
      2,
    );
    expect(brief("composer.json", composer)).toEqual([
      "composer:laravel/framework@3",
      "composer:phpunit/phpunit@6",
    ]);
    expect(brief("composer.json", '{ "require": { "laravel/framework": "^11", } }')).toEqual([]);
  });

  it("reads gems with or without parentheses, and gemspec dependencies", () => {
    expect(brief("Gemfile", "# gem 'sinatra'\ngem 'rails', '~> 7.1'\ngem(\"pg\")\n")).toEqual([
      "gem:rails@2",
      "gem:pg@3",
    ]);
    expect(brief("x.gemspec", '  spec.add_development_dependency "rspec"\n')).toEqual([
      "gem:rspec@1",
    ]);
  });
});

describe("dependency scope", () => {
  const scopes = (path: string, text: string): string[] =>
    (entries(path, text) ?? []).map((e) => `${e.name}:${e.scope}`);

  it("marks Maven test-scoped dependencies dev, runtime and provided ones prod", () => {
    const pom = `<project><dependencies>
  <dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId><scope>test</scope></dependency>
  <dependency>
    <groupId>org.hsqldb</groupId>
    <artifactId>hsqldb</artifactId>
    <scope>runtime</scope>
  </dependency>
  <dependency><groupId>jakarta.servlet</groupId><artifactId>jakarta.servlet-api</artifactId><scope>provided</scope></dependency>
</dependencies></project>
`;
    expect(scopes("pom.xml", pom)).toEqual(["h2:dev", "hsqldb:prod", "jakarta.servlet-api:prod"]);
  });

  it("marks Gradle declarations in test configurations dev", () => {
    const gradle = `dependencies {
    runtimeOnly 'com.h2database:h2'
    testRuntimeOnly 'org.hsqldb:hsqldb'
    testImplementation("org.apache.derby:derby:10.17.1.0")
    androidTestImplementation group: 'org.xerial', name: 'sqlite-jdbc'
    implementation 'org.postgresql:postgresql:42.7.3'
}
`;
    expect(scopes("build.gradle", gradle)).toEqual([
      "h2:prod",
      "hsqldb:dev",
      "derby:dev",
      "sqlite-jdbc:dev",
      "postgresql:prod",
    ]);
  });

  it("reads a version catalogue's libraries in all three notations, with their accessors", () => {
    const catalogue = `[versions]
spring-boot = "3.3.0"

[libraries]
h2 = "com.h2database:h2:2.2.224"
spring-boot-starter-web = { module = "org.springframework.boot:spring-boot-starter-web", version.ref = "spring-boot" }
postgres_driver = { group = "org.postgresql", name = "postgresql", version = "42.7.3" }

[bundles]
testing = ["h2"]

[plugins]
spring-boot = { id = "org.springframework.boot", version.ref = "spring-boot" }
`;
    expect(
      entries("gradle/libs.versions.toml", catalogue)?.map(
        (e) => `${e.group ?? ""}:${e.name}@${e.line} ${e.catalogAccessor ?? "-"}`,
      ),
    ).toEqual([
      "com.h2database:h2@5 h2",
      "org.springframework.boot:spring-boot-starter-web@6 spring.boot.starter.web",
      "org.postgresql:postgresql@7 postgres.driver",
      ":org.springframework.boot@13 -",
    ]);
  });

  it("marks gems only Bundler's development and test groups load dev", () => {
    const gemfile = `source "https://rubygems.org"
gem "rails", "~> 7.1"
group :development, :test do # local tools
  gem "sqlite3"
  if ENV["CI"]
    gem "simplecov"
  end
  gem "rspec-rails"
end
group :production do
  gem "pg"
end
gem "puma"
gem "debug", group: :development
gem "rubocop", groups: [:development, :test], require: false
gem "sidekiq", groups: [:default, :test]
`;
    expect(scopes("Gemfile", gemfile)).toEqual([
      "rails:prod",
      "sqlite3:dev",
      "simplecov:dev",
      "rspec-rails:dev",
      "pg:prod",
      "puma:prod",
      "debug:dev",
      "rubocop:dev",
      "sidekiq:prod",
    ]);
    expect(
      scopes(
        "x.gemspec",
        '  spec.add_development_dependency "rspec"\n  spec.add_dependency "rack"\n',
      ),
    ).toEqual(["rspec:dev", "rack:prod"]);
  });

  it("marks Composer's require-dev dev", () => {
    const composer =
      '{"require": {"laravel/framework": "^11"}, "require-dev": {"phpunit/phpunit": "^11"}}';
    expect(scopes("composer.json", composer)).toEqual([
      "laravel/framework:prod",
      "phpunit/phpunit:dev",
    ]);
  });
});

describe("entryKeys and hasKey", () => {
  const entry = (over: Partial<ManifestEntry>): ManifestEntry => ({
    namespace: "maven",
    name: "postgresql",
    group: null,
    line: 1,
    scope: "prod",
    ...over,
  });

  it("files a Maven entry under its artifact and, with a group, its coordinates", () => {
    expect(entryKeys(entry({ group: "org.postgresql" }))).toEqual([
      "maven:postgresql",
      "maven:org.postgresql:postgresql",
    ]);
    expect(entryKeys(entry({}))).toEqual(["maven:postgresql"]);
  });

  it("files a Go module under its path without the major-version suffix", () => {
    expect(entryKeys(entry({ namespace: "go", name: "github.com/labstack/echo/v4" }))).toEqual([
      "go:github.com/labstack/echo",
    ]);
  });

  it("matches keys in any case, as the dependency index does", () => {
    const sdk = entry({ namespace: "msbuild-sdk", name: "Microsoft.NET.Sdk.Web" });
    expect(hasKey(sdk, "msbuild-sdk:microsoft.net.sdk.web")).toBe(true);
    expect(hasKey(sdk, "nuget:microsoft.net.sdk.web")).toBe(false);
  });
});
