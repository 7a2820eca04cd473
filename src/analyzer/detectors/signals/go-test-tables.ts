/**
 * Unkeyed entries of Go test tables: `{"get all", "GET", "/albums", nil, http.StatusOK}`. Go
 * requires such a composite literal to give every field in the order the struct declares them,
 * so the struct's field list (an anonymous `[]struct{…}{…}` or a named `type apiCase struct`)
 * tells which position holds the URL and which the method.
 */
import type { SourceFile } from "../../scan-context.js";
import { matchBracket, splitTopLevel } from "../stack-text/brackets.js";
import { esc } from "./signal-kit.js";

/** The expressions an unkeyed entry gives for the URL field and, if asked for, the method's. */
export interface UnkeyedEntry {
  readonly url: string;
  readonly method?: string;
}

/** The most table literals read for one field. */
const MAX_TABLES = 20;

/**
 * The unkeyed entries, in `files`, of the struct types that declare `field` (and `methodField`
 * when given): the anonymous struct's own literal, and for a named type each `[]T{…}`,
 * `[]*T{…}` or `map[…]T{…}` literal of it, in `uses` when given (a shared helper's type that
 * the tests of other packages fill), else in `files`.
 */
export function unkeyedEntries(
  files: readonly SourceFile[],
  field: string,
  methodField: string | undefined,
  uses: readonly SourceFile[] = files,
): UnkeyedEntry[] {
  const out: UnkeyedEntry[] = [];
  let tables = 0;
  const read = (text: string, open: number, urlAt: number, methodAt: number, count: number) => {
    tables++;
    const body = literalBody(text, open);
    if (body !== undefined) out.push(...entriesIn(body, count, urlAt, methodAt));
  };
  for (const file of files) {
    const text = file.text;
    if (!text.includes("struct") || !text.includes(field)) continue;
    for (const s of text.matchAll(/\b(?:type[ \t]+(\w+)[ \t]+)?struct[ \t]*\{/g)) {
      if (tables >= MAX_TABLES) return out;
      const open = s.index + s[0].length - 1;
      const close = matchBracket(text, open);
      if (close < 0) continue;
      const fields = structFields(text.slice(open + 1, close));
      const urlAt = fields.indexOf(field);
      const methodAt = methodField === undefined ? -1 : fields.indexOf(methodField);
      if (urlAt < 0 || (methodField !== undefined && methodAt < 0)) continue;
      const typeName = s[1];
      if (typeName === undefined) {
        // `[]struct{…}{ … }`: the literal follows the type.
        const after = /^\s*\{/.exec(text.slice(close + 1, close + 20));
        if (after !== null) read(text, close + after[0].length, urlAt, methodAt, fields.length);
        continue;
      }
      const use = new RegExp(
        `(?:\\[\\]|\\bmap\\[[^\\]\\n]{1,60}\\])[ \\t]*\\*?(?:\\w+\\.)?${esc(typeName)}[ \\t]*\\{`,
        "g",
      );
      // One entry given on its own: `test.Endpoint(t, router, test.APITestCase{"ok", "GET", …})`.
      const single = new RegExp(`(?<![\\]*\\w.])(?:\\w+\\.)?${esc(typeName)}\\{`, "g");
      for (const f of uses) {
        if (!f.text.includes(typeName)) continue;
        for (const u of f.text.matchAll(use)) {
          if (tables >= MAX_TABLES) return out;
          read(f.text, u.index + u[0].length - 1, urlAt, methodAt, fields.length);
        }
        for (const u of f.text.matchAll(single)) {
          if (tables >= MAX_TABLES) return out;
          tables++;
          const body = literalBody(f.text, u.index + u[0].length - 1);
          if (body !== undefined)
            out.push(...entriesIn(`{${body}}`, fields.length, urlAt, methodAt));
        }
      }
    }
  }
  return out;
}

/** The text inside the braces opened at `open`, or undefined when they do not close. */
function literalBody(text: string, open: number): string | undefined {
  const close = matchBracket(text, open);
  return close < 0 ? undefined : text.slice(open + 1, close);
}

/** The unkeyed entries of a table literal's body that give all `count` fields. */
function entriesIn(body: string, count: number, urlAt: number, methodAt: number): UnkeyedEntry[] {
  const out: UnkeyedEntry[] = [];
  for (const item of splitTopLevel(body)) {
    // A map's entry has its key first (`"get all": {…}`); an element may name its type (`&T{…}`).
    const braced = /^(?:(?:"[^"\n]*"|\w+)\s*:\s*)?&?(?:[\w.]+)?\{/.exec(item);
    if (braced === null || !item.endsWith("}")) continue;
    const values = splitTopLevel(item.slice(braced[0].length, -1));
    // A keyed entry (`name: "x"`) is read by its keys elsewhere.
    if (values.length !== count || /^\w+\s*:(?!=)/.test(values[0] ?? "")) continue;
    const url = values[urlAt];
    if (url === undefined) continue;
    out.push(methodAt < 0 ? { url } : { url, method: values[methodAt] });
  }
  return out;
}

/**
 * The field names of a struct body in order (`Method, URL string` gives two; an embedded
 * `http.Header` gives its type's name). Nested struct types count as one field each.
 */
export function structFields(body: string): string[] {
  let flat = "";
  for (let i = 0; i < body.length; i++) {
    const c = body.charAt(i);
    if (c === "{") {
      const close = matchBracket(body, i);
      if (close < 0) break;
      i = close;
      continue;
    }
    flat += c;
  }
  const fields: string[] = [];
  for (const raw of flat.split(/[\n;]/)) {
    // Drop a comment and a tag (`json:"url"`).
    const line = raw
      .replace(/\/\/.*$/, "")
      .replace(/`[^`]*`/g, "")
      .trim();
    if (line === "") continue;
    const named = /^([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*){0,30})[ \t]+\S/.exec(line);
    if (named !== null) fields.push(...(named[1] ?? "").split(",").map((n) => n.trim()));
    else fields.push(line.replace(/^\*/, "").replace(/^\w+\./, ""));
  }
  return fields;
}
