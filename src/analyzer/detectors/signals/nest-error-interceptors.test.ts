import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { errorHandlingDetector } from "./detect-error-handling.js";

const detect = (files: Record<string, string>) =>
  errorHandlingDetector.detect(scanContextFrom(files)).signals?.central_error_handling;

const INTERCEPTOR =
  "@Injectable()\nexport class ErrorsInterceptor implements NestInterceptor {\n  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {\n    return next.handle().pipe(\n      catchError((err) =>\n        throwError(() => new HttpException({ message: err.message }, err.statusCode ?? 500)),\n      ),\n    );\n  }\n}\n";

describe("NestJS error interceptors", () => {
  it("counts a global interceptor that maps every error, registered either way", () => {
    const evidence = [
      { file: "src/errors.interceptor.ts", line: 5, note: "NestJS error interceptor" },
    ];
    expect(
      detect({
        "src/errors.interceptor.ts": INTERCEPTOR,
        "src/main.ts":
          "const app = await NestFactory.create(AppModule);\napp.useGlobalInterceptors(new ErrorsInterceptor());\n",
      }),
    ).toEqual({ value: true, evidence });
    expect(
      detect({
        "src/errors.interceptor.ts": INTERCEPTOR,
        "src/app.module.ts":
          "@Module({\n  providers: [\n    { provide: APP_INTERCEPTOR, useClass: LoggingInterceptor },\n    {\n      provide: APP_INTERCEPTOR,\n      useClass: ErrorsInterceptor,\n    },\n  ],\n})\nexport class AppModule {}\n",
      }),
    ).toEqual({ value: true, evidence });
  });

  it("does not count one bound to a controller only, or one that passes the error on", () => {
    expect(
      detect({
        "src/errors.interceptor.ts": INTERCEPTOR,
        "src/cats.controller.ts":
          "@UseInterceptors(ErrorsInterceptor)\n@Controller('cats')\nexport class CatsController {}\n",
        "src/main.ts": "app.useGlobalInterceptors(new LoggingInterceptor());\n",
      })?.value,
    ).toBe(false);
    expect(
      detect({
        "src/errors.interceptor.ts":
          "export class ErrorsInterceptor implements NestInterceptor {\n  intercept(context, next) {\n    return next.handle().pipe(catchError((err) => throwError(() => err)));\n  }\n}\n",
        "src/main.ts": "app.useGlobalInterceptors(new ErrorsInterceptor());\n",
      })?.value,
    ).toBe(false);
    // a logging interceptor that reads the status for its log line and rethrows
    expect(
      detect({
        "src/logging.interceptor.ts":
          "export class LoggingInterceptor implements NestInterceptor {\n  intercept(context, next) {\n    return next.handle().pipe(\n      catchError((err) => {\n        this.logger.error(`${err.status} ${err.message}`);\n        return throwError(() => err);\n      }),\n    );\n  }\n}\n",
        "src/main.ts": "app.useGlobalInterceptors(new LoggingInterceptor());\n",
      })?.value,
    ).toBe(false);
  });

  it("still counts exception filters", () => {
    expect(
      detect({
        "src/http-exception.filter.ts":
          "@Catch(HttpException)\nexport class HttpExceptionFilter implements ExceptionFilter {\n  catch(exception: HttpException, host: ArgumentsHost) {}\n}\n",
      }),
    ).toEqual({
      value: true,
      evidence: [
        { file: "src/http-exception.filter.ts", line: 1, note: "NestJS exception filter" },
      ],
    });
  });
});
