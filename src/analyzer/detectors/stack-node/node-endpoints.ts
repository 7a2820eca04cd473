/**
 * The parser-based half of the Node stack detector: endpoints with their full paths (Express,
 * Koa, Hono and Fastify through the router graph, NestJS and routing-controllers through
 * decorators) and the lines
 * where handlers answer with JSON. Loaded only when a repository has candidate files.
 */
import type { Endpoint, Evidence } from "../../report.js";
import type { ScanContext } from "../../scan-context.js";
import { JsProgram } from "./js-ast.js";
import type { JsModule } from "./js-ast.js";
import { isDecoratorCandidate, isNestCandidate, JS_EXTENSIONS } from "./js-files.js";
import { JsonResponseFinder } from "./json-responses.js";
import { nestRoutes } from "./nest-routes.js";
import { RouterGraph } from "./router-graph.js";
import { serviceRoots } from "../../service-roots.js";

export interface NodeEndpoints {
  readonly endpoints: Endpoint[];
  /** lines where handlers send JSON (index.ts dedupes, caps and sorts for the report) */
  readonly json: Evidence[];
}

export function nodeEndpoints(
  ctx: ScanContext,
  candidates: readonly SourceFileLike[],
): NodeEndpoints {
  const program = new JsProgram(ctx);
  const routeModules: JsModule[] = [];
  const decoratorModules: JsModule[] = [];
  for (const file of candidates) {
    const mod = program.module(file);
    if (isDecoratorCandidate(file)) decoratorModules.push(mod);
    if (!isNestCandidate(file)) routeModules.push(mod);
  }
  const graph = new RouterGraph(program);
  let routes = graph.routes(routeModules);
  const callers = pluginCallers(ctx, candidates, graph.unmountedPluginNames());
  if (callers.length > 0) {
    // The files that call a route-registering function with the app mount its routes: read
    // them too, in a fresh graph so that the call's mount is seen.
    const more = callers.map((file) => program.module(file));
    routes = new RouterGraph(program).routes([...routeModules, ...more]);
  }
  const finder = new JsonResponseFinder(program);
  const json: Evidence[] = [];
  for (const route of routes) {
    json.push(...finder.evidenceFor(route.op, route.endpoint.framework));
  }
  const nest = nestRoutes(decoratorModules, serviceRoots(ctx));
  json.push(...nest.json);
  return {
    endpoints: [...routes.map((r) => r.endpoint), ...nest.endpoints],
    json,
  };
}

type SourceFileLike = Parameters<JsProgram["module"]>[0];

/** App files not read yet that call one of `names` (`registerFeatureRoutes(app)`). */
function pluginCallers(
  ctx: ScanContext,
  candidates: readonly SourceFileLike[],
  names: ReadonlySet<string>,
): SourceFileLike[] {
  if (names.size === 0) return [];
  const read = new Set(candidates);
  const calls = [...names].map((name) => `${name}(`);
  return ctx.files.filter(
    (file) =>
      !read.has(file) &&
      file.role === "app" &&
      JS_EXTENSIONS.has(file.ext) &&
      !file.name.endsWith(".d.ts") &&
      calls.some((call) => file.text.includes(call)),
  );
}
