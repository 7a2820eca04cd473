/**
 * What Maven and Gradle builds declare: Spring Boot (any spring-boot-starter, the Boot parent or
 * plugin) and JAX-RS implementations. Every pom.xml and build.gradle(.kts) counts, so a
 * multi-module build is seen whole. Client-only artifacts (…-rest-client) do not count.
 */
import type { ScanContext, SourceFile } from "../../scan-context.js";
import { evidence } from "../../scan-context.js";
import type { FrameworkSightings } from "../stack-text/framework-finding.js";

const BUILD_FILES = new Set(["pom.xml", "build.gradle", "build.gradle.kts"]);
const SPRING_BOOT =
  /spring-boot-starter[\w-]*|spring-boot-maven-plugin|id\s*\(?\s*["']org\.springframework\.boot["']|org\.springframework\.boot:spring-boot/;
const JAX_RS =
  /jakarta\.ws\.rs-api|javax\.ws\.rs-api|jersey-server|jersey-container-[\w-]+|spring-boot-starter-jersey|resteasy-core|resteasy-jaxrs|quarkus-resteasy(?:-reactive)?(?![\w-]*client)|quarkus-rest(?![\w-]*client)|cxf-rt-frontend-jaxrs/;

export function isBuildFile(file: SourceFile): boolean {
  return BUILD_FILES.has(file.name);
}

export function readJvmManifests(ctx: ScanContext, sightings: FrameworkSightings): void {
  for (const file of ctx.files) {
    if (file.role !== "app" || !isBuildFile(file)) continue;
    const boot = SPRING_BOOT.exec(file.text);
    if (boot) sightings.declared("spring-boot", evidence(file, boot.index, boot[0]));
    const jaxrs = JAX_RS.exec(file.text);
    if (jaxrs) sightings.declared("jax-rs", evidence(file, jaxrs.index, jaxrs[0]));
  }
}
