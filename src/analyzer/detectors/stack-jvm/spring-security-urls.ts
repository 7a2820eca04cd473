/**
 * The URLs Spring Security serves itself, with no controller behind them: POST at the
 * `logoutUrl(…)` of logout and at the `loginProcessingUrl(…)` of form login, when the project's
 * security configuration sets them with a string literal, in the builder
 * (`http.logout(l -> l.logoutUrl("/api/v1/auth/logout"))`, `.formLogin().loginProcessingUrl(…)`)
 * or in the Kotlin DSL (`logout { logoutUrl = "/logout" }`). Spring's defaults (`/logout`,
 * `/login`) are not listed when the project does not write them: the report lists what the code
 * shows, and a default chain may not be the one in use.
 */
import type { Endpoint } from "../../report.js";
import type { SourceFile } from "../../scan-context.js";
import { evidence } from "../../scan-context.js";
import { contains } from "../stack-text/keyword-search.js";
import { joinUrlPath } from "../stack-text/url-path.js";
import type { ServletPrefix } from "./spring-config.js";

/** A builder call on a literal path; `$` is left out so that a Kotlin template is not taken. */
const BUILDER_CALL = /\.\s*(?:logoutUrl|loginProcessingUrl)\s*\(\s*"([^"\\\n$]*)"\s*\)/g;
/** A Kotlin DSL assignment at the start of its line (`val logoutUrl = …` starts with `val`). */
const KOTLIN_DSL = /^[ \t]*(?:logoutUrl|loginProcessingUrl)[ \t]*=[ \t]*"([^"\\\n$]*)"/gm;

/** Cheap test on a file's raw text before it is masked and searched. */
export function maySetSecurityUrls(text: string): boolean {
  return contains(text, "logoutUrl") || contains(text, "loginProcessingUrl");
}

/** The logout and login-processing endpoints a comment-masked Java or Kotlin file sets. */
export function springSecurityEndpoints(
  file: SourceFile,
  masked: string,
  prefix: ServletPrefix,
  framework: string,
): Endpoint[] {
  if (!maySetSecurityUrls(masked)) return [];
  const calls = [...masked.matchAll(BUILDER_CALL)];
  if (file.ext === "kt") calls.push(...masked.matchAll(KOTLIN_DSL));
  return calls.map((m) => ({
    method: "POST",
    path: joinUrlPath(prefix.path, m[1] as string),
    framework,
    file: file.path,
    line: evidence(file, m.index + m[0].search(/\w/)).line,
    resolved: prefix.resolved,
  }));
}
