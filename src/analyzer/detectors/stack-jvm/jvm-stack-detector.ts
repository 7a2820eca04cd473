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
import { joinUrlPath } from "../stack-text/url-path.js";
import { FrameworkSightings } from "../stack-text/framework-finding.js";
import { contains } from "../stack-text/keyword-search.js";
import { maskComments } from "../stack-text/mask-comments.js";
import { isJsonApi } from "../stack-text/rest-api-verdict.js";
import { scanDeclarations, subclassesByBase } from "./java-declarations.js";
import { splitTopLevel } from "../stack-text/brackets.js";
import {
  applicationPathIn,
  jaxRsBasePath,
  jaxRsEndpoints,
  QUARKUS_REST_PATH_KEYS,
  subResourceLocators,
} from "./jaxrs-endpoints.js";
import { annotationPaths } from "./annotation-paths.js";
import { annotationArgs } from "./java-declarations.js";
import { apiFirstEndpoints } from "./openapi-first.js";
import { ConstantTable, mayHoldConstants } from "./jvm-constants.js";
import type { ResolvedString } from "./jvm-constants.js";
import { outsideJvmSourceSets, readJvmManifests } from "./jvm-manifests.js";
import { SpringPrefixes } from "./spring-config.js";
import { springEndpoints } from "./spring-endpoints.js";
import { HandlerIndex } from "./functional-handlers.js";
import {
  functionalMounts,
  mayRouteFunctionally,
  springFunctionalEndpoints,
} from "./spring-functional-endpoints.js";
import { maySetSecurityUrls, springSecurityEndpoints } from "./spring-security-urls.js";

const BOOTSTRAP = /@SpringBootApplication\b|\bSpringApplication\.run\s*\(|\brunApplication\s*</;
const JAX_RS_IMPORT = /\bimport\s+(?:javax|jakarta)\.ws\.rs\./;
const MAX_JSON_EVIDENCE = 5;
/**
 * A class that may implement an interface generated from an OpenAPI spec (`implements PetsApi`,
 * Helidon's `implements OwnerService`, or a Quarkus-generated `implements HeroesResource`).
 */
const IMPLEMENTS_API = /(?:\bimplements\b|\)\s*:)[^{]*\w+(?:Api|Service|Resource)\b/;
/**
 * A module that registers Spring Boot auto-configuration is a library (a starter, or Boot
 * itself): controllers it ships (an error page, a management endpoint) serve whichever app adds
 * it, not an application of this repository.
 */
const AUTO_CONFIGURATION =
  /(^|\/)src\/main\/resources\/META-INF\/(?:spring\/[\w.]*AutoConfiguration\.imports|spring\.factories)$/;

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
    const bootstraps: string[] = [];
    const interfaces = new Set<string>();
    const implementers: JvmSource[] = [];
    const securityConfigs: JvmSource[] = [];
    const functionalRouters: JvmSource[] = [];
    const handlers = new HandlerIndex();
    const notCompiled = outsideJvmSourceSets(ctx);
    for (const file of ctx.files) {
      if (file.role !== "app") continue;
      if (file.ext !== "java" && file.ext !== "kt") continue;
      if (notCompiled(file.path)) continue;
      const { text } = file;
      // Masking comments is the costly step, so it happens only for files whose raw text has a
      // substring that one of the tests below needs (masking only ever removes text).
      const holdsConstants = mayHoldConstants(file);
      const application = contains(text, "Application");
      const bootHint =
        application &&
        (text.includes("SpringBootApplication") ||
          text.includes("SpringApplication") ||
          text.includes("runApplication"));
      const pathHint = application && text.includes("ApplicationPath");
      const sourceHint = contains(text, "Mapping") || contains(text, "ws.rs.");
      const interfaceHint = contains(text, "interface");
      const securityHint = maySetSecurityUrls(text);
      // Tested on the raw text first: `implements …Service` is common, masking is not cheap.
      const apiHint =
        (contains(text, "Api") || contains(text, "Service") || contains(text, "Resource")) &&
        IMPLEMENTS_API.test(text);
      // A Kotlin router may be a top-level function, with no annotation in its file.
      const functionalHint = mayRouteFunctionally(text);
      // Classes whose methods functional routes may name as handlers.
      const handlerHint = contains(text, "ServerResponse");
      let maskedText: string | undefined;
      const masked = (): string =>
        (maskedText ??= maskComments(text, file.ext === "kt" ? "kotlin" : "java"));
      if (handlerHint) handlers.add(text, masked);
      if (!text.includes("@") && !holdsConstants && !functionalHint) continue;
      const wanted =
        holdsConstants || bootHint || pathHint || sourceHint || interfaceHint || apiHint;
      if (!wanted && !securityHint && !functionalHint) continue;
      if (holdsConstants) constants.addLazy(masked);
      if (bootHint) {
        const boot = BOOTSTRAP.exec(masked());
        if (boot) {
          sightings.used("spring-boot", evidence(file, boot.index, boot[0].trim()));
          bootstraps.push(file.path);
        }
      }
      if (pathHint && masked().includes("ApplicationPath"))
        applicationPath = applicationPathIn(masked(), constants) ?? applicationPath;
      if (sourceHint && (masked().includes("Mapping") || JAX_RS_IMPORT.test(masked())))
        sources.push({ file, masked: masked() });
      if (interfaceHint)
        for (const d of masked().matchAll(/\binterface\s+(\w+)/g)) interfaces.add(d[1] as string);
      if (apiHint && IMPLEMENTS_API.test(masked())) implementers.push({ file, masked: masked() });
      if (securityHint && maySetSecurityUrls(masked()))
        securityConfigs.push({ file, masked: masked() });
      if (functionalHint && mayRouteFunctionally(masked()))
        functionalRouters.push({ file, masked: masked() });
    }

    // A module with its own application class is an app that also configures itself.
    const libraries = autoConfiguredModules(ctx).filter(
      (root) => !bootstraps.some((path) => path.startsWith(root)),
    );
    const springId = sightings.has("spring-boot") ? "spring-boot" : "spring";
    const prefixes = new SpringPrefixes(ctx);
    // A module without a config of its own (a library of resources) is served by the one module
    // that sets a JAX-RS path, when there is exactly one.
    const pathModules = prefixes.modulesSetting([
      "quarkus.http.root-path",
      ...QUARKUS_REST_PATH_KEYS,
    ]);
    const jaxRsBase = (path: string): ResolvedString => {
      const module =
        !prefixes.hasConfig(path) && pathModules.length === 1 ? (pathModules[0] as string) : path;
      return jaxRsBasePath(applicationPath, (key) => prefixes.property(module, key));
    };
    const endpoints: Endpoint[] = [];
    const json: Evidence[] = [];
    let pages = 0;
    const inApplication = ({ file }: JvmSource): boolean =>
      !libraries.some((root) => file.path.startsWith(root));
    const served = sources
      .filter(inApplication)
      .map((source) => ({ ...source, decls: scanDeclarations(source.masked) }));
    const subclasses = subclassesByBase(served);
    const locators = subResourceLocators(
      served.filter((s) => JAX_RS_IMPORT.test(s.masked)).map((s) => s.decls),
    );
    for (const { file, masked, decls } of served) {
      if (masked.includes("Mapping")) {
        const spring = springEndpoints(
          file,
          decls,
          constants,
          prefixes.forFile(file.path),
          springId,
          subclasses,
          (key) => prefixes.property(file.path, key),
        );
        if (spring.endpoints.length > 0 && springId === "spring") {
          sightings.used("spring", { file: file.path, line: spring.endpoints[0]?.line ?? 0 });
        }
        endpoints.push(...spring.endpoints);
        json.push(...spring.json);
        pages += spring.pages;
      }
      const jaxImport = JAX_RS_IMPORT.exec(masked);
      if (jaxImport) {
        const jaxrs = jaxRsEndpoints(
          file,
          decls,
          constants,
          jaxRsBase(file.path),
          subclasses,
          locators,
        );
        if (jaxrs.endpoints.length > 0)
          sightings.used("jax-rs", evidence(file, jaxImport.index, "javax/jakarta.ws.rs"));
        endpoints.push(...jaxrs.endpoints);
        json.push(...jaxrs.json);
      }
    }

    const routers = functionalRouters.filter(inApplication);
    const mounts = routers.flatMap(({ masked }) => functionalMounts(masked, constants));
    for (const { file, masked } of routers) {
      const functional = springFunctionalEndpoints(
        file,
        masked,
        constants,
        prefixes.forFile(file.path),
        springId,
        handlers,
        mounts,
      );
      if (functional.endpoints.length > 0 && springId === "spring") {
        sightings.used("spring", { file: file.path, line: functional.endpoints[0]?.line ?? 0 });
      }
      endpoints.push(...functional.endpoints);
      json.push(...functional.json);
      pages += functional.pages;
    }
    const apiFirst = apiFirstEndpoints(
      ctx,
      implementers,
      interfaces,
      (source, className) => {
        const servlet = prefixes.forFile(source.file.path);
        const owner = scanDeclarations(source.masked).classes.find((c) => c.name === className);
        const mapping = owner?.annotations.find((a) => a.name === "RequestMapping");
        const args = mapping ? annotationArgs(mapping.args, splitTopLevel) : undefined;
        const [classPath] = annotationPaths(
          args?.get("value") ?? args?.get("path"),
          constants,
          (key) => prefixes.property(source.file.path, key),
        );
        return {
          path: joinUrlPath(servlet.path, classPath?.value ?? ""),
          resolved: servlet.resolved && (classPath?.resolved ?? true),
        };
      },
      springId,
      (source) => jaxRsBase(source.file.path),
    );
    endpoints.push(...apiFirst.endpoints);
    json.push(...apiFirst.json);
    for (const { file, masked } of securityConfigs.filter(inApplication)) {
      endpoints.push(
        ...springSecurityEndpoints(file, masked, prefixes.forFilters(file.path), springId),
      );
    }

    return {
      frameworks: sightings.findings(() => "backend"),
      endpoints: sortEndpoints(endpoints),
      signals: {
        rest_api: isJsonApi(json.length, pages)
          ? { value: true, evidence: json.slice(0, MAX_JSON_EVIDENCE) }
          : { value: false, evidence: [] },
      },
    };
  },
};

/** Folders of modules that declare auto-configuration ("" for the repository root). */
function autoConfiguredModules(ctx: ScanContext): string[] {
  const roots: string[] = [];
  for (const file of ctx.files) {
    if (file.role !== "app" || !file.path.includes("META-INF")) continue;
    const m = AUTO_CONFIGURATION.exec(file.path);
    if (!m) continue;
    if (file.name === "spring.factories" && !file.text.includes("EnableAutoConfiguration"))
      continue;
    roots.push(file.path.slice(0, m.index + (m[1] ?? "").length));
  }
  return roots;
}
