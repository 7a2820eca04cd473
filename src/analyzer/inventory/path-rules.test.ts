import { describe, expect, it } from "vitest";
import { hasGeneratedHeader, looksMinified, pathVerdict } from "./path-rules.js";

describe("pathVerdict", () => {
  it("marks dependency folders as vendored wherever they are nested", () => {
    expect(pathVerdict("node_modules/express/index.js")).toBe("vendored");
    expect(pathVerdict("services/api/vendor/github.com/x/y.go")).toBe("vendored");
    expect(pathVerdict(".venv/lib/python3.12/site-packages/a.py")).toBe("vendored");
  });

  it("marks the Maven wrapper's committed downloader as vendored, not the app's own code", () => {
    expect(pathVerdict(".mvn/wrapper/MavenWrapperDownloader.java")).toBe("vendored");
    expect(pathVerdict("orders/.mvn/wrapper/maven-wrapper.properties")).toBe("vendored");
    expect(pathVerdict("src/main/java/com/shop/wrapper/Downloader.java")).toBe(null);
  });

  it("marks browser libraries copied into a static folder as vendored, not the app's bootstrap", () => {
    for (const path of [
      "TodoApp/static/js/jquery-slim.js",
      "TodoApp/static/js/bootstrap.js",
      "TodoApp/static/css/bootstrap.css",
      "TodoApp/static/js/popper.js",
      "wwwroot/lib/jquery/dist/jquery.js",
      "public/js/bootstrap.bundle.js",
    ]) {
      expect(pathVerdict(path), path).toBe("vendored");
    }
    for (const path of [
      "TodoApp/static/js/base.js",
      "src/bootstrap.ts",
      "src/bootstrap.js",
      "resources/js/bootstrap.js",
      "app/static/js/todo-popper-menu.js",
    ]) {
      expect(pathVerdict(path), path).toBeNull();
    }
  });

  it("marks build output, minified files, source maps, lockfiles and protobuf output as generated", () => {
    for (const path of [
      "dist/index.js",
      "web/build/app.js",
      "target/classes/A.java",
      "public/app.min.js",
      "app.js.map",
      "yarn.lock",
      "api/go.sum",
      "Gemfile.lock",
      "pb/user.pb.go",
      "pb/user_pb2.py",
      "admin/.vite/deps/react.js",
      ".angular/cache/app.js",
      "_ide_helper.php",
      "_ide_helper_models.php",
      ".phpstorm.meta.php",
    ]) {
      expect(pathVerdict(path), path).toBe("generated");
    }
  });

  it("marks a .NET project's committed bin/Debug, bin/Release and obj/ output as generated", () => {
    for (const path of [
      "Todo api backend/bin/Debug/net10.0/appsettings.json",
      "Api/bin/Release/net8.0/Api.deps.json",
      "Todo api backend/obj/project.assets.json",
      "Todo api backend/obj/Todo api backend.csproj.nuget.dgspec.json",
      "Api/obj/Debug/net8.0/Api.AssemblyInfo.cs",
    ]) {
      expect(pathVerdict(path), path).toBe("generated");
    }
    for (const path of ["bin/rails", "bin/setup", "src/obj/loader.ts", "Api/Program.cs"]) {
      expect(pathVerdict(path), path).toBe(null);
    }
  });

  it("marks the documentation page Laravel's Scribe generates as generated", () => {
    expect(pathVerdict("resources/views/scribe/index.blade.php")).toBe("generated");
    expect(pathVerdict("resources/views/welcome.blade.php")).toBe(null);
    expect(pathVerdict("config/scribe.php")).toBe(null);
  });

  it("marks an editor's local history of saved copies as generated", () => {
    expect(pathVerdict(".history/src/app/api/users/route_20240312101522.ts")).toBe("generated");
    expect(pathVerdict("web/.history/pages/index_20240101.tsx")).toBe("generated");
    expect(pathVerdict("src/history/timeline.ts")).toBe(null);
  });

  it("marks bundles named with a content hash as generated, wherever they were committed", () => {
    for (const path of [
      "public/assets/index-A2eTmTOh.js",
      "public/assets/vendor-ui-RPHv_71o.js",
      "public/assets/page-crm-DiK-Fdr9.js",
      "public/assets/index-DYXX39ZL.css",
      "src/main/resources/static/assets/index-CmpqvjPo.js",
      "public/assets/index-3f9a1c2b.js",
      "static/js/main.3f9a1c2b.js",
      "static/js/2.a1b2c3d4.chunk.js",
      "main.5e8f9a2c1b3d4e6f7a8b.js",
      "public/assets/application-0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9.css",
    ]) {
      expect(pathVerdict(path), path).toBe("generated");
    }
  });

  it("leaves hand-written files alone though their names end in a word, a date or a camelCase part", () => {
    for (const path of [
      "public/assets/user-settings.js",
      "public/assets/api-userData.js",
      "src/assets/index-A2eTmTOh.js",
      "src/components/auth-Provider.js",
      "migrations/seed-20240101.js",
      "src/app.module.ts",
      "src/routes/user-deadbeef.js",
      "types/ambient.d.ts",
      "src/types/api.d.ts",
      "public/js/app-20240101.js",
    ]) {
      expect(pathVerdict(path), path).toBeNull();
    }
  });

  it("leaves application code alone, including names that merely contain those words", () => {
    for (const path of [
      "src/build-info.ts",
      "src/vendors.ts",
      "distribution/notes.md",
      "lib/targets.py",
      "src/locks.go",
    ]) {
      expect(pathVerdict(path), path).toBeNull();
    }
  });
});

describe("hasGeneratedHeader", () => {
  it("recognises the usual 'generated, do not edit' headers near the top", () => {
    expect(hasGeneratedHeader("// Code generated by sqlc. DO NOT EDIT.\npackage db\n")).toBe(true);
    expect(hasGeneratedHeader("# This file is auto-generated; do not edit it by hand.\n")).toBe(
      true,
    );
    expect(hasGeneratedHeader("/* @generated */\nexport {}\n")).toBe(true);
    expect(
      hasGeneratedHeader("# AUTOMATICALLY GENERATED FILE by the deploy workflow\nkind: Secret\n"),
    ).toBe(true);
  });

  it("recognises a declaration file that says further into its comment that it was generated", () => {
    const header = [
      '/// <reference path="../gi-types/gio-2.0.d.ts" />',
      "",
      "/**",
      " * Type definitions for the weather library",
      " *",
      " * These type definitions are automatically generated, do not edit them by hand.",
      " */",
      "export namespace GWeather {}",
    ].join("\n");
    expect(hasGeneratedHeader(header)).toBe(true);
    expect(
      hasGeneratedHeader(
        "/**\n * Types for our API, written by hand: do not edit the generated client.\n */\n",
      ),
    ).toBe(false);
  });

  it("ignores hand-written code that mentions generation or uses Java's @Generated", () => {
    expect(hasGeneratedHeader("// generated ids are random\nexport const id = 1;\n")).toBe(false);
    expect(hasGeneratedHeader('@Generated("tool")\npublic class A {}\n')).toBe(false);
    expect(hasGeneratedHeader("x\n".repeat(600) + "// Code generated. DO NOT EDIT.\n")).toBe(false);
  });
});

describe("looksMinified", () => {
  it("takes a long file of very long lines for a bundle, and leaves ordinary code alone", () => {
    const bundle = `!function(e){${"var a=1;".repeat(10_000)}}();\n//# sourceMappingURL=ui.js.map\n`;
    expect(looksMinified(bundle)).toBe(true);
    expect(looksMinified("export const a = 1;\n".repeat(5_000))).toBe(false);
    expect(looksMinified(`const data = "${"x".repeat(5_000)}";\n`)).toBe(false);
  });
});
