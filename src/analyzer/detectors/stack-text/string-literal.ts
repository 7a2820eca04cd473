/** Reading literal strings out of source expressions. */

const SIMPLE_ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "\\": "\\",
  '"': '"',
  "'": "'",
};

/**
 * The value of `expr` when it is exactly one string literal ("…", '…' or `…`), else null.
 * Strings with interpolation (`"#{x}"`, `$"{x}"`, `"${x}"` in Kotlin/PHP) are not literals.
 */
export function stringLiteral(expr: string): string | null {
  const s = expr.trim();
  if (s.length < 2) return null;
  const quote = s[0] as string;
  if (!`"'\``.includes(quote) || s[s.length - 1] !== quote) return null;
  const body = s.slice(1, -1);
  if (quote === "`") return body.includes("`") ? null : body;
  let value = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === quote) return null;
    if (c === "\\") {
      const e = body[i + 1] ?? "";
      value += SIMPLE_ESCAPES[e] ?? `\\${e}`;
      i++;
    } else {
      value += c;
    }
  }
  if (quote === '"' && (value.includes("#{") || /\$\{|\$[A-Za-z_]/.test(value))) return null;
  return value;
}

/** Like stringLiteral, but a bare Ruby/PHP-style symbol (`:articles`) also counts. */
export function stringOrSymbol(expr: string): string | null {
  const s = expr.trim();
  const symbol = /^:(\w+)$/.exec(s);
  return symbol ? (symbol[1] as string) : stringLiteral(s);
}
