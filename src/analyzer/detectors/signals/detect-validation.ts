/**
 * input_validation: request input checked against a schema or rules before use.
 *
 * Counts schema libraries used in application code (zod, joi, yup, class-validator, ajv,
 * express-validator, pydantic, marshmallow, …), framework validation (Fastify route schemas,
 * NestJS ValidationPipe, DRF serializers, Django forms, Bean Validation, Gin/validator struct tags,
 * Rails model validations, Laravel request validation, DataAnnotations and FluentValidation).
 * Strong parameters in Rails only filter keys and are not validation, and a schema that checks the
 * environment in a configuration module validates no request input.
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
  csUsing,
  flatEvidence,
  goImport,
  jsImport,
  jvmImport,
  pyImport,
  runBackendRules,
  type Rule,
} from "./signal-kit.js";

const RULES: readonly Rule[] = [
  {
    id: "node",
    deps: [
      "npm:zod",
      "npm:joi",
      "npm:yup",
      "npm:class-validator",
      "npm:express-validator",
      "npm:ajv",
      "npm:celebrate",
      "npm:@sinclair/typebox",
      "npm:valibot",
      "npm:@hono/zod-validator",
    ],
    uses: [
      jsImport("zod"),
      jsImport("joi"),
      jsImport("@hapi/joi"),
      jsImport("yup"),
      jsImport("class-validator"),
      jsImport("express-validator"),
      jsImport("ajv"),
      jsImport("celebrate"),
      jsImport("@sinclair/typebox"),
      jsImport("valibot"),
      jsImport("@hono/zod-validator"),
      jsImport("@vinejs/vine"),
      code(JS_EXTS, "ValidationPipe", undefined, "ValidationPipe"),
      code(
        JS_EXTS,
        "schema",
        /\bschema\s*:\s*\{[\s\S]{0,300}?\b(?:body|querystring|params)\s*:/,
        "route schema",
      ),
    ],
  },
  {
    id: "python",
    deps: [
      "pypi:pydantic",
      "pypi:marshmallow",
      "pypi:djangorestframework",
      "pypi:wtforms",
      "pypi:flask-wtf",
      "pypi:cerberus",
      "pypi:webargs",
    ],
    uses: [
      {
        ...code(
          PY_EXTS,
          "BaseModel",
          /^\s*class\s+\w+\(\s*[\w.]*\bBaseModel\s*\)\s*:/m,
          "pydantic model",
        ),
        fileHolds: "pydantic",
      },
      pyImport("marshmallow"),
      code(
        PY_EXTS,
        "serializers.",
        /class\s+\w+\(\s*serializers\.(?:Model)?Serializer\s*\)/,
        "DRF serializer",
      ),
      code(PY_EXTS, "forms.", /class\s+\w+\(\s*forms\.(?:Model)?Form\s*\)/, "Django form"),
      code(PY_EXTS, "FlaskForm", /class\s+\w+\(\s*FlaskForm\s*\)/, "Flask-WTF form"),
      pyImport("cerberus"),
      pyImport("webargs"),
    ],
  },
  {
    id: "jvm",
    deps: [
      "maven:spring-boot-starter-validation",
      "maven:jakarta.validation-api",
      "maven:hibernate-validator",
    ],
    uses: [
      jvmImport("jakarta.validation"),
      jvmImport("javax.validation"),
      code(JVM_EXTS, "@Valid", /@Valid(?:ated)?\b/, "@Valid"),
    ],
  },
  {
    id: "go",
    deps: ["go:github.com/go-playground/validator", "go:github.com/go-ozzo/ozzo-validation"],
    uses: [
      goImport("github.com/go-playground/validator"),
      goImport("github.com/go-ozzo/ozzo-validation"),
      code(GO_EXTS, "required", /`[^`]*\b(?:binding|validate):"[^"]*\brequired/, "validation tags"),
    ],
  },
  {
    id: "ruby",
    deps: ["gem:dry-validation"],
    uses: [
      code(RB_EXTS, "validate", /^\s*validates?(?:_\w+_of)?\s+:/m, "model validation"),
      code(RB_EXTS, "Dry::Validation", undefined, "dry-validation"),
    ],
  },
  {
    id: "php",
    uses: [
      code(
        PHP_EXTS,
        "validate(",
        /(?:\$request|\$this|request\(\))->validate\s*\(/,
        "request validation",
      ),
      code(PHP_EXTS, "FormRequest", /extends\s+FormRequest\b/, "FormRequest"),
      code(PHP_EXTS, "Validator::make", undefined, "Validator::make"),
      code(PHP_EXTS, "Assert\\", /#\[Assert\\\w+|@Assert\\\w+/, "Symfony constraints"),
    ],
  },
  {
    id: "dotnet",
    deps: ["nuget:fluentvalidation", "nuget:fluentvalidation.aspnetcore"],
    uses: [
      csUsing("FluentValidation"),
      code(
        CS_EXTS,
        "[",
        /\[(?:Required|StringLength|Range|EmailAddress|MaxLength|MinLength|RegularExpression)\b/,
        "DataAnnotations",
      ),
      code(CS_EXTS, "ModelState.IsValid", undefined, "ModelState validation"),
    ],
  },
];

/**
 * A configuration module: a config/, configs/ or settings/ folder, or a file named config, env,
 * environment or settings. Schema libraries there check the environment the app starts with
 * (`Joi.object({ PORT: … }).validate(process.env)`, a pydantic Settings model), not requests.
 */
const CONFIG_MODULE =
  /(?:^|\/)(?:config|configs|configuration|settings)\/|(?:^|\/)(?:config|env|environment|settings)\.\w+$/i;

const compiled = compileRules(
  RULES.map((rule) => ({
    ...rule,
    uses: rule.uses?.map((pattern) => ({ ...pattern, skipPaths: CONFIG_MODULE })),
  })),
);

export const validationDetector: Detector = {
  id: "signals/validation",
  detect(ctx) {
    return {
      signals: { input_validation: boolSignal(flatEvidence(runBackendRules(ctx, compiled))) },
    };
  },
};
