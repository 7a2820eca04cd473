/**
 * API tests for failure cases: in the test files that call the app's endpoints, assertions that a
 * response carried a client-error status (4xx), in each stack's idiom. A recruiter reading a
 * suite looks for exactly this: that bad input, missing resources and missing credentials get
 * the answer they should, not only that the happy path works.
 */
import type { Evidence } from "../../report.js";
import { evidence, type ScanContext } from "../../scan-context.js";
import { PyFile } from "../stack-python/py-modules.js";

/** Names of the 4xx statuses API tests check most, as the frameworks' constants spell them. */
const NAMED_4XX =
  "BAD_REQUEST|UNAUTHORIZED|FORBIDDEN|NOT_FOUND|METHOD_NOT_ALLOWED|CONFLICT|GONE|UNPROCESSABLE_ENTITY|UNPROCESSABLE_CONTENT|TOO_MANY_REQUESTS";
const PASCAL_4XX =
  "BadRequest|Unauthorized|Forbidden|NotFound|MethodNotAllowed|Conflict|Gone|UnprocessableEntity|UnprocessableContent|TooManyRequests";

/** MockMvc's and WebTestClient's matchers of a 4xx status. */
const STATUS_MATCHER = `is(?:${PASCAL_4XX})|is4xxClientError`;

/**
 * One pattern per idiom, each run on one line at a time. A literal status must be a 4xx number
 * standing alone (not part of 4000 or an id).
 */
const CHECKS: readonly RegExp[] = [
  // supertest's .expect(404), jest/vitest toBe(400), assertEquals(400, …), assertStatus(422),
  // RestAssured statusCode(401), Rails have_http_status(404), xUnit Assert.Equal(404, …)
  /\b(?:expect|toBe|toEqual|toStrictEqual|toHaveStatus|assertStatus|assertResponseStatusCodeSame|statusCode|have_http_status|assertEquals?|assert_equal|Equal|equal|strictEqual|isEqualTo|eq)\s*\(\s*4\d\d\b(?!\d)/,
  // Ruby without parentheses: minitest's assert_equal 404, response.status and
  // assert_response 404, RSpec's eq 404 and have_http_status 422; testify's
  // assert.Equal(t, 404, w.Code)
  /\b(?:assert_equal|assert_response|eq|eql|have_http_status)\s+4\d\d\b(?!\d)|\bEqual\w*\s*\(\s*t\s*,\s*4\d\d\b(?!\d)/,
  // res.status === 404, response.status_code == 400, w.Code != 401, …, and 400 == res.status
  /\b(?:status|status_code|statusCode|StatusCode|Code|code)\s*(?:===?|!==?)\s*4\d\d\b/,
  /\b4\d\d\s*(?:===?|!==?)\s*[\w.]*(?:status|status_code|statusCode|StatusCode|Code)\b/,
  // assertEqual(response.status_code, 404), expect(res.statusCode, 401), assert.equal(res.status, 403)
  /\b(?:status|status_code|statusCode|StatusCode|Code)\s*\)?\s*,\s*4\d\d\b(?!\d)/,
  // expect(res.status).toBe(404) is the first pattern; .toHaveProperty("status", 404) too:
  /["']status(?:Code)?["']\s*,\s*4\d\d\b/,
  // Django REST framework and Starlette: status.HTTP_404_NOT_FOUND
  /\bHTTP_4\d\d_[A-Z_]+\b/,
  // Spring's HttpStatus.NOT_FOUND, Nest's HttpStatus.NOT_FOUND, .NET's HttpStatusCode.NotFound,
  // Apache's HttpStatus.SC_NOT_FOUND, the npm packages http-status (httpStatus.BAD_REQUEST) and
  // http-status-codes (StatusCodes.NOT_FOUND, or status.NOT_FOUND as imported), Python's
  // HTTPStatus.NOT_FOUND
  new RegExp(
    `\\b(?:HttpStatus(?:Code)?|httpStatus|HTTPStatus|HTTP_STATUS|StatusCodes|status)\\.(?:SC_)?(?:${NAMED_4XX}|${PASCAL_4XX})\\b`,
  ),
  // Go's http.StatusNotFound; ASP.NET Core's StatusCodes.Status404NotFound
  new RegExp(`\\bhttp\\.Status(?:${PASCAL_4XX})\\b|\\bStatusCodes\\.Status4\\d\\d`),
  // MockMvc / WebTestClient: status().isNotFound(), expectStatus().is4xxClientError(); Kotlin's
  // MockMvc DSL: andExpect { status { isNotFound() } }, the matcher alone on its line when the
  // block is spread over lines
  new RegExp(
    `(?:\\.|\\bstatus\\s*\\{\\s*)(?:${STATUS_MATCHER})\\s*\\(|^\\s*(?:${STATUS_MATCHER})\\s*\\(\\s*\\)\\s*$`,
  ),
  // Ardalis.HttpClientTestExtensions (.NET): client.GetAndEnsureNotFoundAsync(…),
  // PostAndEnsureBadRequestAsync(…), response.EnsureNotFound()
  new RegExp(`\\.(?:(?:Get|Post|Put|Patch|Delete)And)?Ensure(?:${PASCAL_4XX})(?:Async)?\\s*\\(`),
  // Symfony's and Laravel's named constants, in an assertion (a mocked response's status is
  // none): self::assertResponseStatusCodeSame(Response::HTTP_NOT_FOUND),
  // ->assertStatus(Response::HTTP_FORBIDDEN)
  new RegExp(`\\bassert\\w*\\s*\\(\\s*(?:[\\w\\\\]+::)?HTTP_(?:${NAMED_4XX})\\b`),
  // Laravel: ->assertNotFound(), ->assertUnprocessable(), ->assertJsonValidationErrors(…)
  /->assert(?:BadRequest|Unauthorized|Forbidden|NotFound|Conflict|Unprocessable|JsonValidationErrors|Invalid)\s*\(/,
  // Rails: have_http_status(:not_found) or without parentheses, assert_response
  // :unprocessable_entity, and :missing, Rails' other name for 404
  /\b(?:have_http_status\s*\(?\s*|assert_response\s+):(?:bad_request|unauthorized|forbidden|not_found|missing|method_not_allowed|conflict|gone|unprocessable_entity|unprocessable_content|too_many_requests)\b/,
];

/** A line whose first characters open a comment: a check commented out checks nothing. */
const COMMENTED = /^[ \t]*(?:\/\/|#|\/?\*)/;

/**
 * Error-status assertions in the files where `apiTestCalls` found calls to the app, and in Python
 * test modules that import such a file (a base TestCase whose helpers make the requests), the
 * first one of each file, in file order.
 */
export function findErrorStatusChecks(
  ctx: ScanContext,
  apiTestCalls: readonly Evidence[],
): Evidence[] {
  const out: Evidence[] = [];
  const callers = new Set(apiTestCalls.map((call) => call.file));
  for (const path of [...callers, ...pythonHelperUsers(ctx, callers)]) {
    const file = ctx.byPath.get(path);
    if (file === undefined) continue;
    const { text } = file;
    for (let start = 0; start < text.length;) {
      const newline = text.indexOf("\n", start);
      const end = newline === -1 ? text.length : newline;
      const line = text.slice(start, end);
      const m = COMMENTED.test(line) ? null : firstCheck(line);
      if (m !== null) {
        out.push(evidence(file, start + m.index, m[0].trim()));
        break;
      }
      start = end + 1;
    }
  }
  return out;
}

function firstCheck(line: string): RegExpExecArray | null {
  // Every idiom names a 4xx number, a status word, an assertion or an HTTP_4xx constant.
  if (!/4\d\d|Status|status|assert|is[A-Z4]|Ensure/.test(line)) return null;
  for (const re of CHECKS) {
    const m = re.exec(line);
    if (m !== null) return m;
  }
  return null;
}

/** Python test files, not among `callers`, that import one of them (the helpers that call the API). */
function pythonHelperUsers(ctx: ScanContext, callers: ReadonlySet<string>): string[] {
  const helpers = [...callers]
    .filter((path) => path.endsWith(".py"))
    .map((path) => path.replace(/(?:\/__init__)?\.py$/, ""));
  if (helpers.length === 0) return [];
  return ctx.files
    .filter((file) => file.ext === "py" && file.role === "test" && !callers.has(file.path))
    .filter((file) =>
      [...new PyFile(file).imports().values()].some(({ module, relative }) => {
        // A relative import's module is already a path stem; an absolute one is dotted.
        const stem = relative ? module : module.replace(/\./g, "/");
        if (stem === "") return false;
        return helpers.some((h) => h === stem || (!relative && h.endsWith(`/${stem}`)));
      }),
    )
    .map((file) => file.path);
}
