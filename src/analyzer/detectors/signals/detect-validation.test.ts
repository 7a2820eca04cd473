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

  it("does not take a schema that checks the environment in a configuration module", () => {
    const envSchema =
      "import Joi from 'joi';\nconst envVars = Joi.object({ PORT: Joi.number() });\n";
    const zodEnv =
      "import { z } from 'zod';\nexport const env = z.object({ DB_URL: z.string() }).parse(process.env);\n";
    const settings =
      "from pydantic import BaseModel\n\nclass Settings(BaseModel):\n    db_url: str\n";
    expect(
      detect({
        "src/config/config.js": envSchema,
        "src/env.ts": zodEnv,
        "app/core/settings.py": settings,
        "package.json": '{ "dependencies": { "joi": "^17.0.0", "zod": "^3.0.0" } }\n',
      })?.value,
    ).toBe(false);
    const requests = detect({
      "src/config/config.js": envSchema,
      "src/validations/user.validation.js": "const Joi = require('joi');\n",
    });
    expect(requests?.evidence).toEqual([
      { file: "src/validations/user.validation.js", line: 1, note: "imports joi" },
    ]);
  });

  it("does not take a Django model on the project's own BaseModel for a pydantic model", () => {
    const result = detect({
      "src/apps/accounts/models/profiles.py":
        "from django.db import models\nfrom utils.base_models import BaseModel\n\n\nclass Profile(BaseModel):\n    bio = models.TextField()\n",
      "src/apps/accounts/serializers.py":
        "from rest_framework import serializers\n\n\nclass ProfileSerializer(serializers.ModelSerializer):\n    pass\n",
      "app/schemas/item.py":
        "from pydantic import BaseModel\n\n\nclass Item(BaseModel):\n    name: str\n",
    });
    expect(result?.evidence.map((e) => `${e.file} ${e.note}`)).toEqual([
      "src/apps/accounts/serializers.py DRF serializer",
      "app/schemas/item.py pydantic model",
    ]);
  });

  it("does not take an import in a doc comment's usage example for a validation library", () => {
    const sample = [
      "export class SchemaError extends Error {}",
      "/**",
      "Parse the body against a schema.",
      "@example",
      "```",
      "import {z} from 'zod';",
      "```",
      "*/",
      "export const files = 'src/**/*.ts';",
      "// import Joi from 'joi';",
      "",
    ].join("\n");
    expect(detect({ "source/errors.ts": sample })?.value).toBe(false);
    // A glob string does not open a comment: the import after it still counts.
    expect(
      detect({ "src/app.ts": "const g = 'src/**/*.ts';\nimport { z } from 'zod';\n" })?.evidence,
    ).toEqual([{ file: "src/app.ts", line: 2, note: "imports zod" }]);
  });
});
