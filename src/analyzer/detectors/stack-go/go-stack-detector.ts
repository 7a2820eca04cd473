/**
 * The Go stack detector: Gin, Echo, Chi, Fiber, gorilla/mux and the standard library's net/http, their
 * endpoints with full paths, and whether the application writes JSON responses.
 *
 * net/http is the standard library, so it is never "declared"; it is reported (id `net-http`)
 * only when the application registers handlers on a ServeMux, which is what makes it a web
 * framework in use rather than an import for an HTTP client. grpc-gateway's routes come from the
 * .proto files of the services the code registers (grpc-gateway.ts).
 */
import type { Endpoint, Evidence } from "../../report.js";
import type { Detector, Findings, ScanContext, SourceFile } from "../../scan-context.js";
import { evidence, lineAt } from "../../scan-context.js";
import { hasKey, manifestEntries } from "../manifests/other-ecosystems.js";
import { sortEndpoints } from "../stack-text/endpoint-list.js";
import { FrameworkSightings } from "../stack-text/framework-finding.js";
import { maskComments } from "../stack-text/mask-comments.js";
import { servedGoPath } from "./go-path-join.js";
import type { GoSource } from "./go-routers.js";
import { GoRouterScan } from "./go-routers.js";
import type { GatewayRegistration } from "./grpc-gateway.js";
import {
  gatewayEndpoints,
  gatewayMount,
  gatewayRegistrations,
  mayRegisterGateway,
} from "./grpc-gateway.js";

/** Each router: its module's dependency key (any major version) and its import path in source. */
const MODULES: readonly (readonly [string, string, RegExp])[] = [
  ["gin", "go:github.com/gin-gonic/gin", /github\.com\/gin-gonic\/gin\b/],
  ["echo", "go:github.com/labstack/echo", /github\.com\/labstack\/echo(?:\/v\d+)?\b/],
  ["chi", "go:github.com/go-chi/chi", /github\.com\/go-chi\/chi(?:\/v\d+)?\b/],
  ["fiber", "go:github.com/gofiber/fiber", /github\.com\/gofiber\/fiber(?:\/v\d+)?\b/],
  ["gorilla-mux", "go:github.com/gorilla/mux", /github\.com\/gorilla\/mux\b/],
  [
    "ozzo-routing",
    "go:github.com/go-ozzo/ozzo-routing",
    /github\.com\/go-ozzo\/ozzo-routing(?:\/v\d+)?\b/,
  ],
  [
    "grpc-gateway",
    "go:github.com/grpc-ecosystem/grpc-gateway",
    /github\.com\/grpc-ecosystem\/grpc-gateway(?:\/v\d+)?\/runtime\b/,
  ],
];
const WEB_HINT =
  /"net\/http"|gin-gonic|labstack\/echo|go-chi\/chi|gofiber\/fiber|gorilla\/mux|go-ozzo\/ozzo-routing/;
/** A file that may wire routers without importing a web package: `v1 := e.Group("/v1")`. */
const WIRING_HINT = /\.(?:Group|Mount|Route|Use|Handle|HandleFunc)\(|[Rr]outer\b/;
/**
 * Writing a JSON body in each router's idiom (encoding/json/v2 writes with MarshalWrite;
 * ozzo-routing's `c.Write(v)` writes JSON once content.TypeNegotiator(content.JSON) is used).
 */
const JSON_WRITE =
  /content\.TypeNegotiator\(\s*content\.JSON\b|\b\w+\.(?:JSON|IndentedJSON|JSONPretty|SecureJSON|PureJSON)\s*\(|json\.NewEncoder\(\s*w\s*\)\.Encode|json\.MarshalWrite\(\s*w\s*,|render\.(?:JSON|Render|RenderList|Respond)\s*\(|Header\(\)\.Set\(\s*"Content-Type"\s*,\s*"application\/json/;
const MAX_JSON_EVIDENCE = 5;

export const goStackDetector: Detector = {
  id: "stack-go",
  detect(ctx: ScanContext): Findings {
    const sightings = new FrameworkSightings();
    const sources: GoSource[] = [];
    const json: Evidence[] = [];
    const modules = goModules(ctx);
    const protos: SourceFile[] = [];
    const registrations: GatewayRegistration[] = [];
    for (const file of ctx.files) {
      if (file.role !== "app") continue;
      if (file.ext === "proto") {
        protos.push(file);
        continue;
      }
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
      const web = WEB_HINT.test(file.text) || (inModule && WIRING_HINT.test(file.text));
      // Generated gateway code (*.pb.gw.go) defines the Register… functions it would match.
      const gateway = mayRegisterGateway(file.text) && !file.name.endsWith(".pb.gw.go");
      if (!web && !gateway) continue;
      const masked = maskComments(file.text, "go");
      if (gateway) registrations.push(...gatewayRegistrations(file, masked));
      if (!web) continue;
      for (const [id, , pattern] of MODULES) {
        const m = new RegExp(`"${pattern.source}`).exec(masked);
        if (m) sightings.used(id, evidence(file, m.index, "import"));
      }
      const write = JSON_WRITE.exec(masked);
      if (write) json.push(evidence(file, write.index, write[0].trim()));
      sources.push({ file, masked, imports });
    }

    const { routes, graph } = new GoRouterScan(sources).run();
    const gateway = gatewayRoutes(protos, registrations);
    const endpoints: Endpoint[] = [...gateway.endpoints];
    if (gateway.endpoints.length > 0 && gateway.evidence) {
      sightings.used("grpc-gateway", gateway.evidence);
      json.push({ ...gateway.evidence, note: "grpc-gateway serves JSON" });
    }
    for (const route of routes) {
      // `mux.Handle("/", gwmux)` hands requests to the gateway: its routes are listed instead.
      if (gateway.mounts.has(`${route.file.path}:${route.line}`)) continue;
      const framework = graph.framework(route.node) ?? "net-http";
      if (framework === "net-http")
        sightings.used("net-http", { file: route.file.path, line: route.line });
      for (const prefix of graph.prefixes(route.node)) {
        endpoints.push({
          method: route.method,
          path: servedGoPath(framework, prefix.path, route.path),
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

/**
 * The gateway's endpoints, each registered service's under the path its mux is mounted at,
 * with the Handle calls that mount a gateway (`file:line`) and where the first registration is.
 */
function gatewayRoutes(
  protos: readonly SourceFile[],
  registrations: readonly GatewayRegistration[],
): { endpoints: Endpoint[]; mounts: Set<string>; evidence: Evidence | null } {
  const services = new Map<string, string>();
  const mounts = new Set<string>();
  for (const registration of registrations) {
    const mount = gatewayMount(registration);
    if (mount) mounts.add(`${registration.file.path}:${mount.line}`);
    if (!services.has(registration.service)) services.set(registration.service, mount?.path ?? "");
  }
  const endpoints = services.size === 0 ? [] : gatewayEndpoints(protos, services);
  const first = registrations[0];
  const evidence: Evidence | null = first
    ? {
        file: first.file.path,
        line: lineAt(first.masked, first.masked.indexOf(`Register${first.service}Handler`)),
        note: `Register${first.service}Handler`,
      }
    : null;
  return { endpoints, mounts: endpoints.length > 0 ? mounts : new Set(), evidence };
}

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
