/**
 * ASP.NET Core attribute-routed controllers: class [Route] templates with the [controller],
 * [action] and [area] tokens, [HttpGet("{id}")]-style verb attributes, method [Route] and
 * [AcceptVerbs], and templates starting with `/` or `~/` that ignore the class route.
 * Controllers without attribute routes use conventional routing and are not listed.
 */
import type { Endpoint, Evidence, HttpMethod } from "../../report.js";
import type { SourceFile } from "../../scan-context.js";
import { evidence } from "../../scan-context.js";
import { matchBracket, splitTopLevel } from "../stack-text/brackets.js";
import { httpVerb } from "../stack-text/endpoint-list.js";
import { stringLiteral } from "../stack-text/string-literal.js";
import { joinUrlPath, unresolvedPiece } from "../stack-text/url-path.js";
import type { TokenTransform } from "./route-token-transformer.js";

interface Attribute {
  readonly name: string;
  readonly args: readonly string[];
  readonly start: number;
}

export interface ClassInfo {
  readonly name: string;
  readonly bases: string;
  readonly start: number;
  readonly attributes: readonly Attribute[];
}

const CLASS_DECL = /\bclass\s+(\w+)(?:<[^>]*>)?(?:\s*\([^)]*\))?(?:\s*:\s*([^{\n]+))?/g;
const CLASS_AFTER =
  /\s*(?:(?:public|internal|sealed|abstract|partial|static)\s+)*class\s+(\w+)(?:<[^>]*>)?(?:\s*\([^)]*\))?(?:\s*:\s*([^{\n]+))?/y;
const VERB_ATTRIBUTES = /^Http(Get|Post|Put|Patch|Delete|Head|Options)$/;

/** Classes of every controller file by name, for routes and attributes inherited from a base. */
export type ClassLookup = (name: string) => ClassInfo | undefined;

/** The classes a file declares, with their attributes and base lists. */
export function declaredClasses(masked: string): ClassInfo[] {
  return scanFile(masked).classes;
}

function scanFile(masked: string): {
  classes: ClassInfo[];
  methods: { name: string; attributes: Attribute[]; start: number }[];
} {
  const chains = attributeChains(masked);
  const classes: ClassInfo[] = [];
  const methods: { name: string; attributes: Attribute[]; start: number }[] = [];
  const annotated = new Set<number>();
  for (const chain of chains) {
    CLASS_AFTER.lastIndex = chain.end;
    const c = CLASS_AFTER.exec(masked);
    if (c) {
      const at = masked.indexOf("class", c.index);
      annotated.add(at);
      classes.push({
        name: c[1] as string,
        bases: c[2] ?? "",
        start: at,
        attributes: chain.attributes,
      });
      continue;
    }
    const paren = masked.indexOf("(", chain.end);
    const name =
      paren === -1 ? null : /(\w+)\s*(?:<[^>]*>)?\s*$/.exec(masked.slice(chain.end, paren));
    methods.push({
      name: name ? (name[1] as string) : "",
      attributes: chain.attributes,
      start: chain.start,
    });
  }
  for (const m of masked.matchAll(CLASS_DECL)) {
    if (!annotated.has(m.index))
      classes.push({ name: m[1] as string, bases: m[2] ?? "", start: m.index, attributes: [] });
  }
  classes.sort((a, b) => a.start - b.start);
  return { classes, methods };
}

export function controllerEndpoints(
  file: SourceFile,
  masked: string,
  lookup: ClassLookup,
  tokens: TokenTransform = (token) => token,
): { endpoints: Endpoint[]; json: Evidence[] } {
  const { classes, methods } = scanFile(masked);
  const endpoints: Endpoint[] = [];
  const json: Evidence[] = [];
  for (const method of methods) {
    const owner = classes.filter((c) => c.start < method.start).pop();
    if (!owner) continue;
    // [Route], [Area] and [ApiController] on a base controller apply to the controllers below it.
    const line = lineage(owner, lookup);
    if (!line.some(isController)) continue;
    const verbs = method.attributes.filter(
      (a) => VERB_ATTRIBUTES.test(a.name) || a.name === "AcceptVerbs",
    );
    const routeAttr = method.attributes.find((a) => a.name === "Route");
    if (verbs.length === 0 && !routeAttr) continue;
    const routed = line.find((c) => c.attributes.some((a) => a.name === "Route"));
    const classTemplates = (routed?.attributes ?? [])
      .filter((a) => a.name === "Route")
      .map((a) => a.args[0]);
    const area = line.flatMap((c) => c.attributes).find((a) => a.name === "Area")?.args[0];
    const plan: { method: HttpMethod; template: string | undefined }[] = [];
    for (const v of verbs) {
      const template = v.args.find((a) => !/^\w+\s*=/.test(a)) ?? routeAttr?.args[0];
      if (v.name === "AcceptVerbs") {
        for (const arg of v.args) {
          const verb = httpVerb(stringLiteral(arg) ?? "");
          if (verb) plan.push({ method: verb, template: routeAttr?.args[0] });
        }
      } else {
        plan.push({ method: httpVerb(v.name.slice(4)) as HttpMethod, template });
      }
    }
    if (plan.length === 0) plan.push({ method: "ANY", template: routeAttr?.args[0] });
    for (const step of plan) {
      // [HttpGet] without a template in a controller without [Route]: conventionally routed
      // ({controller}/{action} from the app's route table), like actions with no attribute.
      if (classTemplates.length === 0 && (step.template === undefined || step.template === '""')) {
        continue;
      }
      const local = templateValue(step.template, owner, method.name, area, tokens);
      const absolute = /^~?\//.test(local.value);
      const prefixes = absolute || classTemplates.length === 0 ? [undefined] : classTemplates;
      for (const classTemplate of prefixes) {
        const prefix =
          classTemplate === undefined
            ? { value: "", resolved: true }
            : templateValue(classTemplate, owner, method.name, area, tokens);
        endpoints.push({
          method: step.method,
          path: joinUrlPath(prefix.value, local.value.replace(/^~/, "")),
          framework: "aspnetcore",
          file: file.path,
          line: evidence(file, method.start).line,
          resolved: prefix.resolved && local.resolved,
        });
      }
    }
    if (line.some(servesJson)) json.push(evidence(file, method.start, "API controller action"));
  }
  return { endpoints, json };
}

/** The class and its bases, nearest first, as far as the repository declares them. */
function lineage(owner: ClassInfo, lookup: ClassLookup): ClassInfo[] {
  const out = [owner];
  let current = owner;
  while (out.length < 6) {
    const base: string | undefined = /^\s*([A-Za-z_][\w.]*)/.exec(current.bases)?.[1];
    const next = base === undefined ? undefined : lookup(base.slice(base.lastIndexOf(".") + 1));
    if (next === undefined || out.includes(next)) break;
    out.push(next);
    current = next;
  }
  return out;
}

function isController(c: ClassInfo): boolean {
  return (
    c.attributes.some((a) => a.name === "ApiController") ||
    /\b(?:ControllerBase|Controller)\b/.test(c.bases) ||
    c.name.endsWith("Controller")
  );
}

function servesJson(c: ClassInfo): boolean {
  return (
    c.attributes.some((a) => a.name === "ApiController") ||
    /\bControllerBase\b/.test(c.bases) ||
    c.attributes.some((a) => a.name === "Produces" && a.args.some((x) => x.includes("json")))
  );
}

function templateValue(
  expr: string | undefined,
  owner: ClassInfo,
  action: string,
  area: string | undefined,
  tokens: TokenTransform,
): { value: string; resolved: boolean } {
  if (expr === undefined) return { value: "", resolved: true };
  const literal = stringLiteral(expr.replace(/^@/, ""));
  if (literal === null) return { value: unresolvedPiece(expr), resolved: false };
  let resolved = true;
  const value = literal
    .replace(/\[controller\]/gi, () => tokens(owner.name.replace(/Controller$/, "")))
    .replace(/\[action\]/gi, () => tokens(action.replace(/Async$/, "")))
    .replace(/\[area\]/gi, () => {
      const a = area === undefined ? null : stringLiteral(area);
      if (a === null) resolved = false;
      return a ?? "<area>";
    });
  return { value, resolved };
}

/** Runs of `[A, B(...)]` attribute lists at line starts, with the attributes they hold. */
function attributeChains(
  masked: string,
): { attributes: Attribute[]; start: number; end: number }[] {
  const chains: { attributes: Attribute[]; start: number; end: number }[] = [];
  const list = /^[ \t]*\[/gm;
  for (let m = list.exec(masked); m !== null; m = list.exec(masked)) {
    const open = m.index + m[0].length - 1;
    const close = matchBracket(masked, open);
    if (close === -1) continue;
    const inner = masked.slice(open + 1, close).replace(/^\s*\w+\s*:\s*/, "");
    const attributes: Attribute[] = [];
    for (const part of splitTopLevel(inner)) {
      const a = /^([\w.]+?)(?:Attribute)?\s*(?:\(([\s\S]*)\))?$/.exec(part);
      if (!a) continue;
      const name = (a[1] as string).slice((a[1] as string).lastIndexOf(".") + 1);
      attributes.push({ name, args: a[2] === undefined ? [] : splitTopLevel(a[2]), start: open });
    }
    const last = chains[chains.length - 1];
    if (last && /^\s*$/.test(masked.slice(last.end, m.index))) {
      last.attributes.push(...attributes);
      last.end = close + 1;
    } else {
      chains.push({ attributes, start: open, end: close + 1 });
    }
    list.lastIndex = close + 1;
  }
  return chains;
}
