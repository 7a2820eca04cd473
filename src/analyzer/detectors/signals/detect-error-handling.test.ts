import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { errorHandlingDetector } from "./detect-error-handling.js";

const detect = (files: Record<string, string>) =>
  errorHandlingDetector.detect(scanContextFrom(files)).signals?.central_error_handling;

describe("errorHandlingDetector", () => {
  it("finds Flask error handlers registered by call as well as by decorator", () => {
    expect(
      detect({
        "shop/__init__.py":
          "def create_app():\n    app = Flask(__name__)\n    for code in (403, 404, 500):\n        app.register_error_handler(code, render_error)\n    return app\n",
      }),
    ).toEqual({
      value: true,
      evidence: [{ file: "shop/__init__.py", line: 4, note: "Flask error handler" }],
    });
    expect(
      detect({
        "shop/errors.py": "@bp.app_errorhandler(404)\ndef not_found(e):\n    return {}, 404\n",
      })?.value,
    ).toBe(true);
  });

  it("does not take a commented-out Python handler or an empty placeholder call for one", () => {
    expect(
      detect({
        "src/__init__.py":
          "app = FastAPI()\n\n# app.add_exception_handler()\n# @app.exception_handler(ValueError)\n#@app.errorhandler(404)\n",
      })?.value,
    ).toBe(false);
    expect(
      detect({
        "src/__init__.py": "app = FastAPI()\napp.add_exception_handler(AppError, on_app_error)\n",
      }),
    ).toEqual({
      value: true,
      evidence: [{ file: "src/__init__.py", line: 2, note: "FastAPI exception handler" }],
    });
    expect(
      detect({
        "src/errors.py":
          "@app.exception_handler(ValueError)\nasync def bad(request, exc):\n    return JSONResponse({}, status_code=400)\n",
      })?.value,
    ).toBe(true);
  });

  it("finds a typed Express error middleware, Fastify's handler and Rails rescue_from", () => {
    expect(
      detect({
        "src/errors.ts":
          "export function onError(err: Error, req: Request, res: Response, next: NextFunction) {\n  res.status(500).end();\n}\n",
      })?.value,
    ).toBe(true);
    expect(
      detect({
        "src/app.ts": "app.setErrorHandler((error, request, reply) => reply.send(error));\n",
      })?.value,
    ).toBe(true);
    expect(
      detect({
        "app/controllers/application_controller.rb":
          "class ApplicationController\n  rescue_from ActiveRecord::RecordNotFound, with: :not_found\nend\n",
      })?.evidence,
    ).toEqual([
      { file: "app/controllers/application_controller.rb", line: 2, note: "rescue_from" },
    ]);
  });

  it("finds an Express error middleware by its four parameters, whatever the unused ones are named and however Prettier breaks them", () => {
    // a class method whose unused parameters are underscores, with no lowercase "next" anywhere
    expect(
      detect({
        "src/app.ts":
          "export default class App {\n  private errorHandler(err: any, __: Request, res: Response, ___: NextFunction) {\n    res.status(500).json({});\n  }\n}\n",
      }),
    ).toEqual({
      value: true,
      evidence: [{ file: "src/app.ts", line: 2, note: "Express error middleware" }],
    });
    // one parameter a line, the last followed by a trailing comma
    expect(
      detect({
        "src/middlewares/errorHandler.ts":
          "export const errorHandler = (\n  error: HttpError,\n  _req: Request,\n  res: Response,\n  _next: NextFunction,\n): void => {\n  res.status(error.status).json({ message: error.message });\n};\n",
      })?.value,
    ).toBe(true);
  });

  it("counts a Laravel render() that builds a response, not one that only defers to the parent", () => {
    const own = detect({
      "app/Exceptions/Handler.php":
        "<?php\nclass Handler extends ExceptionHandler\n{\n    public function render($request, Throwable $e)\n    {\n        if ($e instanceof ApiException) {\n            return $e->render($request);\n        }\n        return parent::render($request, $e);\n    }\n}\n",
    });
    expect(own?.evidence).toEqual([
      { file: "app/Exceptions/Handler.php", line: 4, note: "Laravel exception rendering" },
    ]);
    const stub = detect({
      "app/Exceptions/Handler.php":
        "<?php\nclass Handler extends ExceptionHandler\n{\n    public function render($request, Throwable $exception)\n    {\n        return parent::render($request, $exception);\n    }\n}\n",
    });
    expect(stub?.value).toBe(false);
    // An exception rendering itself as JSON, its body too long to read for the response it builds
    const typed = detect({
      "app/Exceptions/ApiException.php": `<?php\nclass ApiException extends Exception\n{\n    public function render($request): JsonResponse\n    {\n${"        $body['detail'] = $this->detail;\n".repeat(30)}    }\n}\n`,
    });
    expect(typed?.evidence).toEqual([
      { file: "app/Exceptions/ApiException.php", line: 4, note: "Laravel exception rendering" },
    ]);
  });

  it("counts a base exception that renders itself as JSON without taking the request", () => {
    expect(
      detect({
        "app/Exceptions/ApiException.php":
          "<?php\nabstract class ApiException extends Exception\n{\n    public function render(): JsonResponse\n    {\n        return response()->json(['error' => $this->getMessage()], $this->getCode());\n    }\n}\n",
      })?.evidence,
    ).toEqual([
      { file: "app/Exceptions/ApiException.php", line: 4, note: "Laravel exception rendering" },
    ]);
  });

  it("counts FastEndpoints' default exception handler", () => {
    expect(
      detect({
        "Web/Configurations/MiddlewareConfig.cs":
          "if (!app.Environment.IsDevelopment())\n{\n  app.UseDefaultExceptionHandler();\n}\napp.UseFastEndpoints();\n",
      }),
    ).toEqual({
      value: true,
      evidence: [
        {
          file: "Web/Configurations/MiddlewareConfig.cs",
          line: 3,
          note: "FastEndpoints exception handler",
        },
      ],
    });
  });

  it("counts an ASP.NET Core middleware that catches what the rest of the pipeline throws", () => {
    const middleware = (call: string) =>
      detect({
        "Api/Middleware/ExceptionMiddleware.cs": `public class ExceptionMiddleware
{
    private readonly RequestDelegate next;
    private readonly bool includeDetails;

    public ExceptionMiddleware(RequestDelegate next, IConfiguration configuration, IWebHostEnvironment environment)
    {
        this.next = next;
        if (environment.IsDevelopment())
        {
            this.includeDetails = true;
        }
        else
        {
            var includeStackTraceConfig = configuration.GetSection("Logging")
                .GetSection("ProblemDetails")
                .GetSection("ForceIncludeStackTrace").Value;
            if (bool.TryParse(includeStackTraceConfig, out var includeStackTrace))
            {
                this.includeDetails = includeStackTrace;
            }
        }
    }

    public async Task Invoke(HttpContext httpContext)
    {
        try
        {
            ${call}
        }
        catch (Exception ex)
        {
            httpContext.Response.StatusCode = 500;
            await httpContext.Response.WriteAsync(ex.Message);
        }
    }
}
`,
      });
    expect(middleware("await this.next(httpContext);")).toEqual({
      value: true,
      evidence: [
        { file: "Api/Middleware/ExceptionMiddleware.cs", line: 29, note: "exception middleware" },
      ],
    });
    expect(middleware("await _next.Invoke(httpContext).ConfigureAwait(false);")?.value).toBe(true);
    // A middleware that only passes the request on handles no error.
    expect(
      detect({
        "Api/Middleware/TimingMiddleware.cs":
          "public class TimingMiddleware\n{\n    private readonly RequestDelegate _next;\n    public async Task InvokeAsync(HttpContext context)\n    {\n        var started = Stopwatch.GetTimestamp();\n        await _next(context);\n    }\n}\n",
      })?.value,
    ).toBe(false);
  });

  it("does not count a three-argument middleware, a local try/catch or the ASP.NET template's error page", () => {
    expect(
      detect({
        "src/app.js":
          "app.use((req, res, next) => { try { next(); } catch (e) { res.status(500).end(); } });\n",
      })?.value,
    ).toBe(false);
    expect(
      detect({
        "Program.cs":
          'if (!app.Environment.IsDevelopment()) { app.UseExceptionHandler("/Error"); }\n',
      })?.value,
    ).toBe(false);
  });

  it("finds Fiber's ErrorHandler only in fiber.Config, not in another library's config", () => {
    expect(
      detect({
        "main.go":
          'package main\n\nfunc main() {\n\tapp := fiber.New(fiber.Config{\n\t\tAppName: "notes",\n\t\tErrorHandler: handleError,\n\t})\n}\n',
      })?.evidence,
    ).toEqual([{ file: "main.go", line: 6, note: "Fiber error handler" }]);
    expect(
      detect({
        "worker/server.go":
          "package worker\n\nvar cfg = asynq.Config{\n\tErrorHandler: asynq.ErrorHandlerFunc(logFailure),\n}\n",
      })?.value,
    ).toBe(false);
  });

  it("finds a WebFlux global WebExceptionHandler in Kotlin and Java", () => {
    expect(
      detect({
        "src/main/kotlin/app/GlobalErrorHandler.kt":
          "@Component\nclass GlobalErrorHandler(attrs: ErrorAttributes, ctx: ApplicationContext) :\n    AbstractErrorWebExceptionHandler(attrs, WebProperties.Resources(), ctx) {\n}\n",
      })?.evidence,
    ).toEqual([
      {
        file: "src/main/kotlin/app/GlobalErrorHandler.kt",
        line: 2,
        note: "WebFlux exception handler",
      },
    ]);
    expect(
      detect({
        "src/main/java/app/ErrorHandler.java":
          "@Component\npublic class ErrorHandler implements ErrorWebExceptionHandler {\n}\n",
      })?.value,
    ).toBe(true);
  });
});
