/**
 * Decides what a user's repository argument is — a local path or a remote git address — and
 * rejects, before git ever sees it, anything that could smuggle in an option or a command:
 * leading dashes, `<helper>::` transports (ext::, fd::), schemes other than https/ssh/file,
 * control characters, and hosts or users that start with a dash (ssh would read them as options).
 * Plain http:// and git:// are refused: they are unauthenticated, and https:// works everywhere.
 */
import { invalidInput } from "../../errors.js";
import { redactCredentials } from "../git/safe-git.js";

export type SourceInput =
  | { readonly kind: "local"; readonly path: string }
  | { readonly kind: "remote"; readonly url: string };

export const ACCEPTED_FORMS =
  "a local directory, https://host/path, ssh://[user@]host/path, user@host:path, file:///path, " +
  "or a local bare repository";

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
// git's "<transport>::<address>" syntax runs a remote helper (ext:: runs a shell command).
const HELPER_SYNTAX = /^[A-Za-z0-9][A-Za-z0-9+.-]*::/;
// scp-like: [user@]host:path, where no slash comes before the first colon (git's own rule).
const SCP_LIKE = /^(?:([^@/:]+)@)?([^/:]+):(.*)$/s;
const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._~-]*$/;
const SAFE_HOST = /^(?:[A-Za-z0-9_][A-Za-z0-9._-]*|\[[0-9A-Fa-f:.]+\])$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

function reject(input: string, problem: string): never {
  throw invalidInput(`cannot analyse ${printable(input)}: ${problem}`, [
    { where: "repository", problem, accepted: ACCEPTED_FORMS },
  ]);
}

/** The input as it may be shown: control characters escaped, credentials masked. */
function printable(input: string): string {
  return JSON.stringify(redactCredentials(input));
}

export function classifySourceInput(input: string): SourceInput {
  if (input === "") reject(input, "no repository given");
  if (CONTROL.test(input)) reject(input, "it contains control characters");
  if (input.startsWith("-")) {
    reject(input, "it starts with '-' (write ./-name for a local folder with such a name)");
  }
  if (HELPER_SYNTAX.test(input)) {
    reject(input, "git remote-helper addresses (<transport>::<address>) are not accepted");
  }

  const scheme = SCHEME.exec(input)?.[1]?.toLowerCase();
  if (scheme !== undefined) return { kind: "remote", url: checkUrl(input, scheme) };

  const scp = SCP_LIKE.exec(input);
  // "C:..." style single letters are not hosts; and a path with a slash before ':' is local.
  if (scp !== null && !/^[A-Za-z]$/.test(scp[2] ?? "")) {
    const [, user, host = "", path = ""] = scp;
    if (/\s/.test(input)) reject(input, "a git address must not contain whitespace");
    if (user !== undefined && !SAFE_NAME.test(user)) reject(input, "the user name is not valid");
    if (!SAFE_HOST.test(host)) reject(input, "the host name is not valid");
    if (path === "" || path.startsWith("-")) reject(input, "the repository path is not valid");
    return { kind: "remote", url: input };
  }
  return { kind: "local", path: input };
}

function checkUrl(input: string, scheme: string): string {
  if (/\s/.test(input)) reject(input, "a git URL must not contain whitespace");
  switch (scheme) {
    case "https":
    case "ssh":
    case "file":
      break;
    case "http":
      reject(input, "plain http:// is not accepted (no transport security); use https://");
      break;
    case "git":
      reject(input, "git:// is not accepted (unauthenticated); use https:// or ssh://");
      break;
    default:
      reject(input, `the ${scheme}:// scheme is not accepted`);
  }
  let url: URL;
  try {
    url = new URL(input);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    reject(input, `not a valid URL (${why})`);
  }
  if (scheme === "file") {
    if (url.hostname !== "" && url.hostname !== "localhost") {
      reject(input, "file:// URLs must name a local path (file:///path)");
    }
    return input;
  }
  if (url.hostname === "" || !SAFE_HOST.test(url.hostname)) {
    reject(input, "the host name is not valid");
  }
  if (url.username !== "" && url.username.startsWith("-")) {
    reject(input, "the user name is not valid");
  }
  if (url.pathname === "" || url.pathname === "/") reject(input, "the URL names no repository");
  return input;
}
