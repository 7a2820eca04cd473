/**
 * A NestJS interceptor that catches every handler's error and turns it into the response error
 * (`next.handle().pipe(catchError((err) => throwError(() => new HttpException(…))))`), registered
 * for the whole app with `app.useGlobalInterceptors(new ErrorsInterceptor())` or an
 * `{ provide: APP_INTERCEPTOR, useClass: ErrorsInterceptor }` provider: central error handling
 * as much as an exception filter is. One bound to a single controller is not central, and one
 * that hands the error on untouched (`catchError((err) => throwError(() => err))`) maps nothing.
 */
import type { Evidence } from "../../report.js";
import { frontEndFiles } from "../../front-end-files.js";
import { evidence, type ScanContext, type SourceFile } from "../../scan-context.js";
import { JS_EXTS } from "./signal-kit.js";

const INTERCEPTOR_CLASS = /\bclass\s+(\w+)[^{]{0,200}?\bimplements\s+NestInterceptor\b/;
const CATCH_ERROR = /\bcatchError\s*\(/g;
/**
 * What the catchError callback does with the error, within a few lines: a new exception or
 * response, a status given (`statusCode:`, `HttpStatus.BAD_GATEWAY`), a handler function, or the
 * error's own response body; not a status only logged (`logger.error(err.status)`).
 */
const MAPS_ERROR =
  /new\s+\w*(?:Exception|Error|Response)\s*\(|\bstatusCode\s*:|\bHttpStatus\.\w|\bhandle\w*(?:Exception|Error)\s*\(|\.response\b/;
const MAPPING_WINDOW = 800;
/** `{ provide: APP_INTERCEPTOR, useClass: X }`, either way round */
const APP_INTERCEPTOR_PROVIDER = /\{[^{}]{0,300}?\bAPP_INTERCEPTOR\b[^{}]{0,300}?\}/g;
const GLOBAL_INTERCEPTORS = /\buseGlobalInterceptors\s*\(([^;]{0,400}?)\)\s*;/g;

/** The class names registered as global interceptors anywhere in the app. */
function globalInterceptors(ctx: ScanContext, skipped: ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  const collect = (text: string) => {
    for (const m of text.matchAll(/\b[A-Z]\w*/g)) names.add(m[0]);
  };
  for (const file of ctx.files) {
    if (file.role !== "app" || !JS_EXTS.includes(file.ext) || skipped.has(file.path)) continue;
    if (file.text.includes("APP_INTERCEPTOR"))
      for (const m of file.text.matchAll(APP_INTERCEPTOR_PROVIDER)) collect(m[0]);
    if (file.text.includes("useGlobalInterceptors"))
      for (const m of file.text.matchAll(GLOBAL_INTERCEPTORS)) collect(m[1] ?? "");
  }
  return names;
}

export function nestErrorInterceptorEvidence(ctx: ScanContext): Evidence[] {
  const skipped = frontEndFiles(ctx);
  const candidates: { file: SourceFile; name: string; offset: number }[] = [];
  for (const file of ctx.files) {
    if (file.role !== "app" || !JS_EXTS.includes(file.ext) || skipped.has(file.path)) continue;
    const text = file.text;
    if (!text.includes("catchError") || !text.includes("NestInterceptor")) continue;
    const name = INTERCEPTOR_CLASS.exec(text)?.[1];
    if (name === undefined) continue;
    for (const m of text.matchAll(CATCH_ERROR)) {
      const after = text.slice(m.index, m.index + MAPPING_WINDOW);
      if (MAPS_ERROR.test(after)) {
        candidates.push({ file, name, offset: m.index });
        break;
      }
    }
  }
  if (candidates.length === 0) return [];
  const registered = globalInterceptors(ctx, skipped);
  return candidates
    .filter((c) => registered.has(c.name))
    .map((c) => evidence(c.file, c.offset, "NestJS error interceptor"));
}
