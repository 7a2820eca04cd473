/**
 * Annotations and the declarations they sit on, for Java and Kotlin source (comment-masked).
 * Annotation-driven frameworks (Spring, JAX-RS) need to know which annotations belong to a class
 * and which to a method of that class; a regular scan of annotation runs is enough for that.
 */
import { matchBracket } from "../stack-text/brackets.js";

export interface Annotation {
  /** simple name: `@org.springframework.web.bind.annotation.GetMapping` gives `GetMapping` */
  readonly name: string;
  /** the text between the parentheses, or null when the annotation has none */
  readonly args: string | null;
  readonly start: number;
  readonly end: number;
}

export interface ClassDecl {
  readonly kind: "class" | "interface" | "object";
  readonly name: string;
  readonly start: number;
  /** the offset of the body's closing brace; `start` when the class has no body */
  readonly end: number;
  readonly annotations: readonly Annotation[];
}

export interface MemberDecl {
  readonly name: string;
  readonly annotations: readonly Annotation[];
  /** offset of the first annotation */
  readonly start: number;
  /** the member's signature up to its body or end, for return-type checks */
  readonly signature: string;
  readonly owner: ClassDecl | null;
}

export interface Declarations {
  readonly classes: readonly ClassDecl[];
  readonly members: readonly MemberDecl[];
}

const ANNOTATION = /@([A-Za-z_][\w.]*)/g;
const CLASS_DECL = /\b(class|interface|object)\s+([A-Za-z_]\w*)/g;
const MODIFIERS =
  /\s*(?:(?:public|protected|private|static|final|abstract|open|data|internal|sealed|inner|enum|annotation|value|strictfp)\s+)*(class|interface|object|record)\s+([A-Za-z_]\w*)/y;

export function scanDeclarations(masked: string): Declarations {
  const annotations = scanAnnotations(masked);
  const chains = chainAnnotations(masked, annotations);
  const classes: ClassDecl[] = [];
  const memberChains: { chain: Annotation[]; end: number }[] = [];
  const annotatedClassStarts = new Set<number>();

  for (const chain of chains) {
    const last = chain[chain.length - 1] as Annotation;
    MODIFIERS.lastIndex = last.end;
    const m = MODIFIERS.exec(masked);
    if (m) {
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const keyword = m[1] === "record" ? "class" : (m[1] as ClassDecl["kind"]);
      const end = bodyEnd(masked, m.index + m[0].length, start);
      classes.push({ kind: keyword, name: m[2] as string, start, end, annotations: chain });
      annotatedClassStarts.add(masked.indexOf(m[1] as string, start));
    } else {
      memberChains.push({ chain, end: last.end });
    }
  }
  for (const m of masked.matchAll(CLASS_DECL)) {
    if (annotatedClassStarts.has(m.index)) continue;
    classes.push({
      kind: m[1] as ClassDecl["kind"],
      name: m[2] as string,
      start: m.index,
      end: bodyEnd(masked, m.index + m[0].length, m.index),
      annotations: [],
    });
  }
  classes.sort((a, b) => a.start - b.start);

  const members = memberChains.map(({ chain, end }): MemberDecl => {
    const start = (chain[0] as Annotation).start;
    const signature = memberSignature(masked, end);
    const name = /([A-Za-z_]\w*)\s*(?:<[^>]*>)?\s*\($/.exec(
      signature.slice(0, signature.indexOf("(") + 1),
    );
    return {
      name: name ? (name[1] as string) : "",
      annotations: chain,
      start,
      signature,
      owner: ownerOf(classes, start),
    };
  });
  return { classes, members };
}

function scanAnnotations(masked: string): Annotation[] {
  const out: Annotation[] = [];
  for (const m of masked.matchAll(ANNOTATION)) {
    const full = m[1] as string;
    if (full === "interface") continue;
    const before = masked[m.index - 1];
    // `a@b` in an e-mail inside a string, or Kotlin's `this@Outer`, are not annotations.
    if (before !== undefined && /[\w@"']/.test(before)) continue;
    const name = full.slice(full.lastIndexOf(".") + 1);
    let end = m.index + m[0].length;
    let args: string | null = null;
    const paren = /^[ \t]*\(/.exec(masked.slice(end, end + 40));
    if (paren) {
      const open = end + paren[0].length - 1;
      const close = matchBracket(masked, open);
      if (close !== -1) {
        args = masked.slice(open + 1, close);
        end = close + 1;
      }
    }
    out.push({ name, args, start: m.index, end });
  }
  return out;
}

/** Groups annotations that follow each other with only whitespace (or Kotlin `:` targets) between. */
function chainAnnotations(masked: string, list: readonly Annotation[]): Annotation[][] {
  const chains: Annotation[][] = [];
  let current: Annotation[] = [];
  for (const a of list) {
    const prev = current[current.length - 1];
    if (prev && a.start >= prev.end && /^\s*$/.test(masked.slice(prev.end, a.start))) {
      current.push(a);
    } else if (prev && a.start < prev.end) {
      // Nested annotation inside another's arguments (e.g. @ApiResponses({@ApiResponse(...)}).
      continue;
    } else {
      if (current.length > 0) chains.push(current);
      current = [a];
    }
  }
  if (current.length > 0) chains.push(current);
  return chains;
}

/** Text from `from` up to the member's body `{`, `=` (Kotlin expression body) or `;`, at depth 0. */
function memberSignature(masked: string, from: number): string {
  let depth = 0;
  for (let i = from; i < masked.length && i < from + 2000; i++) {
    const c = masked[i];
    if (c === "(" || c === "<") depth++;
    else if (c === ")" || c === ">") depth--;
    else if (depth <= 0 && (c === "{" || c === ";" || (c === "=" && masked[i + 1] !== "="))) {
      return masked.slice(from, i);
    }
  }
  return masked.slice(from, Math.min(masked.length, from + 2000));
}

/**
 * The innermost class whose body holds `offset`: a nested class declared above a method (an
 * exception class at the top of a controller) does not own the methods after its body.
 */
function ownerOf(classes: readonly ClassDecl[], offset: number): ClassDecl | null {
  let owner: ClassDecl | null = null;
  let fallback: ClassDecl | null = null;
  for (const c of classes) {
    if (c.start > offset) break;
    fallback = c;
    if (offset < c.end) owner = c;
  }
  // A body that could not be delimited: the last class declared before the member.
  return owner ?? fallback;
}

/**
 * Where the body of a class declared up to `from` ends: the brace matching the first `{` after
 * its header (constructor parameters and supertypes skipped). A class without a body (a Kotlin
 * `class A(val x: Int)`) ends where it starts.
 */
function bodyEnd(masked: string, from: number, start: number): number {
  let depth = 0;
  for (let i = from; i < masked.length; i++) {
    const ch = masked[i];
    if (ch === "(" || ch === "<") depth++;
    else if (ch === ")" || ch === ">") depth = Math.max(0, depth - 1);
    else if (depth === 0 && ch === "{") {
      const close = matchBracket(masked, i);
      return close === -1 ? masked.length : close;
    } else if (depth === 0 && (ch === ";" || ch === "}" || ch === "=")) return start;
    else if (
      depth === 0 &&
      ch === "\n" &&
      /^\s*(?:@|(?:private|public|protected|internal|fun|val|var|class|object|interface|data|enum)\b)/.test(
        masked.slice(i + 1, i + 40),
      )
    ) {
      return start;
    }
  }
  return start;
}

/** Named and positional arguments of an annotation: `("/x")`, `(value = "/x", method = …)`. */
export function annotationArgs(
  args: string | null,
  split: (s: string) => string[],
): Map<string, string> {
  const out = new Map<string, string>();
  if (args === null) return out;
  const positional: string[] = [];
  for (const part of split(args)) {
    const named = /^([A-Za-z_]\w*)\s*=\s*([\s\S]+)$/.exec(part);
    if (named && !named[2]?.startsWith("="))
      out.set(named[1] as string, (named[2] as string).trim());
    else positional.push(part);
  }
  // Kotlin passes a vararg `value` as several positional arguments: @RequestMapping("/a", "/b").
  if (positional.length === 1) out.set("value", positional[0] as string);
  else if (positional.length > 1) out.set("value", `[${positional.join(", ")}]`);
  return out;
}

/**
 * The superclass a class declaration names: Java's `extends Base<T>`, or Kotlin's `: Base<T>(…)`
 * (a supertype called as a constructor is the class; one without a call is an interface).
 */
export function superclassOf(masked: string, cls: ClassDecl): string | null {
  if (cls.kind !== "class") return null;
  const brace = masked.indexOf("{", cls.start);
  let header = masked.slice(cls.start, brace === -1 ? cls.start + 400 : brace);
  // Type parameters and arguments go first: `class Repo<T extends Entity>` extends nothing.
  for (let before = ""; before !== header;) {
    before = header;
    header = header.replace(/<[^<>]*>/g, "");
  }
  const java = /\bextends\s+([A-Za-z_][\w.]*)/.exec(header);
  // Kotlin: past the primary constructor's parameters, whose `name: Type` look like supertypes.
  const kotlin = java
    ? null
    : /:\s*([A-Za-z_][\w.]*)\s*\(/.exec(header.replace(/^[^(:]*\([\s\S]*?\)\s*(?=:)/, ""));
  const name = java?.[1] ?? kotlin?.[1];
  return name === undefined ? null : name.slice(name.lastIndexOf(".") + 1);
}

/**
 * Subclasses by the simple name of the class they extend, for resources and controllers whose
 * handler methods sit in a generic base class (`@Path("/widgets") class WidgetResource extends
 * CrudResource<Widget>`): the base's methods are served under each subclass's path.
 */
export function subclassesByBase(
  sources: readonly { readonly masked: string; readonly decls: Declarations }[],
): Map<string, ClassDecl[]> {
  const out = new Map<string, ClassDecl[]>();
  for (const { masked, decls } of sources) {
    for (const cls of decls.classes) {
      const base = superclassOf(masked, cls);
      if (base === null) continue;
      const list = out.get(base) ?? [];
      list.push(cls);
      out.set(base, list);
    }
  }
  return out;
}
