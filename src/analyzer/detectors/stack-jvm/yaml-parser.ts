/**
 * The YAML parser, loaded on first use. The JVM detector parses YAML only for application.yml and
 * OpenAPI specs; loading the library takes ≈ 30 ms, which a Java repository configured with
 * application.properties alone would otherwise pay for nothing. `yaml` is a CommonJS package, so
 * it loads synchronously here and the parsing code stays synchronous.
 */
import { createRequire } from "node:module";
import type * as Yaml from "yaml";

const require = createRequire(import.meta.url);
let parser: typeof Yaml | undefined;

export function yamlParser(): typeof Yaml {
  parser ??= require("yaml") as typeof Yaml;
  return parser;
}
