/**
 * The Ruby stack detector: Rails (declared in the Gemfile, used through config/routes.rb and
 * controllers), its routes with full paths, and whether controllers render JSON.
 * API-only controllers (ActionController::API), `render json:`, `format.json` and jbuilder views
 * are JSON; ERB-only apps serve pages and are not a REST API, though their routes are listed.
 */
import type { Endpoint, Evidence } from "../../report.js";
import type { Detector, Findings, ScanContext } from "../../scan-context.js";
import { evidence } from "../../scan-context.js";
import { hasKey, manifestEntries } from "../manifests/other-ecosystems.js";
import { sortEndpoints } from "../stack-text/endpoint-list.js";
import { FrameworkSightings } from "../stack-text/framework-finding.js";
import { maskComments } from "../stack-text/mask-comments.js";
import { singular } from "../stack-text/inflection.js";
import { railsRoutes, routeStatements, type RailsRouteContext } from "./rails-routes.js";

const ROUTES_DRAW = /\b\w+::Application\.routes\.draw|Rails\.application\.routes\.draw/;
const CONTROLLER = /<\s*(?:ActionController::(?:API|Base)|ApplicationController)\b/;
const JSON_RENDER =
  /ActionController::API\b|\brender\s*\(?\s*json:|\brender\s*\(?\s*:json\s*=>|\bformat\.json\b/;
const MAX_JSON_EVIDENCE = 5;

export const rubyStackDetector: Detector = {
  id: "stack-ruby",
  detect(ctx: ScanContext): Findings {
    const sightings = new FrameworkSightings();
    const json: Evidence[] = [];
    const endpoints: Endpoint[] = [];
    const apiOnly = ctx.files.some(
      (f) =>
        f.role === "app" &&
        f.path.endsWith("config/application.rb") &&
        /config\.api_only\s*=\s*true/.test(f.text),
    );
    const routeNames = new Map<string, string>();
    for (const file of ctx.files) {
      if (file.role !== "app") continue;
      // The Gemfile, not a gemspec: a gem that depends on Rails is an engine or plugin for
      // Rails applications, not one itself.
      if (file.name === "gemfile") {
        const rails = manifestEntries(file)?.find(
          (e) => hasKey(e, "gem:rails") || hasKey(e, "gem:railties"),
        );
        if (rails)
          sightings.declared("rails", {
            file: file.path,
            line: rails.line,
            note: `gem ${rails.name}`,
          });
        continue;
      }
      if (file.path.endsWith(".json.jbuilder")) {
        json.push({ file: file.path, line: 0, note: "jbuilder view" });
        continue;
      }
      if (file.ext !== "rb") continue;
      if (file.path === "config/routes.rb" || file.path.endsWith("/config/routes.rb")) {
        const masked = maskComments(file.text, "ruby");
        const draw = ROUTES_DRAW.exec(masked);
        if (!draw) continue;
        sightings.used("rails", evidence(file, draw.index, "routes.draw"));
        endpoints.push(
          ...railsRoutes(
            routeStatements(file, masked),
            routeContext(ctx, file.path, apiOnly),
            routeNames,
          ),
        );
      } else if (file.path.includes("app/controllers/") && CONTROLLER.test(file.text)) {
        const masked = maskComments(file.text, "ruby");
        const render = JSON_RENDER.exec(masked);
        if (render) json.push(evidence(file, render.index, render[0].trim()));
      }
    }
    return {
      frameworks: sightings.findings(() => "backend"),
      endpoints: sortEndpoints(endpoints),
      routeNames,
      signals: {
        rest_api:
          json.length > 0 && endpoints.length > 0
            ? { value: true, evidence: json.slice(0, MAX_JSON_EVIDENCE) }
            : { value: false, evidence: [] },
      },
    };
  },
};

/** What routes.rb needs from the rest of the app: Devise models and config/routes/*.rb files. */
function routeContext(ctx: ScanContext, routesPath: string, apiOnly: boolean): RailsRouteContext {
  const root = routesPath.slice(0, -"config/routes.rb".length);
  return {
    apiOnly,
    deviseModules(resource) {
      const model = ctx.byPath.get(`${root}app/models/${singular(resource)}.rb`);
      const line =
        model === undefined ? null : DEVISE_MODULES.exec(maskComments(model.text, "ruby"));
      return line?.[1] === undefined
        ? null
        : [...line[1].matchAll(/:(\w+)/g)].map((m) => m[1] ?? "");
    },
    drawn(name) {
      const file = ctx.byPath.get(`${root}config/routes/${name}.rb`);
      return file === undefined ? null : routeStatements(file, maskComments(file.text, "ruby"));
    },
    activeAdminNamespace() {
      const file = ctx.byPath.get(`${root}config/initializers/active_admin.rb`);
      const set =
        file === undefined ? null : ACTIVE_ADMIN_NAMESPACE.exec(maskComments(file.text, "ruby"));
      if (set === null) return "admin";
      return set[1] === "false" ? "" : (set[1] ?? "admin").replace(/^:/, "");
    },
  };
}

/** `config.default_namespace = :backoffice` (or `false`: resources at the root). */
const ACTIVE_ADMIN_NAMESPACE = /^\s*config\.default_namespace\s*=\s*(:\w+|false)\b/m;

/** `devise :database_authenticatable, :registerable,\n  :recoverable` in a model. */
const DEVISE_MODULES = /^\s*devise\s+((?::\w+\s*,\s*)*:\w+)/m;
