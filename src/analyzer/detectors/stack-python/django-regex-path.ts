/**
 * A Django regex route (re_path(), the older url(), a DRF router prefix) as the path a reader
 * expects: anchors dropped, each named group as Django's `<name>`, escaped punctuation as itself,
 * and an optional slash at the end as "/" (`^articles/(?P<pk>[^/]+)/?$` → `articles/<pk>/`).
 * A pattern with anything else outside its named groups (alternation, unnamed groups, classes,
 * repetition) stands for no single path, so it is shown as written, without its anchors.
 */
export function regexRouteAsPath(pattern: string): string {
  const body = pattern.replace(/^\^/, "").replace(/(?<!\\)\$$/, "");
  let path = "";
  for (let i = 0; i < body.length;) {
    const group = /^\(\?P<(\w+)>/.exec(body.slice(i, i + 40));
    if (group) {
      const end = groupEnd(body, i);
      if (end === -1) return body;
      path += `<${group[1] ?? ""}>`;
      i = end + 1;
      continue;
    }
    const char = body.charAt(i);
    const next = body.charAt(i + 1);
    if (char === "\\" && /[^\w\s]/.test(next)) {
      path += next;
      i += 2;
    } else if (char === "/" && next === "?" && i + 2 === body.length) {
      path += "/";
      i += 2;
    } else if (/[\\.*+?|()[\]{}^$]/.test(char)) {
      return body;
    } else {
      path += char;
      i += 1;
    }
  }
  return path;
}

/** The index of the ")" that closes the group opened at `open`, or -1. */
function groupEnd(body: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < body.length; i++) {
    const char = body.charAt(i);
    if (char === "\\") i++;
    else if (inClass) inClass = char !== "]";
    else if (char === "[") inClass = true;
    else if (char === "(") depth++;
    else if (char === ")" && --depth === 0) return i;
  }
  return -1;
}
