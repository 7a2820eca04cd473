import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { authDetector } from "./detect-auth.js";

const authorization = (files: Record<string, string>) =>
  authDetector.detect(scanContextFrom(files)).signals?.authorization;

const ANNOTATION =
  "package app.security\n\n@Target(AnnotationTarget.FUNCTION)\nannotation class CheckRole(val roles: Array<RoleEnum>)\n";
const CONTROLLER =
  '@RestController\nclass UserController {\n    @CheckRole([RoleEnum.ADMIN])\n    @GetMapping("/users")\n    fun list() = users()\n}\n';
const INTERCEPTOR =
  'class AppInterceptor(private val auth: AuthService) : HandlerInterceptor {\n    override fun preHandle(request: HttpServletRequest, response: HttpServletResponse, handler: Any): Boolean {\n        val method = handler as? HandlerMethod ?: return true\n        val checkRole = method.method.getAnnotation(CheckRole::class.java) ?: return true\n        val roles = checkRole.roles.map { it.value }\n        if (!auth.isAuthorized(*roles)) throw AccessDeniedException("no")\n        return true\n    }\n}\n';

describe("a project's own role annotation", () => {
  it("counts an annotation on handlers that the project's interceptor checks, citing the check", () => {
    expect(
      authorization({
        "src/main/kotlin/app/security/CheckRole.kt": ANNOTATION,
        "src/main/kotlin/app/controller/UserController.kt": CONTROLLER,
        "src/main/kotlin/app/config/AppInterceptor.kt": INTERCEPTOR,
      }),
    ).toEqual({
      value: true,
      evidence: [
        {
          file: "src/main/kotlin/app/config/AppInterceptor.kt",
          line: 6,
          note: "role check for @CheckRole",
        },
      ],
    });
  });

  it("reads an aspect whose advice takes the annotation as a parameter (Java)", () => {
    expect(
      authorization({
        "src/main/java/app/RequireRole.java":
          "@Retention(RetentionPolicy.RUNTIME)\npublic @interface RequireRole { String[] value(); }\n",
        "src/main/java/app/AdminController.java":
          '@RestController\npublic class AdminController {\n  @RequireRole("ADMIN")\n  @DeleteMapping("/users/{id}")\n  public void delete(@PathVariable long id) {}\n}\n',
        "src/main/java/app/RoleAspect.java":
          '@Aspect\n@Component\npublic class RoleAspect {\n  @Before("@annotation(requireRole)")\n  public void check(RequireRole requireRole) {\n    if (!Arrays.asList(requireRole.value()).contains(currentUser().getRole())) throw new ForbiddenException();\n  }\n}\n',
      })?.evidence,
    ).toEqual([
      { file: "src/main/java/app/RoleAspect.java", line: 6, note: "role check for @RequireRole" },
    ]);
  });

  it("cites the roles compared, not the test that the annotation is there", () => {
    expect(
      authorization({
        "common/RequireRole.java": "public @interface RequireRole { String[] value(); }\n",
        "api/AdminController.java":
          '@RestController\nclass AdminController {\n  @RequireRole({"ROLE_ADMIN"})\n  @GetMapping("/admin/orders")\n  List<Order> orders() { return List.of(); }\n}\n',
        "security/RoleCheckInterceptor.java":
          "public class RoleCheckInterceptor implements HandlerInterceptor {\n  public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {\n    RequireRole requiredRole = ((HandlerMethod) handler).getMethodAnnotation(RequireRole.class);\n    if (requiredRole == null) return true;\n    return Arrays.stream(requiredRole.value())\n        .anyMatch(role -> auth().getAuthorities().stream()\n            .anyMatch(a -> a.getAuthority().equals(role)));\n  }\n}\n",
      })?.evidence,
    ).toEqual([
      { file: "security/RoleCheckInterceptor.java", line: 7, note: "role check for @RequireRole" },
    ]);
  });

  it("needs the annotation on a handler, declared by the project, and a role comparison", () => {
    // declared and checked, but on no handler
    expect(
      authorization({
        "src/main/kotlin/app/security/CheckRole.kt": ANNOTATION,
        "src/main/kotlin/app/config/AppInterceptor.kt": INTERCEPTOR,
      })?.value,
    ).toBe(false);
    // on handlers, but the interceptor compares no roles
    expect(
      authorization({
        "src/main/kotlin/app/security/CheckRole.kt": ANNOTATION,
        "src/main/kotlin/app/controller/UserController.kt": CONTROLLER,
        "src/main/kotlin/app/config/AppInterceptor.kt": INTERCEPTOR.replace(
          '        if (!auth.isAuthorized(*roles)) throw AccessDeniedException("no")\n',
          "        log.info(roles.toString())\n",
        ),
      })?.value,
    ).toBe(false);
  });
});
