/**
 * The Nest applications of a repository, one per service root (service-roots.ts), found by the
 * bootstrap call of their main.ts. `NestFactory.create(AppModule)` serves HTTP (a hybrid app adds
 * transports with `connectMicroservice`); `NestFactory.createMicroservice(AppModule, { transport })`
 * serves only its transport, so the `@Get()` handlers left in its controllers (often the
 * AppController `nest new` wrote) answer no request. An HTTP app is one that is created and
 * listens in the same file: a seed script's `NestFactory.create(SeedModule)` closes again. App
 * settings such as `setGlobalPrefix` belong to the app whose code calls them: two apps of a
 * monorepo each have their own.
 */
import ts from "typescript";
import type { JsModule } from "./js-ast.js";

export interface NestApp {
  /** the modules of the app's service root */
  readonly mods: readonly JsModule[];
  /** started with NestFactory.create, so its controllers serve HTTP */
  readonly http: boolean;
}

type Bootstrap = "http" | "microservice";

/** How a module starts a Nest app: `create` and `.listen(…)`, or `createMicroservice`. */
function bootstrapCalls(mod: JsModule): Set<Bootstrap> {
  const calls = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const { name, expression } = node.expression;
      if (name.text === "listen") calls.add("listen");
      else if (ts.isIdentifier(expression) && expression.text === "NestFactory")
        calls.add(name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(mod.ast);
  const found = new Set<Bootstrap>();
  if (calls.has("create") && calls.has("listen")) found.add("http");
  if (calls.has("createMicroservice")) found.add("microservice");
  return found;
}

/** The service roots that bootstrap a Nest application, with their modules. */
export function nestApps(
  mods: readonly JsModule[],
  serviceOf: (file: string) => string,
): Map<string, NestApp> {
  const byService = new Map<string, JsModule[]>();
  const calls = new Map<string, Set<Bootstrap>>();
  for (const mod of mods) {
    const service = serviceOf(mod.file.path);
    const list = byService.get(service) ?? [];
    list.push(mod);
    byService.set(service, list);
    if (!mod.file.text.includes("NestFactory")) continue;
    const found = calls.get(service) ?? new Set<Bootstrap>();
    for (const call of bootstrapCalls(mod)) found.add(call);
    calls.set(service, found);
  }
  const apps = new Map<string, NestApp>();
  for (const [service, found] of calls) {
    if (found.size === 0) continue;
    apps.set(service, { mods: byService.get(service) ?? [], http: found.has("http") });
  }
  return apps;
}
