/**
 * A JVM project's own role annotation: `@CheckRole([RoleEnum.ADMIN])` on controllers, declared
 * by the project (`annotation class CheckRole`, `@interface RequireRole`) and read by its own
 * HandlerInterceptor or @Aspect, which compares the caller's roles with the annotation's. It is
 * authorization only when all three are there: an annotation nobody checks guards nothing, and
 * an interceptor that reads one without comparing roles (a token check, a log) is no role gate.
 * The evidence is the interceptor's role check.
 */
import type { Evidence } from "../../report.js";
import { evidence, type ScanContext, type SourceFile } from "../../scan-context.js";
import { JVM_EXTS, esc, onUncommentedLine } from "./signal-kit.js";

/** `getAnnotation(CheckRole::class.java)`, `getMethodAnnotation(RequireRole.class)`, `findAnnotation(type, X.class)` */
const ANNOTATION_READ =
  /\b(?:get|getMethod|find|findMerged|getMerged|hasMethod|isAnnotation)(?:Annotation|Present)\s*\([^)\n]{0,120}?\b([A-Z]\w*)(?:::class|\.class)\b/g;
/** An aspect's pointcut on the annotation: `@Around("@annotation(com.x.CheckRole)")` or `@annotation(checkRole)` */
const POINTCUT = /@annotation\(\s*(?:[\w.]*\.)?(\w+)\s*\)/g;
/**
 * The caller's roles compared with the required ones: `authService.isAuthorized(*roles)`,
 * `hasAnyRole(…)`, `roles.contains(…)`, `requiredRoles.any { … }`, `user.role == role`,
 * `getAuthority().equals(role)`; not `requiredRole == null`, which only asks whether it is there.
 */
const ROLE_CHECK = onUncommentedLine(
  /\b\w*(?:[Ii]s[Aa]uthori[sz]ed|[Hh]as(?:Any)?(?:Role|Authority|Permission)s?)\s*\(|\b\w*(?:[Rr]oles?|[Aa]uthorit(?:y|ies)|[Pp]ermissions?)\b[^\n]{0,120}?(?:\.(?:contains(?:All)?|equals|anyMatch|noneMatch|allMatch)\s*\(|\.(?:any|none|all)\s*\{|\s[!=]==?\s(?!null\b))/,
);
const CONTROLLER = /@(?:Rest)?Controller\b|@(?:Request|Get|Post|Put|Patch|Delete)Mapping\b/;

function isJvmApp(file: SourceFile): boolean {
  return file.role === "app" && JVM_EXTS.includes(file.ext);
}

/** The annotation types an interceptor or aspect reads, by their simple names. */
function annotationsRead(file: SourceFile): Set<string> {
  const names = new Set<string>();
  for (const m of file.text.matchAll(ANNOTATION_READ)) names.add(m[1] ?? "");
  if (file.text.includes("@annotation(")) {
    for (const m of file.text.matchAll(POINTCUT)) {
      const name = m[1] ?? "";
      if (/^[A-Z]/.test(name)) names.add(name);
      else {
        // the advice's parameter: `checkRole: CheckRole` (Kotlin) or `CheckRole checkRole` (Java)
        const p = esc(name);
        const typed = new RegExp(String.raw`\b${p}\s*:\s*([A-Z]\w*)|\b([A-Z]\w*)\s+${p}\b`).exec(
          file.text,
        );
        const type = typed?.[1] ?? typed?.[2];
        if (type !== undefined) names.add(type);
      }
    }
  }
  names.delete("");
  return names;
}

export function ownRoleAnnotationEvidence(ctx: ScanContext): Evidence[] {
  const checks: { file: SourceFile; offset: number; names: Set<string> }[] = [];
  for (const file of ctx.files) {
    if (!isJvmApp(file)) continue;
    const text = file.text;
    if (!text.includes("HandlerInterceptor") && !text.includes("@Aspect")) continue;
    if (!text.includes("Annotation") && !text.includes("@annotation(")) continue;
    ROLE_CHECK.lastIndex = 0;
    const check = ROLE_CHECK.exec(text);
    if (check === null) continue;
    const names = annotationsRead(file);
    if (names.size > 0) checks.push({ file, offset: check.index, names });
  }
  if (checks.length === 0) return [];

  const wanted = new Set(checks.flatMap((c) => [...c.names]));
  const declared = new Set<string>();
  const onHandlers = new Set<string>();
  for (const file of ctx.files) {
    if (!isJvmApp(file)) continue;
    const text = file.text;
    for (const name of wanted) {
      if (!text.includes(name)) continue;
      const n = esc(name);
      if (new RegExp(String.raw`(?:annotation\s+class|@interface)\s+${n}\b`).test(text))
        declared.add(name);
      if (CONTROLLER.test(text) && new RegExp(String.raw`@${n}\b`).test(text)) onHandlers.add(name);
    }
  }
  const out: Evidence[] = [];
  for (const { file, offset, names } of checks) {
    const name = [...names].find((n) => declared.has(n) && onHandlers.has(n));
    if (name !== undefined) {
      // the match starts at the line's beginning (onUncommentedLine): cite that line
      out.push(evidence(file, offset, `role check for @${name}`));
    }
  }
  return out;
}
