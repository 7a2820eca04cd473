/**
 * central_error_handling: an application-level error handler written by the project, one place
 * that turns errors into responses. A try/catch in one handler is not central; framework
 * defaults and generated stubs (Laravel's empty `reportable` callback, the `/Error` page that
 * ASP.NET templates register) are not written by the project and do not count.
 */
import type { Detector } from "../../scan-context.js";
import {
  CS_EXTS,
  GO_EXTS,
  JS_EXTS,
  JVM_EXTS,
  PHP_EXTS,
  PY_EXTS,
  RB_EXTS,
  boolSignal,
  code,
  compileRules,
  flatEvidence,
  runBackendRules,
  type Rule,
} from "./signal-kit.js";
import { nestErrorInterceptorEvidence } from "./nest-error-interceptors.js";

/**
 * Express error middleware: four parameters, the first an error, e.g. (err, req, res, next).
 * Express knows it by its four parameters, not their names: an unused one is often `_` or `__`,
 * and Prettier breaks a long list one parameter a line with a trailing comma.
 */
const EXPRESS_ERROR_MIDDLEWARE =
  /\(\s*(?:err|error|e|ex|exception)\s*(?::\s*[\w.<>| ]+)?,\s*(?:_*req\w*|_+)(?:\s*:\s*[\w.<>]+)?\s*,\s*(?:_*res\w*|_+)(?:\s*:\s*[\w.<>]+)?\s*,\s*(?:_*next\w*|_+)(?:\s*:\s*[\w.<>]+)?\s*,?\s*\)/;

const RULES: readonly Rule[] = [
  {
    id: "node",
    uses: [
      code(JS_EXTS, "next", EXPRESS_ERROR_MIDDLEWARE, "Express error middleware"),
      // `(err: Error, _: Request, res: Response, __: NextFunction)` names no lowercase "next"
      code(JS_EXTS, "NextFunction", EXPRESS_ERROR_MIDDLEWARE, "Express error middleware"),
      code(JS_EXTS, "ErrorRequestHandler", /:\s*ErrorRequestHandler\b/, "Express error middleware"),
      code(JS_EXTS, "setErrorHandler", /\.setErrorHandler\s*\(/, "Fastify error handler"),
      code(JS_EXTS, "onError", /\bapp\.onError\s*\(/, "Hono error handler"),
      code(
        JS_EXTS,
        "@Catch",
        /@Catch\s*\([\s\S]{0,200}?implements\s+ExceptionFilter/,
        "NestJS exception filter",
      ),
      code(JS_EXTS, "useGlobalFilters", undefined, "NestJS global filter"),
      code(JS_EXTS, "APP_FILTER", undefined, "NestJS global filter"),
      code(
        JS_EXTS,
        "await next()",
        /try\s*\{\s*await\s+next\(\)\s*;?\s*\}\s*catch/,
        "Koa error middleware",
      ),
    ],
  },
  {
    id: "python",
    uses: [
      code(PY_EXTS, "EXCEPTION_HANDLER", /['"]EXCEPTION_HANDLER['"]\s*:/, "DRF exception handler"),
      code(
        PY_EXTS,
        "process_exception",
        /def\s+process_exception\s*\(/,
        "Django exception middleware",
      ),
      code(PY_EXTS, "handler", /^\s*handler(?:400|403|404|500)\s*=/m, "Django error view"),
      // Decorators and calls at the start of a line: "# @app.errorhandler(404)" is commented out.
      code(
        PY_EXTS,
        "errorhandler",
        /^[ \t]*@\w+\.(?:app_)?errorhandler\s*\(/m,
        "Flask error handler",
      ),
      // its own keyword: "register_error_handler" does not contain "errorhandler"
      code(
        PY_EXTS,
        "register_error_handler",
        /\.register_error_handler\s*\(/,
        "Flask error handler",
      ),
      code(
        PY_EXTS,
        "exception_handler",
        /^[ \t]*(?:@\w+\.exception_handler\s*\(|[\w.]+\.add_exception_handler\s*\(\s*\w)/m,
        "FastAPI exception handler",
      ),
    ],
  },
  {
    id: "jvm",
    uses: [
      code(JVM_EXTS, "ControllerAdvice", /@(?:Rest)?ControllerAdvice\b/, "@ControllerAdvice"),
      code(
        JVM_EXTS,
        "ResponseEntityExceptionHandler",
        /extends\s+ResponseEntityExceptionHandler\b/,
        "exception handler",
      ),
      // WebFlux has no @ControllerAdvice for errors raised outside handlers (filters, security,
      // functional routes): a global WebExceptionHandler takes its place.
      code(
        JVM_EXTS,
        "WebExceptionHandler",
        /(?:\bextends|\bimplements|[)\w>]\s*:)\s*(?:AbstractErrorWebExceptionHandler|(?:Error)?WebExceptionHandler)\b/,
        "WebFlux exception handler",
      ),
      code(
        JVM_EXTS,
        "ExceptionMapper",
        /implements\s+ExceptionMapper\s*</,
        "JAX-RS ExceptionMapper",
      ),
    ],
  },
  {
    id: "go",
    uses: [
      code(GO_EXTS, "HTTPErrorHandler", /\.HTTPErrorHandler\s*=/, "Echo error handler"),
      code(GO_EXTS, "c.Errors", /\bc\.Errors\b/, "Gin error middleware"),
      code(GO_EXTS, "CustomRecovery", undefined, "Gin recovery handler"),
      // Only in fiber.Config: other libraries' configs (asynq's task queue) have the field too.
      code(
        GO_EXTS,
        "ErrorHandler",
        /(?<=\bfiber\.Config\s*\{[^}]*?)\bErrorHandler\s*:\s*\w+/,
        "Fiber error handler",
      ),
    ],
  },
  {
    id: "ruby",
    uses: [code(RB_EXTS, "rescue_from", /^\s*rescue_from\s+/m, "rescue_from")],
  },
  {
    id: "php",
    uses: [
      code(
        PHP_EXTS,
        "withExceptions",
        /withExceptions\s*\([\s\S]{0,400}?->(?:render|renderable)\s*\(/,
        "Laravel exception rendering",
      ),
      code(PHP_EXTS, "renderable", /\$this->renderable\s*\(/, "Laravel exception handler"),
      // A Handler::render($request, $e) override or an exception's own render($request) that
      // builds a response (or is declared to return a JsonResponse, however long its body);
      // one that only returns parent::render(...) is the framework's default. Laravel calls a
      // renderable exception's render() with the request, which it may leave out: render().
      code(
        PHP_EXTS,
        "function render(",
        /public\s+function\s+render\s*\(\s*(?:(?:Request\s+)?\$request\b[^)]*)?\)(?:\s*:\s*[\w\\]*JsonResponse\b|[^{]*\{[\s\S]{0,600}?(?:instanceof|->json\s*\(|JsonResponse|response\s*\())/,
        "Laravel exception rendering",
      ),
      code(
        PHP_EXTS,
        "ExceptionListener",
        /#\[AsEventListener\([^)]*KernelEvents::EXCEPTION|ExceptionEvent\s+\$event/,
        "Symfony exception listener",
      ),
    ],
  },
  {
    id: "dotnet",
    uses: [
      code(
        CS_EXTS,
        "UseExceptionHandler",
        /UseExceptionHandler\s*\((?!\s*"\/(?:Home\/)?Error"\s*\))/,
        "UseExceptionHandler",
      ),
      code(CS_EXTS, "IExceptionHandler", undefined, "IExceptionHandler"),
      code(
        CS_EXTS,
        "UseDefaultExceptionHandler",
        /\.UseDefaultExceptionHandler\s*\(/,
        "FastEndpoints exception handler",
      ),
      code(CS_EXTS, "AddProblemDetails", undefined, "ProblemDetails"),
      // The app's own exception middleware: `await _next(context);` inside a try whose catch
      // writes the error response for every request behind it (IMiddleware too). The keyword is
      // the call itself: the RequestDelegate field may be declared far above it.
      code(
        CS_EXTS,
        "next",
        /await\s+(?:this\.)?_?next(?:\.Invoke)?\s*\(\s*\w*\s*\)(?:\.ConfigureAwait\(\s*\w+\s*\))?\s*;\s*\}\s*catch\b/,
        "exception middleware",
      ),
      code(
        CS_EXTS,
        "ExceptionFilter",
        /:\s*(?:IExceptionFilter|IAsyncExceptionFilter|ExceptionFilterAttribute)\b/,
        "exception filter",
      ),
    ],
  },
];

const compiled = compileRules(RULES);

export const errorHandlingDetector: Detector = {
  id: "signals/error-handling",
  detect(ctx) {
    return {
      signals: {
        central_error_handling: boolSignal([
          ...flatEvidence(runBackendRules(ctx, compiled)),
          ...nestErrorInterceptorEvidence(ctx),
        ]),
      },
    };
  },
};
