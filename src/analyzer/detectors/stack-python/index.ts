/**
 * The Python stack detector: Django (+ Django REST framework, Django Ninja), Flask and FastAPI frameworks from
 * manifests and imports; endpoints with full paths from URLconfs, blueprints and routers; and the
 * rest_api signal with the views that answer JSON (DRF views, JsonResponse, jsonify or returned
 * dicts in Flask, FastAPI handlers unless they render HTML). Template-rendering views are
 * endpoints but no evidence of a JSON API. Only application files are read: routes in tests,
 * examples and docs are not the repository's endpoints.
 */
import type { Detector, Findings, ScanContext } from "../../scan-context.js";
import { pythonProjectNames, readPythonDependencies } from "../manifests/python-manifests.js";
import { DjangoRoutes } from "./django-routes.js";
import { PyProgram } from "./py-modules.js";
import type { PyFile } from "./py-modules.js";
import { PyRouterGraph } from "./py-router-graph.js";
import { pythonFrameworks } from "./python-frameworks.js";
import { sortEndpoints, uniquePlaces } from "../stack-text/endpoint-list.js";

const MAX_JSON_EVIDENCE = 10;

export function detectPythonStack(ctx: ScanContext): Findings {
  const frameworks = pythonFrameworks(ctx, readPythonDependencies(ctx), pythonProjectNames(ctx));
  const program = new PyProgram(ctx);
  const routerFiles: PyFile[] = [];
  for (const source of program.sources) {
    if (/\b(Flask|Blueprint|FastAPI|APIRouter|Api|Namespace|NinjaAPI)\b/.test(source.text)) {
      routerFiles.push(program.file(source));
    } else if (
      /\.(route|get|post|put|patch|delete|api_route|add_url_rule|add_api_route|add_resource|add_namespace|init_app|namespace|resource|register_blueprint|include_router|add_router)\s*\(/.test(
        source.text,
      )
    ) {
      routerFiles.push(program.file(source));
    }
  }
  const graph = new PyRouterGraph(program);
  const decorated = graph.build(routerFiles);
  const django = new DjangoRoutes(program, graph).build();
  const endpoints = sortEndpoints([...decorated.endpoints, ...django.endpoints]);
  const evidence = uniquePlaces([...decorated.json, ...django.json]).slice(0, MAX_JSON_EVIDENCE);
  return {
    frameworks,
    endpoints,
    signals: { rest_api: { value: evidence.length > 0, evidence } },
    routeNames: django.names,
  };
}

export const pythonStackDetector: Detector = {
  id: "stack-python",
  detect: (ctx) => detectPythonStack(ctx),
};
