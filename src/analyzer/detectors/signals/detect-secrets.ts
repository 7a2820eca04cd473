/**
 * committed_secrets: real-looking credentials or private keys committed to the repository.
 *
 * Each finding's value is "<kind> at <file>:<line> (<masked>)", e.g.
 * "aws-access-key-id at config/prod.env:3 (AKIA************WXYZ)". The raw value never leaves
 * this module: not in the value, not in evidence notes.
 *
 * Not secrets: placeholders (changeme, your-secret-here, <...>, ${VAR}, %(VAR)s, {{ var }}, {VAR},
 * example, dummy, xxx, values containing "secret"/"password"/"test"), references to the
 * environment (process.env.X, os.environ[...], env(...)), unquoted expressions in source code,
 * values shorter than 8 characters or with too little variety to be a credential, the alphabet or
 * digits typed in order (abcdefgh…, 12345678…), password hashes, documented example keys
 * (AKIA…EXAMPLE), JSON Web Tokens past their expiry, read-only Nx Cloud tokens, names and references rather than values
 * (file paths, property paths, identifiers, classpath: resources, format strings, op:// and
 * other scheme references, code such as PHP string building), words in any script (translated
 * "password" labels), public halves (PublicKeyToken), commented-out assignments and URLs,
 * well-known default passwords spelled with tricks (P@ssw0rd, pa55w0rd), and anything in
 * test-role or example-role files (tests, fixtures, examples/, docs/) or in example env files
 * (.env.example, .env.sample, .env-template, …), which exist to hold fake values, and values such a file holds
 * wherever they are repeated.
 *
 * Local-development defaults (postgres/postgres, root/root, admin) are no secret where they only
 * open a local or Compose database, but a non-placeholder password in a URL to a host on the
 * internet (a hosted MongoDB or Postgres) is reported however weak it is.
 */
import type { Evidence } from "../../report.js";
import { lineInFile, type Detector, type SourceFile } from "../../scan-context.js";
import { contains } from "../stack-text/keyword-search.js";

const EXAMPLE_ENV =
  /^\.env[.-](?:example|sample|template|dist|defaults|test)$|^(?:example|sample|template)\.env$/;
/** Config-like files where unquoted values are literals (in source code they are expressions). */
const CONFIG_LIKE = new Set([
  "env",
  "properties",
  "yml",
  "yaml",
  "toml",
  "ini",
  "cfg",
  "conf",
  "json",
  "xml",
  "tf",
  "tfvars",
  "sh",
  "",
]);
const SOURCE_LIKE = new Set([
  "js",
  "jsx",
  "ts",
  "tsx",
  "mjs",
  "cjs",
  "py",
  "java",
  "kt",
  "go",
  "rb",
  "php",
  "cs",
  "rs",
  "scala",
  "groovy",
  "swift",
]);

interface TokenPattern {
  readonly kind: string;
  readonly keyword: readonly string[];
  readonly re: RegExp;
}

const TOKENS: readonly TokenPattern[] = [
  { kind: "aws-access-key-id", keyword: ["AKIA", "ASIA"], re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  {
    kind: "github-token",
    keyword: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
    re: /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{50,})\b/g,
  },
  { kind: "slack-token", keyword: ["xox"], re: /\bxox[abprs]-[A-Za-z0-9-]{10,}/g },
  { kind: "stripe-live-key", keyword: ["_live_"], re: /\b[sr]k_live_[A-Za-z0-9]{20,}/g },
  { kind: "google-api-key", keyword: ["AIza"], re: /\bAIza[0-9A-Za-z_-]{35}\b/g },
];

// The body follows a real line break, or a `\n` escape inside a JSON string (a service-account file).
const PRIVATE_KEY =
  /-----BEGIN ((?:RSA |EC |OPENSSH |DSA |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----(?:\s*\n|\\n)\s*([A-Za-z0-9+/=:\- ]{20,})/g;

/**
 * NAME = value, NAME: value, "name": "value", name => 'value' for credential-like names. A quoted
 * value runs to its closing quote, brackets and commas included (Django's generated SECRET_KEY
 * holds "(" and ")"); an unquoted one stops at what ends an expression or a list item.
 */
const ASSIGNMENT =
  /(?<![\w.-])([A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|secret[_-]?key|api[_-]?key|apikey|access[_-]?key|auth[_-]?token|access[_-]?token|refresh[_-]?token|private[_-]?key|client[_-]?secret|token|credentials?))["']?[ \t]*(?:=|:|=>|:=)[ \t]*(?:(["'`])([^\s"'`]+)\2|([^\s"'`,;)}\]]+))/gi;
const ASSIGNMENT_HINT = /pass|pwd|secret|key|token|credential/gi;

const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/([^:/\s@'"]+):([^@/\s'"]+)@([\w.-]+)/g;

const PLACEHOLDER =
  /change[-_ ]?me|changeit|your[-_ ]|example|sample|placeholder|dummy|fake|test|secret|password|passwd|xxx|\*\*\*|redacted|todo|replace|insert|goes[-_ ]?here|<[^>]*>|^<|^\$|\$\{|%\(|%\{|#\{|\{\{|process\.env|os\.environ|getenv|env\(|ENV\[|config\(|^none$|^null$|^true$|^false$|^undefined$|^\{[A-Za-z_][\w.-]*\}?$/i;
const PASSWORD_HASH =
  /^\$(?:2[abxy]?|argon2(?:id|i|d)?|pbkdf2[\w-]*|scrypt)\$|^pbkdf2_sha256\$|^argon2\$/;

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Names rather than values: a file path or URL-less resource reference (classpath:certs/app.key,
 * /etc/ssl/server.pem, ./keys/dev.p12), a property path or dotted identifier
 * (management.endpoints.access.default, config.auth.secret), a format string
 * (app.%s.token), or a plain identifier (twoFactorLoginToken, session_key_name). Generated
 * credentials mix in digits; names made of words and separators alone are what code refers to.
 */
const REFERENCE =
  /^(?:classpath\*?:|file:|\.{0,2}\/|~\/)|\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|json|ya?ml|txt|properties|env|xml)$/i;
/** A relative file path (models/users/token.md): base64 has no ".", JWTs have no "/". */
const FILE_PATH = /^[\w.-]+(?:\/[\w.-]+)+\.[A-Za-z]{1,5}$/;
/** The alphabet or the digits typed in order: a stand-in, not a generated value. */
const KEYBOARD_RUN = /abcdefgh|ijklmnop|qrstuvwx|01234567|12345678/i;
/** A rate limit ("5/minute", "100/hour" in DRF's DEFAULT_THROTTLE_RATES under a "token" key). */
const RATE = /^\d+\s?\/\s?(?:s|sec|second|m|min|minute|h|hr|hour|d|day|week|month)s?$/i;
const DOTTED_NAME = /^[A-Za-z_$][\w$-]*(?:[.:][A-Za-z_$%][\w$%-]*)+$/;
const FORMAT_SPEC = /%[sd]|\{\d*\}/;
/** Words in any script ("Contraseña", "パスワード" in a locale file), not generated strings. */
const WORDS_ONLY = /^\p{L}+(?:[-_ ]\p{L}+)*$/u;
/** A reference to a secret kept elsewhere: op://vault/item, vault://…, a scheme-prefixed name. */
const URI_REFERENCE = /^[a-z][a-z0-9+.-]*:\/\//i;
/**
 * Code rather than a value: PHP string building (`".$request->key."`), member access, a value
 * that starts with a call (`getSecret()`, `.config('x')`). A call further in is not one: random
 * keys hold "t0(" (Django's generated SECRET_KEY about every other time).
 */
const EXPRESSION = /->|^\.\$|\$this\b|^\.?[A-Za-z_][\w.]*\(/;
const PROSE = new Set(["md", "markdown", "rst", "adoc", "txt"]);
/** A commented-out line, where generators leave sample keys (Devise's `# config.secret_key = …`). */
const COMMENT_LINE = /^\s*(?:#|\/\/|\/?\*|<!--|--|;)/;

/**
 * Spelling tricks on a known word (P@ssw0rd, Pass@word1, myAwEsOm3pa55w0rd) undone, to compare
 * with placeholders.
 */
function unleet(value: string): string {
  return value
    .toLowerCase()
    .replace(/[@4]/g, "a")
    .replace(/0/g, "o")
    .replace(/[$5]/g, "s")
    .replace(/3/g, "e")
    .replace(/7/g, "t")
    .replace(/[^a-z]/g, "");
}

/**
 * Hosts that only the developer's machine or its Compose/cluster network reach: loopback,
 * private addresses, single-label service names (no dot) and reserved or internal suffixes.
 */
const PRIVATE_HOST =
  /^(?:localhost|127\.|0\.0\.0\.0|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|host\.docker\.internal$)|\.(?:local|localhost|internal|svc|test|example|invalid)$/i;

/**
 * Credentials in a URL to a host on the internet (`admin:admin@cluster0.ab12c.mongodb.net`) open
 * that database however weak the password is; only a placeholder password is no credential.
 * Local-development defaults (`postgres:postgres@db`, `root:root@localhost`) stay out: their host
 * is private.
 */
function opensPublicHost(password: string, host: string): boolean {
  if (!host.includes(".") || PRIVATE_HOST.test(host) || PLACEHOLDER.test(host)) return false;
  if (/x{3,}|\.{2,}/i.test(host) || password.length < 3) return false;
  return !PLACEHOLDER.test(password) && !/pas+|secret|changeme|pwd/.test(unleet(password));
}

const JWT = /^eyJ[\w-]+\.(eyJ[\w-]+)\.[\w-]*$/;

/**
 * A JSON Web Token whose `exp` has passed: no server accepts it any more, which is why sample
 * responses in READMEs and API docs can show one.
 */
export function isExpiredJwt(value: string, now = Date.now()): boolean {
  const payload = JWT.exec(value)?.[1];
  if (payload === undefined) return false;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const exp = (claims as { exp?: unknown } | null)?.exp;
    return typeof exp === "number" && exp * 1000 < now;
  } catch {
    return false; // not JSON: judged like any other value
  }
}

/**
 * The text a base64 value stands for, when it is text: Kubernetes Secret manifests and generated
 * configs hold base64 of words ("bG9jYXRpb25z" is "locations") or of a sample phrase.
 */
function base64Text(value: string): string | null {
  if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]{4,}={0,2}$/.test(value)) return null;
  const text = Buffer.from(value, "base64")
    .toString("latin1")
    .replace(/\r?\n$/, "");
  return /^[\x20-\x7e]+$/.test(text) ? text : null;
}

/** A value that could be a real credential rather than a placeholder or an expression. */
export function looksLikeSecret(value: string): boolean {
  if (value.length < 8 || isExpiredJwt(value)) return false;
  const decoded = base64Text(value);
  if (decoded !== null && decoded.length >= 4 && !looksLikeSecret(decoded)) return false;
  // An Nx Cloud CI token for reading the remote cache only ("<id>|read"; "|read-write" ones
  // stay secrets): `nx connect` writes it to nx.json, and Nx has it committed for local reads.
  if (decoded !== null && /^[\w-]+\|read$/.test(decoded)) return false;
  if (PLACEHOLDER.test(value) || PASSWORD_HASH.test(value)) return false;
  if (/^[\w.-]+\.[a-z]{2,4}$/i.test(value) && !/\d{3}/.test(value)) return false; // a file or host name
  if (REFERENCE.test(value) || FILE_PATH.test(value) || FORMAT_SPEC.test(value)) return false;
  if (URI_REFERENCE.test(value) || EXPRESSION.test(value)) return false;
  if (KEYBOARD_RUN.test(value) || RATE.test(value)) return false;
  if (!/\d/.test(value) && (DOTTED_NAME.test(value) || WORDS_ONLY.test(value))) return false;
  if (/pas+|secret|changeme/.test(unleet(value))) return false;
  // An example cut short: "eyJhbGciOiJIUzI1NiJ9...", "sk_live_…"
  if (/\.\.\.$|…/.test(value)) return false;
  if (/^\d+$/.test(value) || /^(.)\1+$/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
  return classes >= 2 && entropy(value) >= 3;
}

/** Keeps just enough of a value to recognise it: 4 + 4 characters of long tokens, 1 of short ones. */
export function mask(value: string): string {
  if (value.length >= 20)
    return `${value.slice(0, 4)}${"*".repeat(value.length - 8)}${value.slice(-4)}`;
  return `${value.slice(0, 1)}${"*".repeat(Math.max(7, value.length - 1))}`;
}

interface Finding {
  readonly kind: string;
  readonly file: SourceFile;
  readonly offset: number;
  readonly masked: string;
  /** the raw value, compared with the example env files' values and never reported */
  readonly raw: string;
}

/** Values of KEY=value lines in example env files: sample data wherever else they appear. */
function exampleValues(files: readonly SourceFile[]): Set<string> {
  const values = new Set<string>();
  for (const file of files) {
    if (!EXAMPLE_ENV.test(file.name)) continue;
    for (const m of file.text.matchAll(
      /^[ \t]*(?:export[ \t]+)?[\w.-]+[ \t]*=[ \t]*(["']?)(.*?)\1[ \t]*$/gm,
    )) {
      if ((m[2] ?? "") !== "") values.add(m[2] ?? "");
    }
  }
  return values;
}

function scanFile(file: SourceFile, out: Finding[]): void {
  const text = file.text;
  for (const token of TOKENS) {
    if (!token.keyword.some((k) => contains(text, k))) continue;
    token.re.lastIndex = 0;
    for (let m = token.re.exec(text); m !== null; m = token.re.exec(text)) {
      if (/EXAMPLE|X{6,}/.test(m[0])) continue;
      // A presigned URL or a SigV4 header names its key id as `Credential=AKIA…/date/…`: the
      // id is public by design there, and nothing signs without the secret key.
      if (
        token.kind === "aws-access-key-id" &&
        /Credential=$/i.test(text.slice(Math.max(0, m.index - 11), m.index))
      )
        continue;
      out.push({ kind: token.kind, file, offset: m.index, masked: mask(m[0]), raw: m[0] });
    }
  }
  if (text.includes("PRIVATE KEY")) {
    PRIVATE_KEY.lastIndex = 0;
    for (let m = PRIVATE_KEY.exec(text); m !== null; m = PRIVATE_KEY.exec(text)) {
      const body = (m[2] ?? "").replace(/\s/g, "");
      if (/^\.+$|x{6,}/i.test(body) || body.length < 20) continue;
      out.push({
        kind: "private-key",
        file,
        offset: m.index,
        masked: `-----BEGIN ${m[1] ?? "PRIVATE KEY"}----- ****`,
        raw: body,
      });
    }
  }
  if (text.includes("://") && text.includes("@")) {
    eachLineWith(text, /:\/\//g, (line, lineStart) => {
      // `# - DATABASE_URL=postgres://user:pass@db/app` left commented out, or a doc comment's
      // example connection string.
      if (COMMENT_LINE.test(line)) return;
      URL_CREDENTIALS.lastIndex = 0;
      for (let m = URL_CREDENTIALS.exec(line); m !== null; m = URL_CREDENTIALS.exec(line)) {
        const password = m[2] ?? "";
        // Prose shows sample connection strings; there only strong-looking passwords count.
        const publicHost = !PROSE.has(file.ext) && opensPublicHost(password, m[3] ?? "");
        if (looksLikeSecret(password) || publicHost)
          out.push({
            kind: "url-credentials",
            file,
            offset: lineStart + m.index,
            masked: mask(password),
            raw: password,
          });
      }
    });
  }
  // A script without an extension is source code when its shebang names a language.
  const script = file.ext === "" && /^#!\S*\b(?:ruby|python\d*|node|perl|php)\b/.test(text);
  const quotedOnly = script || SOURCE_LIKE.has(file.ext) || !CONFIG_LIKE.has(file.ext);
  const reported = new Set(
    out.filter((f) => f.file === file).map((f) => lineInFile(file, f.offset)),
  );
  // ASP.NET Core's JWT settings: "Jwt": { "Key": "…" } in appsettings.json.
  if (file.name.startsWith("appsettings") && file.ext === "json") {
    for (const m of text.matchAll(/"(?:Key|SigningKey|IssuerSigningKey)"\s*:\s*"([^"]+)"/g)) {
      const value = m[1] ?? "";
      if (!looksLikeSecret(value)) continue;
      out.push({
        kind: "secret",
        file,
        offset: m.index + m[0].lastIndexOf(value),
        masked: mask(value),
        raw: value,
      });
    }
  }
  // Prose (README, guides) shows sample settings; only token formats and keys count there.
  if (PROSE.has(file.ext)) return;
  eachLineWith(text, ASSIGNMENT_HINT, (line, lineStart) => {
    if (COMMENT_LINE.test(line)) return;
    ASSIGNMENT.lastIndex = 0;
    for (let m = ASSIGNMENT.exec(line); m !== null; m = ASSIGNMENT.exec(line)) {
      const [, name = "", quote = "", quoted, bare] = m;
      const value = quoted ?? bare ?? "";
      if (quotedOnly && quote === "") continue;
      // .NET's PublicKeyToken=…, public_key: published halves, not secrets; DEFAULT_TEST_PASSWORD
      // and example_token say what they are.
      if (/^public|(?:^|[_.-]|[a-z](?=[A-Z]))(?:test|example|sample|dummy|demo|fake)/i.test(name)) {
        continue;
      }
      if (!looksLikeSecret(value)) continue;
      const offset = lineStart + m.index + m[0].lastIndexOf(value);
      const line = lineInFile(file, offset);
      if (reported.has(line)) continue;
      reported.add(line);
      out.push({ kind: secretKind(name), file, offset, masked: mask(value), raw: value });
    }
  });
}

/**
 * Calls `visit` once for each line holding a match of `hint` (a global regex), so the expensive
 * patterns run on a few short lines instead of over the whole file.
 */
function eachLineWith(
  text: string,
  hint: RegExp,
  visit: (line: string, lineStart: number) => void,
): void {
  hint.lastIndex = 0;
  for (let m = hint.exec(text); m !== null; m = hint.exec(text)) {
    const start = text.lastIndexOf("\n", m.index) + 1;
    const newline = text.indexOf("\n", m.index);
    const end = newline === -1 ? text.length : newline;
    visit(text.slice(start, end), start);
    hint.lastIndex = end + 1;
  }
}

/**
 * What a setting's name says its value is. "api-key" only for names that say API (or access)
 * key: Django's SECRET_KEY and ASP.NET Core's Jwt:Key are signing secrets, not API keys.
 */
function secretKind(name: string): string {
  const n = name.toLowerCase();
  if (/pass|pwd/.test(n)) return "password";
  if (/private/.test(n)) return "private-key";
  if (/token/.test(n)) return "token";
  if (/secret/.test(n)) return "secret";
  if (/(?:api|access)[_.-]?key/.test(n)) return "api-key";
  return "secret";
}

export const secretsDetector: Detector = {
  id: "signals/secrets",
  detect(ctx) {
    const findings: Finding[] = [];
    for (const file of ctx.files) {
      // Tests, examples and docs hold fake keys and sample configuration on purpose.
      if (file.role !== "app" || EXAMPLE_ENV.test(file.name)) continue;
      scanFile(file, findings);
    }
    // A CI file or compose file that repeats a value from .env.example uses the sample value.
    const samples = findings.length === 0 ? new Set<string>() : exampleValues(ctx.files);
    const value: string[] = [];
    const evidenceList: Evidence[] = [];
    for (const f of findings) {
      if (samples.has(f.raw)) continue;
      const line = lineInFile(f.file, f.offset);
      value.push(`${f.kind} at ${f.file.path}:${line} (${f.masked})`);
      evidenceList.push({ file: f.file.path, line, note: f.kind });
    }
    return { signals: { committed_secrets: { value, evidence: evidenceList } } };
  },
};
