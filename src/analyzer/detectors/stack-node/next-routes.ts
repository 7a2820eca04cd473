/**
 * Next.js API endpoints, read from the file system routing of a package that declares `next`:
 * - App Router route handlers, `app/**\/route.(js|ts)` (or under `src/app/`): one endpoint per
 *   exported HTTP-method function (`export async function GET`, `export const POST = …`,
 *   `export { handler as GET }`);
 * - Pages Router API routes, `pages/api/**` (or `src/pages/api/`), whose default export answers
 *   every method: one endpoint per method the handler compares `req.method` with, else one ANY
 *   endpoint, as Express's `app.all` is reported.
 * The URL comes from the folders, as Next builds it: route groups `(admin)` and parallel-route
 * slots `@modal` add nothing, `_private` folders are left out of routing, `[id]` is written `:id`
 * like the Express and NestJS routes beside it, and catch-alls `[...slug]` / `[[...slug]]` are
 * `:slug+` / `:slug*` (one or more, zero or more segments, path-to-regexp's notation). The
 * package's own folder is no part of the URL. Files are chosen by path first; only route files
 * are read, and as text: no parser is needed for top-level exports.
 */
import { nearestDir, parentDir } from "../../repo-path.js";
import type { Endpoint, Evidence, HttpMethod } from "../../report.js";
import { evidence } from "../../scan-context.js";
import type { ScanContext, SourceFile } from "../../scan-context.js";
import type { PackageManifest } from "../manifests/package-json.js";
import { inSlashComment } from "../stack-text/mask-comments.js";
import { httpVerb } from "../stack-text/endpoint-list.js";
import { joinUrlPath } from "../stack-text/url-path.js";
import { JSON_MARKERS } from "./json-markers.js";

const FRAMEWORK = "next";

/** `app/…/route.ts` relative to the package; group 1 is the folders between. */
const APP_ROUTE = /^(?:src\/)?app\/(?:(.+)\/)?route\.[cm]?[jt]s$/;
/** `pages/api/….ts(x)` relative to the package; group 1 is the path from api/ on, without the extension. */
const PAGES_API = /^(?:src\/)?pages\/(api\/.+)\.[cm]?[jt]sx?$/;

const VERB = "GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS";
/** `export async function GET`, `export const POST =` (also `let`/`var`). */
const EXPORTED_VERB = new RegExp(
  `\\bexport\\s+(?:(?:async\\s+)?function\\s*\\*?\\s*|(?:const|let|var)\\s+)(${VERB})\\b`,
  "g",
);
/** `export { handler as GET, POST }`, also re-exported `from "…"`. */
const EXPORT_LIST = /\bexport\s*\{([^}]*)\}/g;
const LIST_VERB = new RegExp(`(?:^|,|\\bas)\\s*(${VERB})\\s*(?=,|$)`, "g");
/**
 * `req.method === "POST"`, `"POST" !== request.method`, `case "PUT":` in a `switch (req.method)`;
 * also `method` alone, destructured first (`const { method } = req`).
 */
const METHOD_TEST = new RegExp(
  `\\bmethod\\s*[!=]==?\\s*["'](${VERB})["']|["'](${VERB})["']\\s*[!=]==?\\s*(?:[\\w$]+\\.)?method\\b`,
  "g",
);
const METHOD_SWITCH = /\bswitch\s*\(\s*(?:[\w$]+\.)?method\s*\)/;
const CASE_VERB = new RegExp(`\\bcase\\s+["'](${VERB})["']\\s*:`, "g");
const DEFAULT_EXPORT = /\bexport\s+default\b|\bmodule\.exports\s*=/;
/** `new Response(JSON.stringify(…))`, JSON written out by hand. */
const JSON_BODY = /\bnew\s+(?:Next)?Response\s*\(\s*JSON\.stringify\s*\(/g;

export interface NextRoutes {
  readonly endpoints: Endpoint[];
  /** lines where a route file answers with JSON */
  readonly json: Evidence[];
}

export function nextRoutes(ctx: ScanContext, manifests: readonly PackageManifest[]): NextRoutes {
  const endpoints: Endpoint[] = [];
  const json: Evidence[] = [];
  const packageDirs = new Set(manifests.map((m) => parentDir(m.file.path)));
  const nextDirs = new Set(
    manifests
      .filter((m) => m.dependencies.some((d) => d.name === "next"))
      .map((m) => parentDir(m.file.path)),
  );
  if (nextDirs.size === 0) return { endpoints, json };
  for (const file of ctx.files) {
    if (file.role !== "app" || file.name.endsWith(".d.ts")) continue;
    // A cheap path test first: only files under an app/ or pages/api/ folder go further.
    if (!file.path.includes("app/") && !file.path.includes("pages/api/")) continue;
    const pkgDir = nearestDir(parentDir(file.path), packageDirs);
    if (pkgDir === undefined || !nextDirs.has(pkgDir)) continue;
    const relative = pkgDir === "" ? file.path : file.path.slice(pkgDir.length + 1);
    const app = APP_ROUTE.exec(relative);
    const pages = app === null ? PAGES_API.exec(relative) : null;
    if (app === null && pages === null) continue;
    const folders = (app?.[1] ?? pages?.[1] ?? "").split("/");
    if (pages !== null && folders[folders.length - 1] === "index") folders.pop();
    const path = urlPath(folders);
    if (path === null) continue;
    const routes = app !== null ? appMethods(file) : pagesMethods(file);
    if (routes.length === 0) continue;
    for (const { method, offset } of routes) {
      const line = evidence(file, offset).line;
      endpoints.push({ method, path, framework: FRAMEWORK, file: file.path, line, resolved: true });
    }
    json.push(...jsonEvidence(file));
  }
  return { endpoints, json };
}

/** The URL of a route's folders, or null when a private `_folder` keeps it out of routing. */
export function urlPath(folders: readonly string[]): string | null {
  const parts: string[] = [];
  for (const folder of folders) {
    if (folder === "" || /^\(.*\)$/.test(folder) || folder.startsWith("@")) continue;
    if (folder.startsWith("_")) return null;
    const optionalCatchAll = /^\[\[\.\.\.([^\]]+)\]\]$/.exec(folder);
    const catchAll = /^\[\.\.\.([^\]]+)\]$/.exec(folder);
    const dynamic = /^\[([^\]]+)\]$/.exec(folder);
    if (optionalCatchAll) parts.push(`:${optionalCatchAll[1]}*`);
    else if (catchAll) parts.push(`:${catchAll[1]}+`);
    else if (dynamic) parts.push(`:${dynamic[1]}`);
    else parts.push(folder);
  }
  return joinUrlPath(...parts);
}

interface MethodAt {
  readonly method: HttpMethod;
  readonly offset: number;
}

/** The HTTP methods a route.ts exports, each at its first place. */
function appMethods(file: SourceFile): MethodAt[] {
  const text = file.text;
  if (!text.includes("export")) return [];
  const found: MethodAt[] = [];
  for (const m of text.matchAll(EXPORTED_VERB)) {
    found.push({ method: m[1] as HttpMethod, offset: m.index + m[0].length - (m[1] ?? "").length });
  }
  for (const list of text.matchAll(EXPORT_LIST)) {
    const body = list[1] ?? "";
    const bodyStart = list.index + list[0].indexOf("{") + 1;
    for (const m of body.matchAll(LIST_VERB)) {
      found.push({ method: m[1] as HttpMethod, offset: bodyStart + m.index });
    }
  }
  return firstOfEach(found.filter((f) => !inSlashComment(text, f.offset)));
}

/**
 * The methods a Pages Router handler tells apart (`req.method === "POST"`, `switch (req.method)`
 * cases); one ANY endpoint when it names none. A file without a default export is no API route.
 */
function pagesMethods(file: SourceFile): MethodAt[] {
  const text = file.text;
  const main = DEFAULT_EXPORT.exec(text);
  if (main === null) return [];
  const found: MethodAt[] = [];
  if (text.includes("method")) {
    for (const m of text.matchAll(METHOD_TEST)) {
      const verb = httpVerb(m[1] ?? m[2] ?? "");
      if (verb !== null) found.push({ method: verb, offset: m.index });
    }
    if (METHOD_SWITCH.test(text)) {
      for (const m of text.matchAll(CASE_VERB)) {
        found.push({ method: m[1] as HttpMethod, offset: m.index });
      }
    }
  }
  const named = firstOfEach(found.filter((f) => !inSlashComment(text, f.offset)));
  return named.length > 0 ? named : [{ method: "ANY", offset: main.index }];
}

function firstOfEach(list: readonly MethodAt[]): MethodAt[] {
  const byMethod = new Map<HttpMethod, MethodAt>();
  for (const item of [...list].sort((a, b) => a.offset - b.offset)) {
    if (!byMethod.has(item.method)) byMethod.set(item.method, item);
  }
  return [...byMethod.values()];
}

/**
 * Where a route file answers with JSON: `NextResponse.json(x)`, `Response.json(x)`,
 * `res.status(200).json(x)`, `res.send({…})` (the Express-style markers the other Node routes use),
 * or a Response built from `JSON.stringify`. A redirect or an HTML body finds nothing.
 */
function jsonEvidence(file: SourceFile): Evidence[] {
  const text = file.text;
  if (!text.includes("json") && !text.includes("send") && !text.includes("JSON")) return [];
  const out: Evidence[] = [];
  for (const marker of [...JSON_MARKERS, JSON_BODY]) {
    for (const m of text.matchAll(marker)) {
      if (!inSlashComment(text, m.index)) out.push(evidence(file, m.index, "JSON response"));
    }
  }
  return out;
}
