/**
 * The scope of a Gradle version catalogue's libraries, from where the build files use them: a
 * library that builds name only in test configurations (`testImplementation(libs.h2)`, directly
 * or through a bundle) is "dev"; one any other configuration names is "prod". A library no build
 * names keeps "prod", as a declaration with no scope does everywhere else.
 */
import type { ScanContext } from "../../scan-context.js";
import type { DependencyScope } from "./declared-dependency.js";
import { catalogBundles, gradleScope } from "./jvm-builds.js";

/** `libs.<accessor>` in a build file; `libs.bundles.<name>` names a bundle's libraries. */
const LIBS_REFERENCE = /\blibs\.([A-Za-z][\w.]*)/g;

export function catalogScopes(ctx: ScanContext): Map<string, DependencyScope> {
  const bundles = new Map<string, string[]>();
  for (const file of ctx.files) {
    if (file.role !== "app" || file.name !== "libs.versions.toml") continue;
    for (const [name, members] of catalogBundles(file.text)) bundles.set(name, members);
  }
  const scopes = new Map<string, DependencyScope>();
  for (const file of ctx.files) {
    if (file.role !== "app" || (file.name !== "build.gradle" && file.name !== "build.gradle.kts"))
      continue;
    for (const m of file.text.matchAll(LIBS_REFERENCE)) {
      const accessor = (m[1] ?? "").toLowerCase().replace(/\.get$/, "");
      if (accessor.startsWith("plugins.") || accessor.startsWith("versions.")) continue;
      const used = accessor.startsWith("bundles.")
        ? (bundles.get(accessor.slice("bundles.".length)) ?? [])
        : [accessor];
      const scope = gradleScope(file.text, m.index);
      for (const library of used) {
        if (scopes.get(library) !== "prod") scopes.set(library, scope);
      }
    }
  }
  return scopes;
}
