import { describe, expect, it } from "vitest";
import type { FileMap } from "../../test-support/make-repo.js";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { findErrorStatusChecks } from "./error-status-checks.js";

/** The checks found in `files`, all of which call the API (as findApiTestCalls would say). */
function checksIn(files: FileMap): string[] {
  const calls = Object.keys(files).map((file) => ({ file, line: 1, note: "GET /x" }));
  return findErrorStatusChecks(scanContextFrom(files), calls).map(
    (e) => `${e.file}:${e.line} ${e.note ?? ""}`,
  );
}

describe("findErrorStatusChecks", () => {
  it("reads Python test modules that import the base test case whose helpers call the API", () => {
    const files = {
      "tests/base_test.py":
        "class TestBooks(TestCase):\n    def add_book(self, data):\n        return self.client.post('/api/v1/books', json=data)\n",
      "tests/test_book.py":
        "from tests.base_test import TestBooks\n\nclass BookTest(TestBooks):\n    def test_add(self):\n        res = self.add_book({})\n        self.assertEqual(res.status_code, 400)\n",
      "tests/other/test_rel.py":
        "from ..base_test import TestBooks\n\ndef test_x():\n    assert res.status_code == 404\n",
      "tests/test_unrelated.py":
        "from app.models import Book\n\ndef test_y():\n    assert r.status_code == 404\n",
    };
    const calls = [{ file: "tests/base_test.py", line: 3, note: "POST /api/v1/books" }];
    expect(
      findErrorStatusChecks(scanContextFrom(files), calls).map((e) => `${e.file}:${e.line}`),
    ).toEqual(["tests/test_book.py:6", "tests/other/test_rel.py:4"]);
  });

  it("finds a 4xx status checked in each stack's idiom", () => {
    const lines: Record<string, string> = {
      "supertest.test.js": "await request(app).post('/x').send({}).expect(400);",
      "jest.test.ts": "expect(res.status).toBe(404);",
      "vitest.test.ts": "expect(response.statusCode).toEqual(422);",
      "node-assert.test.js": "assert.strictEqual(res.status, 401);",
      "nest.e2e-spec.ts": ".expect(HttpStatus.FORBIDDEN);",
      "test_api.py": "assert response.status_code == 404",
      "test_unittest.py": "self.assertEqual(response.status_code, 400)",
      "test_drf.py": "self.assertEqual(r.status_code, status.HTTP_403_FORBIDDEN)",
      "OrderControllerTest.java": ".andExpect(status().isNotFound());",
      "OrderApiTest.java": "then().statusCode(409);",
      "WebClientTest.java": 'client.get().uri("/x").exchange().expectStatus().is4xxClientError();',
      "ArticleDslTest.kt": 'mockMvc.get("/x").andExpect { status { isNotFound() } }',
      "UserDslTest.kt": "        isUnauthorized()",
      "orders_test.go": "assert.Equal(t, http.StatusBadRequest, rec.Code)",
      "users_test.go": "if w.Code != 401 {",
      "orders_spec.rb": "expect(response).to have_http_status(:unprocessable_entity)",
      "orders_test.rb": "assert_response :not_found",
      "bare_spec.rb": "expect(response.status).to eq 404",
      "bare_status_spec.rb": "expect(response).to have_http_status :forbidden",
      "missing_test.rb": "assert_response :missing",
      "bare_test.rb": "assert_response 422",
      "OrderTest.php": "$response->assertNotFound();",
      "UserTest.php": "$this->postJson('/api/users', [])->assertStatus(422);",
      "OrdersTests.cs": "Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);",
    };
    const files = Object.fromEntries(
      Object.entries(lines).map(([name, line]) => [`tests/${name}`, `// setup\n${line}\n`]),
    );
    expect(checksIn(files).map((found) => found.split(" ")[0])).toEqual(
      Object.keys(lines).map((name) => `tests/${name}:2`),
    );
  });

  it("reads the status constants of the http-status packages and of Python's http module", () => {
    const lines: Record<string, string> = {
      "http-status.test.js": "  .expect(httpStatus.CONFLICT)",
      "imported.test.js": "  .expect(status.BAD_REQUEST)",
      "codes.test.ts": "expect(res.status).toBe(StatusCodes.NOT_FOUND);",
      "test_http.py": "assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY",
    };
    const files = Object.fromEntries(
      Object.entries(lines).map(([name, line]) => [
        `tests/${name}`,
        `// setup\n.expect(httpStatus.OK)\n${line}\n`,
      ]),
    );
    expect(checksIn(files).map((found) => found.split(" ")[0])).toEqual(
      Object.keys(lines).map((name) => `tests/${name}:3`),
    );
  });

  it("reads the 4xx helpers of Ardalis.HttpClientTestExtensions", () => {
    expect(
      checksIn({
        "tests/ProjectCreate.cs":
          'var r = await _client.PostAndDeserializeAsync<CreateProjectResponse>("/Projects", content);\n_ = await _client.PostAndEnsureBadRequestAsync("/Projects", content);\n',
        "tests/ProjectGet.cs":
          'var response = await _client.GetAsync("/Projects/999");\nresponse.EnsureNotFound();\n',
      }),
    ).toEqual([
      "tests/ProjectCreate.cs:2 .PostAndEnsureBadRequestAsync(",
      "tests/ProjectGet.cs:2 .EnsureNotFound(",
    ]);
  });

  it("reads Symfony's status assertions and named constants inside an assertion", () => {
    expect(
      checksIn({
        "tests/Api/BookTest.php":
          "MockResponse::make(status: Response::HTTP_NOT_FOUND);\nself::assertResponseStatusCodeSame(Response::HTTP_OK);\nself::assertResponseStatusCodeSame(Response::HTTP_NOT_FOUND);\n",
        "tests/Api/ReviewTest.php": "self::assertResponseStatusCodeSame(401);\n",
        "tests/Feature/SongTest.php":
          "$this->getJson('/api/songs/1')->assertStatus(\\Illuminate\\Http\\Response::HTTP_FORBIDDEN);\n",
      }),
    ).toEqual([
      "tests/Api/BookTest.php:3 assertResponseStatusCodeSame(Response::HTTP_NOT_FOUND",
      "tests/Api/ReviewTest.php:1 assertResponseStatusCodeSame(401",
      "tests/Feature/SongTest.php:1 assertStatus(\\Illuminate\\Http\\Response::HTTP_FORBIDDEN",
    ]);
  });

  it("ignores success statuses, other numbers and commented-out checks", () => {
    expect(
      checksIn({
        "tests/ok.test.ts": [
          "expect(res.status).toBe(200);",
          "await request(app).get('/x').expect(201);",
          "const port = 4000;",
          "expect(res.body.total).toBe(4001);",
          "// expect(res.status).toBe(404);",
          "# assert response.status_code == 404",
        ].join("\n"),
      }),
    ).toEqual([]);
  });

  it("reads only the files that call the app, and cites the first check of each", () => {
    const files = {
      "tests/api.test.ts":
        "it('rejects', async () => {\n  expect(res.status).toBe(400);\n  expect(res.status).toBe(401);\n});\n",
      "tests/unit.test.ts": "expect(parseStatus('x')).toBe(404);\n",
    };
    const calls = [{ file: "tests/api.test.ts", line: 1, note: "POST /x" }];
    const found = findErrorStatusChecks(scanContextFrom(files), calls);
    expect(found).toEqual([{ file: "tests/api.test.ts", line: 2, note: "toBe(400" }]);
  });
});
