/**
 * The Node.js stack detector: frameworks (manifest, then imports), HTTP endpoints with their full
 * paths (Express, Koa, Hono and Fastify through the router graph, NestJS through decorators), and
 * the rest_api signal with the lines where handlers answer with JSON.
 *
 * Only application files are read for endpoints: routes in tests, examples and docs are not the
 * repository's endpoints, and HTTP client calls (axios.get, fetch, supertest's request(app).get)
 * never are, because their receivers are no routers.
 */
import type { Endpoint, Evidence } from "../../report.js";
import type { Detector, Findings, ScanContext } from "../../scan-context.js";
import { readPackageManifests } from "../manifests/package-json.js";
import { JS_EXTENSIONS, JsProgram } from "./js-ast.js";
import type { JsModule } from "./js-ast.js";
import { JsonResponseFinder } from "./json-responses.js";
import { nestRoutes } from "./nest-routes.js";
import { nodeFrameworks } from "./node-frameworks.js";
import { ROUTE_CALL_HINT } from "./route-ops.js";
import { RouterGraph } from "./router-graph.js";

const MAX_JSON_EVIDENCE = 10;

function sortEndpoints(list: readonly Endpoint[]): Endpoint[] {
  const seen = new Set<string>();
  const out: Endpoint[] = [];
  for (const e of list) {
    const key = `${e.method} ${e.path} ${e.file}:${e.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out.sort(
    (a, b) =>
      compare(a.path, b.path) ||
      compare(a.method, b.method) ||
      compare(a.file, b.file) ||
      a.line - b.line,
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function uniqueEvidence(list: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = `${e.file}:${e.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function detectNodeStack(ctx: ScanContext): Findings {
  const manifests = readPackageManifests(ctx);
  const frameworks = nodeFrameworks(ctx, manifests);
  const program = new JsProgram(ctx);
  const candidates: JsModule[] = [];
  const nestCandidates: JsModule[] = [];
  for (const file of ctx.files) {
    if (file.role !== "app" || !JS_EXTENSIONS.has(file.ext)) continue;
    if (file.name.endsWith(".d.ts")) continue;
    const nest = file.text.includes("@nestjs/");
    if (nest) nestCandidates.push(program.module(file));
    else if (ROUTE_CALL_HINT.test(file.text)) candidates.push(program.module(file));
  }
  const routes = new RouterGraph(program).routes(candidates);
  const finder = new JsonResponseFinder(program);
  const json: Evidence[] = [];
  for (const route of routes) {
    json.push(...finder.evidenceFor(route.op, route.endpoint.framework));
  }
  const nest = nestRoutes(nestCandidates);
  json.push(...nest.json);
  const endpoints = sortEndpoints([...routes.map((r) => r.endpoint), ...nest.endpoints]);
  const evidence = uniqueEvidence(json).slice(0, MAX_JSON_EVIDENCE);
  return {
    frameworks,
    endpoints,
    signals: { rest_api: { value: evidence.length > 0, evidence } },
  };
}

export const nodeStackDetector: Detector = {
  id: "stack-node",
  detect: (ctx) => detectNodeStack(ctx),
};
