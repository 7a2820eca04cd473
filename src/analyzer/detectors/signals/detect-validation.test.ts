import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { validationDetector } from "./detect-validation.js";

const detect = (files: Record<string, string>) =>
  validationDetector.detect(scanContextFrom(files)).signals?.input_validation;

describe("validationDetector", () => {
  it("finds Fastify route schemas, Gin binding tags and Laravel request validation", () => {
    expect(
      detect({ "src/routes.ts": "app.post('/u', { schema: { body: UserBody } }, handler);\n" })
        ?.value,
    ).toBe(true);
    expect(
      detect({
        "user.go": 'type In struct {\n\tEmail string `json:"email" binding:"required,email"`\n}\n',
      })?.evidence,
    ).toEqual([{ file: "user.go", line: 2, note: "validation tags" }]);
    expect(
      detect({
        "app/Http/Controllers/PostController.php":
          "$data = $request->validate(['title' => 'required']);\n",
      })?.value,
    ).toBe(true);
  });

  it("does not take Rails strong parameters or validation in tests for input validation", () => {
    expect(
      detect({ "app/controllers/posts_controller.rb": "params.require(:post).permit(:title)\n" })
        ?.value,
    ).toBe(false);
    expect(detect({ "test/schema.test.ts": "import { z } from 'zod';\n" })?.value).toBe(false);
  });
});
