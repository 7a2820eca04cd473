/**
 * The PHP stack detector: Laravel (declared in composer.json, used through routes/ and
 * Illuminate imports), its routes with full paths, and whether it serves JSON. Routes in
 * routes/api.php are JSON by Laravel's convention (the `api` middleware group, `/api` prefix);
 * elsewhere `response()->json(…)` or API resources (JsonResource) show it. An app whose routes only
 * return `view(…)` serves pages.
 */
import type { Endpoint, Evidence } from "../../report.js";
import type { Detector, Findings, ScanContext, SourceFile } from "../../scan-context.js";
import { evidence } from "../../scan-context.js";
import { sortEndpoints } from "../stack-text/endpoint-list.js";
import { FrameworkSightings } from "../stack-text/framework-finding.js";
import { maskComments } from "../stack-text/mask-comments.js";
import type { PhpRouteFile } from "./laravel-routes.js";
import { laravelRoutes } from "./laravel-routes.js";

const COMPOSER_LARAVEL = /"laravel\/framework"\s*:/;
const ILLUMINATE = /^use\s+Illuminate\\/m;
const JSON_RESPONSE =
  /response\(\)\s*->\s*json\s*\(|\bextends\s+(?:JsonResource|ResourceCollection)\b|->\s*toJson\s*\(/;
const MAX_JSON_EVIDENCE = 5;
/** Route files Laravel loads itself; others are reached through require or a provider. */
const ROUTE_FILES: Record<string, "api" | "web"> = {
  "routes/api.php": "api",
  "routes/web.php": "web",
};

export const phpStackDetector: Detector = {
  id: "stack-php",
  detect(ctx: ScanContext): Findings {
    const sightings = new FrameworkSightings();
    const json: Evidence[] = [];
    const endpoints: Endpoint[] = [];
    const masked = new Map<string, PhpRouteFile>();
    const load = (file: SourceFile): PhpRouteFile => {
      let entry = masked.get(file.path);
      if (!entry) {
        entry = { file, masked: maskComments(file.text, "php") };
        masked.set(file.path, entry);
      }
      return entry;
    };

    for (const file of ctx.files) {
      if (file.role !== "app") continue;
      if (file.name === "composer.json") {
        const m = COMPOSER_LARAVEL.exec(file.text);
        if (m) sightings.declared("laravel", evidence(file, m.index, "laravel/framework"));
        continue;
      }
      if (file.ext !== "php") continue;
      const illuminate = ILLUMINATE.exec(file.text);
      if (illuminate) sightings.used("laravel", evidence(file, illuminate.index, "Illuminate"));
      if (file.text.includes("json") || file.text.includes("Resource")) {
        const m = JSON_RESPONSE.exec(load(file).masked);
        if (m) json.push(evidence(file, m.index, m[0].trim()));
      }
    }

    const apiPrefix = readApiPrefix(ctx);
    for (const [path, kind] of Object.entries(ROUTE_FILES)) {
      const file = ctx.byPath.get(path);
      if (!file || file.role !== "app") continue;
      const dir = path.slice(0, path.lastIndexOf("/") + 1);
      const resolveRequire = (rel: string): PhpRouteFile | null => {
        const target = ctx.byPath.get(normalise(dir + rel.replace(/^\//, "")));
        return target ? load(target) : null;
      };
      const found = laravelRoutes(load(file), kind === "api" ? apiPrefix : "", resolveRequire);
      if (found.length > 0) sightings.used("laravel", { file: path, line: found[0]?.line ?? 0 });
      if (kind === "api" && found.length > 0)
        json.push({ file: path, line: found[0]?.line ?? 0, note: "routes/api.php" });
      endpoints.push(...found);
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

/** `apiPrefix:` in Laravel 11's bootstrap/app.php, or the prefix a RouteServiceProvider gives api.php. */
function readApiPrefix(ctx: ScanContext): string {
  const bootstrap = ctx.byPath.get("bootstrap/app.php");
  const p11 = bootstrap ? /apiPrefix\s*:\s*['"]([^'"]*)['"]/.exec(bootstrap.text) : null;
  if (p11) return p11[1] as string;
  const provider = ctx.byPath.get("app/Providers/RouteServiceProvider.php");
  const p10 = provider
    ? /prefix\(\s*['"]([^'"]*)['"]\s*\)[^;]*?routes\/api\.php/.exec(provider.text)
    : null;
  return p10 ? (p10[1] as string) : "api";
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const p of path.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}
