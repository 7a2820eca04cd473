/**
 * The .NET stack detector: ASP.NET Core (a Web SDK project or AspNetCore packages in a .csproj,
 * used through WebApplication, controllers or minimal APIs), its endpoints with full paths, and
 * whether it serves JSON: API controllers ([ApiController], ControllerBase), minimal API
 * endpoints and FastEndpoints endpoints do; MVC controllers that return views do not.
 */
import type { Endpoint, Evidence } from "../../report.js";
import type { Detector, Findings, ScanContext, SourceFile } from "../../scan-context.js";
import { evidence } from "../../scan-context.js";
import type { ManifestEntry } from "../manifests/manifest-entry.js";
import { hasKey, manifestEntries } from "../manifests/other-ecosystems.js";
import { sortEndpoints } from "../stack-text/endpoint-list.js";
import { FrameworkSightings } from "../stack-text/framework-finding.js";
import { contains } from "../stack-text/keyword-search.js";
import { maskComments } from "../stack-text/mask-comments.js";
import { joinUrlPath } from "../stack-text/url-path.js";
import { controllerEndpoints, declaredClasses, type ClassInfo } from "./aspnet-controllers.js";
import type { CsSource } from "./aspnet-minimal-api.js";
import { minimalApiRoutes } from "./aspnet-minimal-api.js";
import { FAST_ENDPOINT_HINT, fastEndpoints } from "./fast-endpoints.js";
import { routeTokenTransform } from "./route-token-transformer.js";

/** The Web SDK, or an ASP.NET Core package or shared framework (Microsoft.AspNetCore.*). */
function declaresAspNetCore(entry: ManifestEntry): boolean {
  if (entry.namespace === "msbuild-sdk") return hasKey(entry, "msbuild-sdk:microsoft.net.sdk.web");
  return (
    (entry.namespace === "nuget" || entry.namespace === "dotnet-framework") &&
    entry.name.toLowerCase().startsWith("microsoft.aspnetcore.")
  );
}
const USAGE =
  /\bWebApplication\.Create(?:Builder|SlimBuilder)?\s*\(|\[ApiController\]|:\s*ControllerBase\b/;
const HINT = /Controller|\.Map\w*\(|WebApplication/;
const MAX_JSON_EVIDENCE = 5;

export const dotnetStackDetector: Detector = {
  id: "stack-dotnet",
  detect(ctx: ScanContext): Findings {
    const sightings = new FrameworkSightings();
    const endpoints: Endpoint[] = [];
    const json: Evidence[] = [];
    const sources: CsSource[] = [];
    const controllerFiles: CsSource[] = [];
    const fastFiles: CsSource[] = [];
    /** files that may hold a FastEndpoints route constant or the app's RoutePrefix */
    const fastSupport: SourceFile[] = [];
    /** files that may register or declare a route token transformer (kebab-case routes) */
    const transformerFiles: SourceFile[] = [];
    // Comment-masked text, made once per file: the support files are often endpoint files too.
    const maskedOf = new Map<SourceFile, string>();
    const mask = (file: SourceFile): string => {
      let masked = maskedOf.get(file);
      if (masked === undefined) {
        masked = maskComments(file.text, "csharp");
        maskedOf.set(file, masked);
      }
      return masked;
    };
    for (const file of ctx.files) {
      if (file.role !== "app") continue;
      if (file.ext === "csproj") {
        const web = manifestEntries(file)?.find(declaresAspNetCore);
        if (web) {
          const attribute = web.namespace === "msbuild-sdk" ? "Sdk" : "Include";
          const note = `${attribute}="${web.name}"`;
          sightings.declared("aspnetcore", { file: file.path, line: web.line, note });
        }
        continue;
      }
      if (file.ext !== "cs") continue;
      if (contains(file.text, "ParameterTransformer")) transformerFiles.push(file);
      if (file.text.includes("const string") || file.text.includes("UseFastEndpoints"))
        fastSupport.push(file);
      const fast = FAST_ENDPOINT_HINT.test(file.text);
      if (!fast && !HINT.test(file.text)) continue;
      const masked = mask(file);
      if (fast) fastFiles.push({ file, masked });
      const used = USAGE.exec(masked);
      if (used) sightings.used("aspnetcore", evidence(file, used.index, used[0].trim()));
      if (masked.includes("Controller")) controllerFiles.push({ file, masked });
      if (/\.Map\w*\(/.test(masked)) sources.push({ file, masked });
    }
    const classes = new Map<string, ClassInfo>();
    for (const { masked } of controllerFiles) {
      for (const c of declaredClasses(masked)) if (!classes.has(c.name)) classes.set(c.name, c);
    }
    const tokens = controllerFiles.length === 0 ? undefined : routeTokenTransform(transformerFiles);
    for (const { file, masked } of controllerFiles) {
      const found = controllerEndpoints(file, masked, (name) => classes.get(name), tokens);
      endpoints.push(...found.endpoints);
      json.push(...found.json);
    }
    const { routes, graph } = minimalApiRoutes(sources);
    for (const route of routes) {
      for (const prefix of graph.prefixes(route.node)) {
        endpoints.push({
          method: route.method,
          path: joinUrlPath(prefix.path, route.path),
          framework: "aspnetcore",
          file: route.file.path,
          line: route.line,
          resolved: prefix.resolved && route.resolved,
          ...(route.library === undefined ? {} : { library: route.library }),
        });
      }
    }
    if (routes[0])
      json.push({ file: routes[0].file.path, line: routes[0].line, note: "minimal API endpoint" });
    const fast =
      fastFiles.length === 0
        ? []
        : fastEndpoints(
            fastFiles,
            fastSupport.map((file) => ({ file, masked: mask(file) })),
          );
    endpoints.push(...fast);
    if (fast[0])
      json.push({ file: fast[0].file, line: fast[0].line, note: "FastEndpoints endpoint" });
    return {
      frameworks: sightings.findings(() => "backend"),
      endpoints: sortEndpoints(endpoints),
      signals: {
        rest_api:
          json.length > 0 && endpoints.length > 0
            ? { value: true, evidence: json.slice(0, MAX_JSON_EVIDENCE) }
            : { value: false, evidence: [] },
      },
    };
  },
};
