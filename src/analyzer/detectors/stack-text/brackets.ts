/** Bracket matching and argument splitting that step over string literals. */

const CLOSERS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/**
 * Index of the bracket that closes the one at `open`, or -1. Expects comment-masked text;
 * quotes inside are skipped so a `)` in a string does not close anything.
 */
export function matchBracket(text: string, open: number): number {
  const stack: string[] = [];
  for (let i = open; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"' || c === "'" || c === "`") {
      i = skipString(text, i);
      continue;
    }
    const closer = CLOSERS[c];
    if (closer !== undefined) stack.push(closer);
    else if (c === ")" || c === "]" || c === "}") {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

/** Index of the closing quote of the string opened at `start` (or the text end). */
export function skipString(text: string, start: number): number {
  const quote = text[start];
  if (quote === '"' && text.startsWith('"""', start)) {
    const close = text.indexOf('"""', start + 3);
    return close === -1 ? text.length : close + 2;
  }
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\" && quote !== "`") i++;
    else if (c === quote) return i;
    else if (c === "\n" && quote !== "`") return i;
  }
  return text.length;
}

/** Splits at top-level separators (not inside brackets or strings); parts are trimmed, empties dropped. */
export function splitTopLevel(text: string, separator = ","): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"' || c === "'" || c === "`") i = skipString(text, i);
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}
