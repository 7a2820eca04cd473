/**
 * The Go stack detector: Gin, Echo, Chi, gorilla/mux and the standard library's net/http, their
 * endpoints with full paths, and whether the application writes JSON responses.
 *
 * net/http is the standard library, so it is never "declared"; it is reported (id `net-http`)
 * only when the application registers handlers on a ServeMux, which is what makes it a web
 * framework in use rather than an import for an HTTP client.
 */
import type { Endpoint, Evidence } from "../../report.js";
import type { Detector, Findings, ScanContext } from "../../scan-context.js";
import { evidence } from "../../scan-context.js";
import { hasKey, manifestEntries } from "../manifests/other-ecosystems.js";
import { sortEndpoints } from "../stack-text/endpoint-list.js";
import { FrameworkSightings } from "../stack-text/framework-finding.js";
import { maskComments } from "../stack-text/mask-comments.js";
import { joinUrlPath } from "../stack-text/url-path.js";
import type { GoSource } from "./go-routers.js";
import { GoRouterScan } from "./go-routers.js";

/** Each router: its module's dependency key (any major version) and its import path in source. */
const MODULES: readonly (readonly [string, string, RegExp])[] = [
  ["gin", "go:github.com/gin-gonic/gin", /github\.com\/gin-gonic\/gin\b/],
  ["echo", "go:github.com/labstack/echo", /github\.com\/labstack\/echo(?:\/v\d+)?\b/],
  ["chi", "go:github.com/go-chi/chi", /github\.com\/go-chi\/chi(?:\/v\d+)?\b/],
  ["gorilla-mux", "go:github.com/gorilla/mux", /github\.com\/gorilla\/mux\b/],
];
const WEB_HINT = /"net\/http"|gin-gonic|labstack\/echo|go-chi\/chi|gorilla\/mux/;
/** A file that may wire routers without importing a web package: `v1 := e.Group("/v1")`. */
const WIRING_HINT = /\.(?:Group|Mount|Route|Use|Handle|HandleFunc)\(|[Rr]outer\b/;
/** Writing a JSON body in each router's idiom (encoding/json/v2 writes with MarshalWrite). */
const JSON_WRITE =
  /\b\w+\.(?:JSON|IndentedJSON|JSONPretty|SecureJSON|PureJSON)\s*\(|json\.NewEncoder\(\s*w\s*\)\.Encode|json\.MarshalWrite\(\s*w\s*,|render\.(?:JSON|Render|RenderList|Respond)\s*\(|Header\(\)\.Set\(\s*"Content-Type"\s*,\s*"application\/json/;
const MAX_JSON_EVIDENCE = 5;

export const goStackDetector: Detector = {
  id: "stack-go",
  detect(ctx: ScanContext): Findings {
    const sightings = new FrameworkSightings();
    const sources: GoSource[] = [];
    const json: Evidence[] = [];
    const modules = goModules(ctx);
    for (const file of ctx.files) {
      if (file.role !== "app") continue;
      if (file.name === "go.mod") {
        const required = manifestEntries(file) ?? [];
        for (const [id, key] of MODULES) {
          const module = required.find((entry) => hasKey(entry, key));
          if (module)
            sightings.declared(id, { file: file.path, line: module.line, note: module.name });
        }
        continue;
      }
      if (file.ext !== "go") continue;
      const imports = goImports(file.text, modules);
      const inModule = [...imports.values()].some((dir) => dir !== null);
      if (!WEB_HINT.test(file.text) && !(inModule && WIRING_HINT.test(file.text))) continue;
      const masked = maskComments(file.text, "go");
      for (const [id, , pattern] of MODULES) {
        const m = new RegExp(`"${pattern.source}`).exec(masked);
        if (m) sightings.used(id, evidence(file, m.index, "import"));
      }
      const write = JSON_WRITE.exec(masked);
      if (write) json.push(evidence(file, write.index, write[0].trim()));
      sources.push({ file, masked, imports });
    }

    const { routes, graph } = new GoRouterScan(sources).run();
    const endpoints: Endpoint[] = [];
    for (const route of routes) {
      const framework = graph.framework(route.node) ?? "net-http";
      if (framework === "net-http")
        sightings.used("net-http", { file: route.file.path, line: route.line });
      for (const prefix of graph.prefixes(route.node)) {
        endpoints.push({
          method: route.method,
          path: joinUrlPath(prefix.path, route.path),
          framework,
          file: route.file.path,
          line: route.line,
          resolved: prefix.resolved && route.resolved,
        });
      }
    }
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

/** Each go.mod's module path and the folder it sits in. */
function goModules(ctx: ScanContext): readonly (readonly [string, string])[] {
  const out: [string, string][] = [];
  for (const file of ctx.files) {
    if (file.name !== "go.mod") continue;
    const module = /^module\s+(\S+)/m.exec(file.text)?.[1];
    const dir = file.path.includes("/") ? file.path.slice(0, file.path.lastIndexOf("/")) : "";
    if (module !== undefined) out.push([module, dir]);
  }
  return out;
}

/**
 * A file's imports by local name (the alias, else the last path element without a /vN
 * suffix): the repository folder for a package of one of the modules, null for any other.
 */
function goImports(
  text: string,
  modules: readonly (readonly [string, string])[],
): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const block = /^import\s*\(([\s\S]*?)^\)/m.exec(text)?.[1] ?? "";
  const single = [...text.matchAll(/^import\s+((?:[\w.]+\s+)?"[^"]+")/gm)].map((m) => m[1]);
  for (const spec of [...block.split("\n"), ...single]) {
    const m = /^\s*([\w.]+\s+)?"([^"]+)"/.exec(spec ?? "");
    if (m?.[2] === undefined) continue;
    const path = m[2];
    const alias =
      m[1]?.trim() ??
      path
        .split("/")
        .filter((p) => !/^v\d+$/.test(p))
        .pop() ??
      path;
    if (alias === "_" || alias === ".") continue;
    let dir: string | null = null;
    for (const [module, root] of modules) {
      if (path === module || path.startsWith(`${module}/`)) {
        const rest = path.slice(module.length).replace(/^\//, "");
        dir = [root, rest].filter((p) => p !== "").join("/");
      }
    }
    out.set(alias, dir);
  }
  return out;
}
