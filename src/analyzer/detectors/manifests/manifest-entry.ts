import type { DependencyScope } from "./declared-dependency.js";

/**
 * One name that a Composer, Maven/Gradle, Go, Bundler or .NET manifest declares, as both the
 * stack detectors (is Laravel, Gin, Spring Boot, ASP.NET Core declared?) and the dependency index
 * (which signal libraries are declared?) read it.
 */

/**
 * What kind of name it is, which is also the prefix of its dependency-index key: packages of
 * Composer, Maven (dependencies, plugins and parent POMs alike), Go modules, gems and NuGet; Gradle
 * plugin ids; MSBuild project SDKs (`<Project Sdk="Microsoft.NET.Sdk.Web">`); .NET shared
 * frameworks (`<FrameworkReference Include="Microsoft.AspNetCore.App">`).
 */
export type Namespace =
  | "composer"
  | "maven"
  | "gradle-plugin"
  | "go"
  | "gem"
  | "nuget"
  | "msbuild-sdk"
  | "dotnet-framework";

export interface ManifestEntry {
  readonly namespace: Namespace;
  /**
   * As the manifest writes it: "laravel/framework", "github.com/labstack/echo/v4" (major-version
   * suffix kept), "rails", "Microsoft.AspNetCore.OpenApi"; for Maven the artifact id alone.
   */
  readonly name: string;
  /** the Maven group id, when the declaration gives one */
  readonly group: string | null;
  /** 1-based line of the name */
  readonly line: number;
  /** dev for what only tests or tooling use (Maven test scope, Gradle test configurations) */
  readonly scope: DependencyScope;
  /**
   * For a Gradle version catalogue's library, how build files name it (`libs.spring.boot.web`
   * for the alias spring-boot-web), without "libs.": its scope is where the builds use it.
   */
  readonly catalogAccessor?: string;
}

/** Records one declaration found at a character offset of the manifest's text. */
export type AddEntry = (
  namespace: Namespace,
  name: string,
  offset: number,
  group?: string | null,
  scope?: DependencyScope,
  catalogAccessor?: string,
) => void;

/** Finds the declarations of one manifest format in a file's text. */
export type ManifestParser = (text: string, add: AddEntry) => void;
