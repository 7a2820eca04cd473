import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { errorHandlingDetector } from "./detect-error-handling.js";

const detect = (files: Record<string, string>) =>
  errorHandlingDetector.detect(scanContextFrom(files), {}).signals?.central_error_handling;

describe("errorHandlingDetector", () => {
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
});
