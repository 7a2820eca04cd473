/**
 * What Maven and Gradle builds declare: Spring Boot (any spring-boot-starter, an artifact of
 * Boot's own group such as the Boot parent or plugin, or the Gradle plugin) and JAX-RS
 * implementations. Every pom.xml and build.gradle(.kts) counts, so a multi-module build is seen
 * whole. Client-only artifacts (…-rest-client) do not count. The builds are read by the shared
 * manifest reader (../manifests/), which the dependency index uses too.
 */
import type { ScanContext, SourceFile } from "../../scan-context.js";
import type { ManifestEntry } from "../manifests/manifest-entry.js";
import { manifestEntries } from "../manifests/other-ecosystems.js";
import type { FrameworkSightings } from "../stack-text/framework-finding.js";

const BUILD_FILES = new Set(["pom.xml", "build.gradle", "build.gradle.kts"]);
const BOOT_GROUP = "org.springframework.boot";
/** Boot's BOM only lends its version list: builds of plain Spring MVC import it too. */
const BOOT_BOM = "spring-boot-dependencies";
/** Artifact ids of JAX-RS APIs and server implementations, matched anywhere in the artifact id. */
const JAX_RS =
  /jakarta\.ws\.rs-api|javax\.ws\.rs-api|jersey-server|jersey-container-[\w-]+|spring-boot-starter-jersey|resteasy-core|resteasy-jaxrs|quarkus-resteasy(?:-reactive)?(?![\w-]*client)|quarkus-rest(?![\w-]*client)|cxf-rt-frontend-jaxrs/;

export function isBuildFile(file: SourceFile): boolean {
  return BUILD_FILES.has(file.name);
}

function declaresSpringBoot(entry: ManifestEntry): boolean {
  if (entry.namespace === "gradle-plugin") return entry.name === BOOT_GROUP;
  return (
    entry.namespace === "maven" &&
    ((entry.group === BOOT_GROUP && entry.name !== BOOT_BOM) ||
      entry.name.includes("spring-boot-starter") ||
      entry.name === "spring-boot-maven-plugin")
  );
}

function declaresJaxRs(entry: ManifestEntry): boolean {
  return entry.namespace === "maven" && JAX_RS.test(entry.name);
}

export function readJvmManifests(ctx: ScanContext, sightings: FrameworkSightings): void {
  for (const file of ctx.files) {
    if (file.role !== "app" || !isBuildFile(file)) continue;
    const entries = manifestEntries(file) ?? [];
    const boot = entries.find(declaresSpringBoot);
    if (boot)
      sightings.declared("spring-boot", { file: file.path, line: boot.line, note: boot.name });
    const jaxrs = entries.find(declaresJaxRs);
    if (jaxrs)
      sightings.declared("jax-rs", { file: file.path, line: jaxrs.line, note: jaxrs.name });
  }
}

/**
 * A source folder a build names (`<sourceDirectory>`, build-helper's `<source>`, Gradle's
 * `srcDir "gen"` or `srcDirs = ["app"]`): group 1, 2 or 3. A `<source>` without a slash is the
 * compiler's Java version.
 */
const NAMED_SOURCE_DIR =
  /<sourceDirectory>\s*([^<\s]{1,200})\s*<\/|<source>\s*([^<\s]{0,100}\/[^<\s]{0,100})\s*<\/|\bsrcDirs?\b\s*(?:\+?=\s*)?\(?\s*(?:(?:files|listOf|setOf)\s*\(\s*)?\[?\s*["']([^"'\n]{1,200})["']/g;

/**
 * Whether a Java or Kotlin file lies outside every source set the repository's builds compile:
 * with Maven or Gradle laying sources out under `src/` (src/main/java, src/jvmMain/kotlin …), a
 * file with no `src/` folder on its path (a code generator's templates, `contributed/gen/
 * REPLACEMEController.kt`) is not part of the app. Without such a build, or with a build that
 * names a source folder outside `src/`, every file counts.
 */
export function outsideJvmSourceSets(ctx: ScanContext): (path: string) => boolean {
  const builds = ctx.files.filter((f) => f.role === "app" && isBuildFile(f));
  const elsewhere = builds.some((f) =>
    [...f.text.matchAll(NAMED_SOURCE_DIR)].some(
      (m) => !/(?:^|[/}])src(?:\/|$)/.test(m[1] ?? m[2] ?? m[3] ?? ""),
    ),
  );
  if (builds.length === 0 || elsewhere) return () => false;
  return (path) => !/(?:^|\/)src\//.test(path);
}
