import { describe, expect, it } from "vitest";
import * as djangoDrf from "../../test-support/fixtures/python-django-drf.js";
import * as djangoSsr from "../../test-support/fixtures/python-django-ssr.js";
import * as flaskApi from "../../test-support/fixtures/python-flask-api.js";
import * as fastapiApi from "../../test-support/fixtures/python-fastapi-api.js";
import type { StackExpectation } from "../../test-support/fixtures/stack-expectation.js";
import type { FileMap } from "../../test-support/make-repo.js";
import { observeStack } from "../../test-support/stack-fixture-check.js";
import { pythonStackDetector } from "./index.js";

const fixtures: readonly (readonly [string, { files: FileMap; expected: StackExpectation }])[] = [
  ["python-django-drf", djangoDrf],
  ["python-django-ssr", djangoSsr],
  ["python-flask-api", flaskApi],
  ["python-fastapi-api", fastapiApi],
];

describe("Python stack detector on the fixture corpus", () => {
  for (const [name, fixture] of fixtures) {
    it(`reports exactly the frameworks, endpoints and rest_api of ${name}`, () => {
      expect(observeStack(pythonStackDetector, fixture.files)).toEqual(fixture.expected);
    });
  }
});
