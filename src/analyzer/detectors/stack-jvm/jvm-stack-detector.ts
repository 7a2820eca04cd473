/**
 * The JVM stack detector (Java and Kotlin): Spring Boot / Spring MVC and JAX-RS frameworks, their
 * HTTP endpoints with full paths, and whether the application serves JSON.
 *
 * Spring endpoints carry the framework id `spring-boot` when Boot is declared or bootstrapped in
 * the repository, and `spring` for plain Spring MVC without Boot.
 */
import type { Endpoint, Evidence } from "../../report.js";
import type { Detector, Findings, ScanContext, SourceFile } from "../../scan-context.js";
import { evidence } from "../../scan-context.js";
import { sortEndpoints } from "../stack-text/endpoint-list.js";
import { FrameworkSightings } from "../stack-text/framework-finding.js";
import { maskComments } from "../stack-text/mask-comments.js";
import { scanDeclarations } from "./java-declarations.js";
import { applicationPathIn, jaxRsEndpoints, quarkusRestPath } from "./jaxrs-endpoints.js";
import { ConstantTable } from "./jvm-constants.js";
import type { ResolvedString } from "./jvm-constants.js";
import { readJvmManifests } from "./jvm-manifests.js";
import { SpringPrefixes } from "./spring-config.js";
import { springEndpoints } from "./spring-endpoints.js";

const BOOTSTRAP = /@SpringBootApplication\b|\bSpringApplication\.run\s*\(|\brunApplication\s*</;
const JAX_RS_IMPORT = /\bimport\s+(?:javax|jakarta)\.ws\.rs\./;
const CONSTANT_HINT =
  /\bstatic\s+final\s+String\b|\bfinal\s+static\s+String\b|\bconst\s+val\b|\binterface\b/;
const MAX_JSON_EVIDENCE = 5;

interface JvmSource {
  readonly file: SourceFile;
  readonly masked: string;
}

export const jvmStackDetector: Detector = {
  id: "stack-jvm",
  detect(ctx: ScanContext): Findings {
    const sightings = new FrameworkSightings();
    readJvmManifests(ctx, sightings);

    const constants = new ConstantTable();
    const sources: JvmSource[] = [];
    let applicationPath: ResolvedString | null = null;
    for (const file of ctx.files) {
      if (file.role !== "app") continue;
      if (file.name === "application.properties" && file.text.includes("quarkus.")) {
        const quarkus = quarkusRestPath(file.text);
        if (quarkus !== null) applicationPath ??= { value: quarkus, resolved: true };
      }
      if (file.ext !== "java" && file.ext !== "kt") continue;
      const mayHoldConstants = CONSTANT_HINT.test(file.text);
      if (!mayHoldConstants && !file.text.includes("@")) continue;
      const masked = maskComments(file.text, file.ext === "kt" ? "kotlin" : "java");
      if (mayHoldConstants) constants.addFile(masked);
      const boot = BOOTSTRAP.exec(masked);
      if (boot) sightings.used("spring-boot", evidence(file, boot.index, boot[0].trim()));
      if (masked.includes("ApplicationPath"))
        applicationPath = applicationPathIn(masked, constants) ?? applicationPath;
      if (masked.includes("Mapping") || JAX_RS_IMPORT.test(masked)) sources.push({ file, masked });
    }

    const springId = sightings.has("spring-boot") ? "spring-boot" : "spring";
    const prefixes = new SpringPrefixes(ctx);
    const endpoints: Endpoint[] = [];
    const json: Evidence[] = [];
    for (const { file, masked } of sources) {
      const decls = scanDeclarations(masked);
      if (masked.includes("Mapping")) {
        const spring = springEndpoints(
          file,
          decls,
          constants,
          prefixes.forFile(file.path),
          springId,
        );
        if (spring.endpoints.length > 0 && springId === "spring") {
          sightings.used("spring", { file: file.path, line: spring.endpoints[0]?.line ?? 0 });
        }
        endpoints.push(...spring.endpoints);
        json.push(...spring.json);
      }
      const jaxImport = JAX_RS_IMPORT.exec(masked);
      if (jaxImport) {
        const jaxrs = jaxRsEndpoints(
          file,
          decls,
          constants,
          applicationPath ?? { value: "", resolved: true },
        );
        if (jaxrs.endpoints.length > 0)
          sightings.used("jax-rs", evidence(file, jaxImport.index, "javax/jakarta.ws.rs"));
        endpoints.push(...jaxrs.endpoints);
        json.push(...jaxrs.json);
      }
    }

    return {
      frameworks: sightings.findings(() => "backend"),
      endpoints: sortEndpoints(endpoints),
      signals: {
        rest_api: { value: json.length > 0, evidence: json.slice(0, MAX_JSON_EVIDENCE) },
      },
    };
  },
};
