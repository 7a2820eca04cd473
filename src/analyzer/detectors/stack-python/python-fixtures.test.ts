import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import * as djangoDrf from "../../test-support/fixtures/python-django-drf.js";
import * as djangoSsr from "../../test-support/fixtures/python-django-ssr.js";
import * as flaskApi from "../../test-support/fixtures/python-flask-api.js";
import * as fastapiApi from "../../test-support/fixtures/python-fastapi-api.js";
import type { StackExpectation } from "../../test-support/fixtures/stack-expectation.js";
import type { FileMap } from "../../test-support/make-repo.js";
import { detectPythonStack } from "./index.js";

const fixtures: readonly (readonly [string, { files: FileMap; expected: StackExpectation }])[] = [
  ["python-django-drf", djangoDrf],
  ["python-django-ssr", djangoSsr],
  ["python-flask-api", flaskApi],
  ["python-fastapi-api", fastapiApi],
];

describe("Python stack detector on the fixture corpus", () => {
  for (const [name, fixture] of fixtures) {
    it(`reports exactly the frameworks, endpoints and rest_api of ${name}`, () => {
      const found = detectPythonStack(scanContextFrom(fixture.files));
      expect({
        frameworks: (found.frameworks ?? []).map((f) => ({ id: f.id, confidence: f.confidence })),
        endpoints: found.endpoints,
        rest_api: found.signals?.rest_api?.value,
      }).toEqual(fixture.expected);
    });
  }
});
