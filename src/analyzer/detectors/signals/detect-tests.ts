/**
 * Tests: whether the repository has real tests, with which frameworks, in how many files, and
 * (for the lead's api_tests signal) which tests call the app's HTTP endpoints.
 *
 * A test file is a test-role source file (or a Django `tests.py`, or Rust code with `#[test]`)
 * that declares at least one test. It counts as real, and toward `test_files`, only when it also
 * holds an assertion once trivial ones are removed: generated stubs (`it('works', () => {})`,
 * an empty `contextLoads()`, `def test_x(): pass`) and self-evident checks
 * (`expect(true).toBe(true)`, `assert True`) prove nothing about the project.
 * Test frameworks count when declared in a manifest or imported by tests.
 */
import type { Evidence } from "../../report.js";
import { evidence, type Detector, type ScanContext, type SourceFile } from "../../scan-context.js";
import {
  CS_EXTS,
  GO_EXTS,
  JS_EXTS,
  JVM_EXTS,
  PHP_EXTS,
  PY_EXTS,
  RB_EXTS,
  code,
  compileRules,
  csUsing,
  esc,
  foundEvidence,
  goImport,
  jsImport,
  jvmImport,
  listSignal,
  MAX_EVIDENCE,
  named,
  pyImport,
  runRules,
  type Rule,
} from "./signal-kit.js";
import { underscore } from "../stack-text/inflection.js";
import { matchBracket, splitTopLevel } from "../stack-text/brackets.js";
import { contains } from "../stack-text/keyword-search.js";
import { maskComments } from "../stack-text/mask-comments.js";
import { ConstantTable } from "../stack-jvm/jvm-constants.js";
import { ModulePaths } from "../stack-node/module-paths.js";
import { builtComposeServices } from "./detect-microservices.js";

type Lang = "js" | "py" | "jvm" | "go" | "rb" | "php" | "cs" | "rs";

const LANG_BY_EXT = new Map<string, Lang>([
  ...JS_EXTS.map((e) => [e, "js"] as const),
  ...PY_EXTS.map((e) => [e, "py"] as const),
  ...JVM_EXTS.map((e) => [e, "jvm"] as const),
  ...GO_EXTS.map((e) => [e, "go"] as const),
  ["rb", "rb"],
  ...PHP_EXTS.map((e) => [e, "php"] as const),
  ...CS_EXTS.map((e) => [e, "cs"] as const),
  ["rs", "rs"],
]);

interface LangRules {
  /** a test declaration */
  readonly declaration: RegExp;
  /** an assertion on something */
  readonly assertion: RegExp;
  /** assertions that prove nothing, removed before looking for a real one */
  readonly trivial: RegExp;
  /** line comments, removed so commented-out assertions do not count */
  readonly comment: RegExp;
}

const SLASH_COMMENTS = /^\s*(?:\/\/|\*|\/\*).*$/gm;
const HASH_COMMENTS = /^\s*#.*$/gm;

const LANGS: Readonly<Record<Lang, LangRules>> = {
  js: {
    declaration: /\b(?:it|test|Deno\.test)(?:\.only|\.concurrent|\.each\([^)]*\))?\s*\(\s*['"`]/,
    assertion:
      /\bexpect\s*\(|\bassert(?:\.\w+)?\s*\(|\.should\b|\bt\.(?:is|not|deepEqual|true|false|truthy|falsy|throws|throwsAsync|like|assert|regex|snapshot|equal|ok)\s*\(|\.expect\s*\(/,
    // Besides expect(true).toBe(true): the Hello World checks every new NestJS app ships with
    // (the e2e `.get('/').expect(200).expect('Hello World!')` and the controller spec), and the
    // specs the Angular and Nest generators write beside each class (`should create`:
    // `expect(component).toBeTruthy()`, `expect(service).toBeDefined()`), with the Angular app's
    // title and "<name> app is running!" checks, and the e2e spec's check of the browser log.
    // Nest's guard, filter, interceptor and middleware specs check `new RolesGuard()`; Angular's
    // functional guards and resolvers `executeGuard`. Nx writes the same per app: a Node app's
    // controller, service and e2e specs check the `{ message: 'Hello API' }` it starts with
    // (`Welcome to api!` in older versions; the e2e spec its status 200 first), a React or Next
    // component's spec `expect(baseElement).toBeTruthy()` and the app's welcome text.
    trivial:
      /\bexpect\s*\(\s*(?:component|service|app|pipe|guard|directive|interceptor|resolver|controller|provider|gateway|baseElement|executeGuard|executeResolver)\s*\)\s*\.(?:toBeTruthy|toBeDefined)\s*\(\s*\)|\bexpect\s*\(\s*logs\s*\)\s*\.not\.toContain\s*\(\s*jasmine\.objectContaining\b|\bexpect\s*\(\s*app\.title\s*\)\s*\.toEqual\s*\(\s*['"`][^'"`\n]*['"`]\s*\)|\bexpect\s*\([^;\n]*\)\s*\.(?:toContain|toEqual)\s*\(\s*['"`][^'"`\n]* app is running!['"`]\s*\)|\bexpect\s*\(\s*(?:true|false|1|0|null|undefined|\d+\s*[-+*]\s*\d+)\s*\)\s*\.(?:not\.)?(?:toBe|toEqual|toStrictEqual|toBeTruthy|toBeFalsy|toBeDefined|to\.be\.\w+|to\.equal)\s*\([^)]*\)|\bassert(?:\.ok|\.equal|\.strictEqual)?\s*\(\s*true\s*(?:,\s*true\s*)?\)|\bassert\.(?:equal|strictEqual)\s*\(\s*(\d+)\s*,\s*\1\s*\)|\.expect\s*\(\s*200\s*\)\s*\.expect\s*\(\s*['"`]Hello World!['"`]\s*\)|\bexpect\s*\(\s*\w+\.getHello\s*\(\s*\)\s*\)\s*\.toBe\s*\(\s*['"`]Hello World!['"`]\s*\)|\bexpect\s*\(\s*new\s+\w+\s*\(\s*\)\s*\)\s*\.(?:toBeDefined|toBeTruthy)\s*\(\s*\)|(?:\bexpect\s*\(\s*res\.status\s*\)\s*\.toBe\s*\(\s*200\s*\)\s*;?\s*)?\bexpect\s*\([^;\n]*\)\s*\.toEqual\s*\(\s*\{\s*message\s*:\s*['"`](?:Hello API|Welcome to [\w-]+!)['"`]\s*,?\s*\}\s*\)|\bexpect\s*\(\s*getByText\s*\(\s*(?:['"`]Welcome to [\w-]+!['"`]|\/Welcome [\w-]+\/g?i?)\s*\)\s*\)\s*\.toBeTruthy\s*\(\s*\)/g,
    comment: SLASH_COMMENTS,
  },
  py: {
    declaration: /^\s*(?:async\s+)?def\s+test\w*\s*\(/m,
    assertion: /^\s*assert\s+\S|\bself\.assert\w+\s*\(|\bpytest\.raises\s*\(|\.assert_\w+\s*\(/m,
    trivial:
      /^\s*assert\s+(?:True|1|not\s+False|1\s*==\s*1|1\s*\+\s*1\s*==\s*2)\s*$|\bself\.assert(?:True|Equal)\s*\(\s*(?:True|1\s*,\s*1|1\s*\+\s*1\s*,\s*2)\s*\)/gm,
    comment: HASH_COMMENTS,
  },
  jvm: {
    declaration: /@(?:Test|ParameterizedTest|RepeatedTest)\b/,
    assertion:
      /\bassert\w*\s*\(|\.andExpect\s*\(|\bverify\s*\(|\.expectStatus\s*\(|\.expectBody\s*\(|\bshouldBe\b|\.statusCode\s*\(|\bassertThat\b|\bfail\s*\(/,
    trivial:
      /\bassert(?:True|Assertions\.assertTrue)\s*\(\s*true\s*\)|\bassertEquals\s*\(\s*(\d+)\s*,\s*\1\s*\)|\bassertThat\s*\(\s*true\s*\)\s*\.isTrue\s*\(\s*\)/g,
    comment: SLASH_COMMENTS,
  },
  go: {
    declaration: /^func\s+Test\w*\s*\(\s*\w+\s+\*testing\.T\s*\)/m,
    assertion:
      /\bt\.(?:Error|Errorf|Fatal|Fatalf|Fail|FailNow)\s*\(|\b(?:assert|require)\.\w+\s*\(|\bExpect\s*\(/,
    trivial: /\bassert\.True\s*\(\s*t\s*,\s*true\s*\)/g,
    comment: SLASH_COMMENTS,
  },
  rb: {
    declaration: /^\s*(?:it|specify|scenario|test)\s*(?:['"]|\{|do\b)|^\s*def\s+test_\w+/m,
    assertion: /\bexpect\s*[({]|\bassert\w*\b|\bmust_\w+|\.should\b|\bis_expected\b/,
    trivial:
      /\bexpect\s*\(\s*true\s*\)\s*\.to\s*\(?\s*(?:be|eq)\s*\(?\s*true\s*\)?\s*\)?|^\s*assert\s+true\s*$/gm,
    comment: HASH_COMMENTS,
  },
  php: {
    declaration: /function\s+test\w*\s*\(|@test\b|#\[Test\]|^\s*(?:it|test)\s*\(\s*['"]/m,
    assertion: /->assert\w+\s*\(|\bself::assert\w+\s*\(|\bexpect\s*\(|\bAssert::\w+\s*\(/,
    // Besides assertTrue(true): the home-page check every new Laravel app ships with
    // (`$response = $this->get('/'); $response->assertStatus(200);`, or chained in Pest).
    trivial:
      /\$this->assertTrue\s*\(\s*true\s*\)|\bexpect\s*\(\s*true\s*\)\s*->toBeTrue\s*\(\s*\)|(?:\$response\s*=\s*)?\$this->get\s*\(\s*['"]\/['"]\s*\)\s*;?\s*(?:\$response\s*)?->assert(?:Status\s*\(\s*200\s*\)|Ok\s*\(\s*\)|Successful\s*\(\s*\))/g,
    comment: SLASH_COMMENTS,
  },
  cs: {
    declaration: /\[(?:Fact|Theory|Test|TestMethod|TestCase)\b/,
    // xUnit/NUnit/MSTest Assert, FluentAssertions (.Should()), Shouldly (.ShouldBe(…),
    // Should.Throw<…>), and Playwright's Expect(page)
    assertion:
      /\bAssert\.\w+\s*\(|\.Should\(\)|\.Should[A-Z]\w*\s*[<(]|\bShould\.\w+\s*[<(]|\bExpect\s*\(/,
    trivial: /\bAssert\.(?:True\s*\(\s*true\s*\)|Pass\s*\(\s*\))/g,
    comment: SLASH_COMMENTS,
  },
  rs: {
    declaration: /#\[(?:tokio::)?test\]/,
    assertion: /\bassert(?:_eq|_ne)?!\s*\(/,
    trivial: /\bassert!\s*\(\s*true\s*\)/g,
    comment: SLASH_COMMENTS,
  },
};

function langOf(file: SourceFile): Lang | undefined {
  return LANG_BY_EXT.get(file.ext);
}

/** Test code: test-role files, Django's per-app tests.py, and Rust sources with in-file tests. */
function isTestCandidate(file: SourceFile, lang: Lang): boolean {
  if (file.role === "test") return true;
  if (file.role !== "app") return false;
  if (lang === "py") return file.name === "tests.py";
  if (lang === "rs") return file.text.includes("#[test]") || file.text.includes("#[tokio::test]");
  return false;
}

export interface TestFileVerdict {
  readonly file: SourceFile;
  /** offset of the first test declaration */
  readonly at: number;
  readonly real: boolean;
}

/** Classifies every file that declares tests as real or stub-only. */
export function classifyTestFiles(ctx: ScanContext): TestFileVerdict[] {
  const out: TestFileVerdict[] = [];
  for (const file of ctx.files) {
    const lang = langOf(file);
    if (lang === undefined || !isTestCandidate(file, lang)) continue;
    const verdict = classifyTestFile(file, lang);
    if (verdict) out.push(verdict);
  }
  return out;
}

/**
 * Verdicts already given: the detector classifies every test file and findApiTestCalls, run
 * after it on the same files, asks again for each one.
 */
const verdicts = new WeakMap<SourceFile, TestFileVerdict | null>();

/** The verdict for one test candidate, or null when it declares no test. */
function classifyTestFile(file: SourceFile, lang: Lang): TestFileVerdict | null {
  let verdict = verdicts.get(file);
  if (verdict === undefined) {
    verdict = judgeTestFile(file, lang);
    verdicts.set(file, verdict);
  }
  return verdict;
}

function judgeTestFile(file: SourceFile, lang: Lang): TestFileVerdict | null {
  const rules = LANGS[lang];
  const decl = rules.declaration.exec(file.text);
  if (decl === null) return null;
  const meaningful = file.text.replace(rules.comment, "").replace(rules.trivial, "");
  const real =
    rules.assertion.test(meaningful) || (lang === "go" && testifySuiteAsserts(meaningful));
  return { file, at: decl.index, real };
}

/** A testify suite's test method: `func (s *UserSuite) TestCreate()`; group 1 is the receiver. */
const SUITE_TEST_METHOD = /^func\s+\(\s*(\w+)\s+\*?\w+\s*\)\s+Test\w*\s*\(/gm;
/** The assertions a testify suite offers on its receiver: s.Equal(…), s.Require().NoError(…). */
const SUITE_ASSERTION =
  "(?:Equal|NotEqual|EqualValues|Exactly|NoError|Error|ErrorIs|ErrorAs|ErrorContains|EqualError|True|False|Nil|NotNil|Empty|NotEmpty|Len|Contains|NotContains|JSONEq|Greater|GreaterOrEqual|Less|LessOrEqual|Zero|NotZero|Panics|ElementsMatch|Subset|IsType|Eventually|Fail|FailNow|Require|Assert)";

/**
 * Go tests written as a testify suite assert through the suite's receiver (`s.Equal(want, got)`)
 * rather than through t or the assert package: the file's one `func TestXxx(t *testing.T)` only
 * runs the suite.
 */
function testifySuiteAsserts(text: string): boolean {
  if (!text.includes("testify/suite")) return false;
  const receivers = new Set<string>();
  for (const m of text.matchAll(SUITE_TEST_METHOD)) if (m[1] !== undefined) receivers.add(m[1]);
  return [...receivers].some((r) => new RegExp(`\\b${r}\\.${SUITE_ASSERTION}\\s*\\(`).test(text));
}

const JEST_CONFIGS = [
  "jest.config.js",
  "jest.config.ts",
  "jest.config.mjs",
  "jest.config.cjs",
  "jest.config.json",
];
const VITEST_CONFIGS = [
  "vitest.config.ts",
  "vitest.config.js",
  "vitest.config.mts",
  "vitest.config.mjs",
  "vitest.workspace.ts",
];

const FRAMEWORK_RULES: readonly Rule[] = [
  {
    id: "jest",
    declaredCounts: true,
    deps: ["npm:jest", "npm:ts-jest", "npm:@jest/globals", "npm:babel-jest"],
    uses: [named(JEST_CONFIGS, "", undefined, "Jest config"), jsImport("@jest/globals")],
  },
  {
    id: "mocha",
    declaredCounts: true,
    deps: ["npm:mocha"],
    uses: [
      named(
        [".mocharc.js", ".mocharc.json", ".mocharc.yml", ".mocharc.yaml", ".mocharc.cjs"],
        "",
        undefined,
        "Mocha config",
      ),
    ],
  },
  {
    id: "vitest",
    declaredCounts: true,
    deps: ["npm:vitest"],
    uses: [named(VITEST_CONFIGS, "", undefined, "Vitest config"), jsImport("vitest")],
  },
  {
    id: "jasmine",
    declaredCounts: true,
    deps: ["npm:jasmine", "npm:jasmine-core", "npm:karma-jasmine"],
  },
  { id: "ava", declaredCounts: true, deps: ["npm:ava"], uses: [jsImport("ava")] },
  { id: "node-test", uses: [jsImport("node:test")] },
  { id: "tap", declaredCounts: true, deps: ["npm:tap"], uses: [jsImport("tap")] },
  { id: "bun-test", uses: [jsImport("bun:test")] },
  { id: "supertest", declaredCounts: true, deps: ["npm:supertest"], uses: [jsImport("supertest")] },
  { id: "playwright", declaredCounts: true, deps: ["npm:@playwright/test"] },
  { id: "cypress", declaredCounts: true, deps: ["npm:cypress"] },
  {
    id: "testcontainers",
    declaredCounts: true,
    deps: [
      "npm:testcontainers",
      "pypi:testcontainers",
      "maven:org.testcontainers:testcontainers",
      "maven:org.testcontainers:junit-jupiter",
      "go:github.com/testcontainers/testcontainers-go",
    ],
    uses: [jvmImport("org.testcontainers"), jsImport("testcontainers")],
  },
  {
    id: "pytest",
    declaredCounts: true,
    deps: ["pypi:pytest"],
    uses: [
      pyImport("pytest"),
      named(["pytest.ini"], "", undefined, "pytest config"),
      named(
        ["pyproject.toml", "setup.cfg", "tox.ini"],
        "pytest",
        /^\[(?:tool:pytest|tool\.pytest\.ini_options|pytest)\]/m,
        "pytest config",
      ),
    ],
  },
  { id: "pytest-django", declaredCounts: true, deps: ["pypi:pytest-django"] },
  {
    id: "unittest",
    uses: [
      pyImport("unittest"),
      code(
        PY_EXTS,
        "django.test",
        /^\s*from\s+django\.test\s+import/m,
        "Django TestCase (unittest)",
      ),
    ],
  },
  {
    id: "junit",
    declaredCounts: true,
    deps: [
      "maven:junit",
      "maven:junit-jupiter",
      "maven:junit-jupiter-api",
      "maven:spring-boot-starter-test",
    ],
    uses: [jvmImport("org.junit")],
  },
  { id: "testng", declaredCounts: true, deps: ["maven:testng"], uses: [jvmImport("org.testng")] },
  {
    id: "mockito",
    declaredCounts: true,
    deps: ["maven:mockito-core", "maven:mockito-junit-jupiter", "maven:mockito-kotlin"],
    uses: [jvmImport("org.mockito")],
  },
  {
    id: "rest-assured",
    declaredCounts: true,
    deps: ["maven:rest-assured"],
    uses: [jvmImport("io.restassured")],
  },
  {
    id: "go-testing",
    uses: [code(GO_EXTS, '"testing"', /^\s*(?:import\s+)?"testing"\s*$/m, "imports testing")],
  },
  {
    id: "testify",
    declaredCounts: true,
    deps: ["go:github.com/stretchr/testify"],
    uses: [goImport("github.com/stretchr/testify")],
  },
  {
    id: "rspec",
    declaredCounts: true,
    deps: ["gem:rspec", "gem:rspec-rails"],
    uses: [
      named([".rspec"], "", undefined, "RSpec config"),
      code(RB_EXTS, "RSpec.", /\bRSpec\.(?:describe|configure)\b/, "RSpec"),
    ],
  },
  {
    id: "minitest",
    declaredCounts: true,
    deps: ["gem:minitest"],
    uses: [
      code(
        RB_EXTS,
        "Test",
        /<\s*(?:Minitest::Test|ActiveSupport::TestCase|ActionDispatch::IntegrationTest|ActionController::TestCase)\b/,
        "Minitest",
      ),
    ],
  },
  {
    id: "phpunit",
    declaredCounts: true,
    deps: ["composer:phpunit/phpunit"],
    uses: [
      named(["phpunit.xml", "phpunit.xml.dist"], "", undefined, "PHPUnit config"),
      code(
        PHP_EXTS,
        "TestCase",
        /extends\s+(?:\\?PHPUnit\\Framework\\)?TestCase\b/,
        "PHPUnit test case",
      ),
    ],
  },
  { id: "pest", declaredCounts: true, deps: ["composer:pestphp/pest"] },
  {
    id: "xunit",
    declaredCounts: true,
    deps: ["nuget:xunit", "nuget:xunit.v3"],
    uses: [csUsing("Xunit")],
  },
  { id: "nunit", declaredCounts: true, deps: ["nuget:nunit"], uses: [csUsing("NUnit.Framework")] },
  {
    id: "mstest",
    declaredCounts: true,
    deps: ["nuget:mstest.testframework", "nuget:mstest"],
    uses: [csUsing("Microsoft.VisualStudio.TestTools.UnitTesting")],
  },
  { id: "cargo-test", uses: [code(["rs"], "#[", /#\[(?:tokio::)?test\]/, "Rust test")] },
];

const frameworks = compileRules(FRAMEWORK_RULES);

/** pytest's file naming: test_*.py or *_test.py. */
const PYTEST_FILE = /^test_\w*\.py$|^\w+_test\.py$/;
/** A module-level test function (unittest only collects methods of TestCase classes). */
const MODULE_TEST_FUNCTION = /^(?:async[ \t]+)?def[ \t]+test\w*[ \t]*\(/m;
const BARE_ASSERT = /^[ \t]+assert\b/m;

function testFrameworks(ctx: ScanContext): Map<string, Evidence[]> {
  const found = foundEvidence(runRules(ctx, frameworks, ["app", "test"], generatedTestStubs(ctx)));
  // Plain test functions with bare asserts in pytest-named files only run under pytest, even
  // when the project never declares or imports it (it is often installed globally or in CI).
  const bare: Evidence[] = [];
  for (const file of ctx.files) {
    if (bare.length >= MAX_EVIDENCE) break;
    if (file.ext !== "py" || !PYTEST_FILE.test(file.name) || !isTestCandidate(file, "py")) continue;
    const def = MODULE_TEST_FUNCTION.exec(file.text);
    // Generated stubs (`assert True`, `pass`) show no test runner in use.
    if (def && BARE_ASSERT.test(file.text) && classifyTestFile(file, "py")?.real === true)
      bare.push(evidence(file, def.index, "test functions with bare asserts (pytest style)"));
  }
  if (bare.length > 0) found.set("pytest", [...(found.get("pytest") ?? []), ...bare]);
  return found;
}

/** A generated test file's lines once comments and blank lines are gone, for each generator. */
const STUB_LINES: readonly { readonly name: RegExp; readonly lines: readonly RegExp[] }[] = [
  // Django's `startapp`: the TestCase import, then "# Create your tests here."
  { name: /^tests\.py$/, lines: [/^from\s+django\.test\s+import\s+TestCase$/] },
  // Rails' generators: a test class whose one example test is commented out.
  {
    name: /_test\.rb$/,
    lines: [
      /^require\s+["']test_helper["']$/,
      /^class\s+[\w:]+\s*<\s*(?:ActiveSupport|ActionDispatch|ActionController|ActionMailer|ActionView|ActiveJob)::\w+$/,
      /^end$/,
    ],
  },
];

/**
 * Test files a generator wrote and nobody touched: Django's tests.py, Rails' model and controller
 * test stubs. Every such app has them; they show no test framework in use.
 */
function generatedTestStubs(ctx: ScanContext): Set<string> {
  const stubs = new Set<string>();
  for (const file of ctx.files) {
    const stub = STUB_LINES.find((s) => s.name.test(file.name));
    if (stub === undefined) continue;
    const lines = file.text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#"));
    if (lines.length > 0 && lines.every((line) => stub.lines.some((re) => re.test(line)))) {
      stubs.add(file.path);
    }
  }
  return stubs;
}

export const testsDetector: Detector = {
  id: "signals/tests",
  detect(ctx) {
    const verdicts = classifyTestFiles(ctx);
    const real = verdicts.filter((v) => v.real);
    const realEvidence = real
      .slice(0, MAX_EVIDENCE)
      .map((v) => evidence(v.file, v.at, "test with assertions"));
    return {
      signals: {
        tests:
          real.length > 0
            ? { value: true, evidence: realEvidence }
            : { value: false, evidence: [] },
        test_files: { value: real.length, evidence: realEvidence },
        test_frameworks: listSignal(testFrameworks(ctx)),
      },
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Tests that exercise HTTP endpoints (the lead derives api_tests from these).

interface ApiCallPattern {
  readonly exts: readonly string[];
  /** the file must contain one of these before the pattern runs */
  readonly when: readonly string[];
  /** global regex */
  readonly re: RegExp;
  /** method and literal path (undefined when not a literal) of a match */
  readonly read: (m: RegExpExecArray, site: CallSite) => readonly [string, string | undefined];
  /** the calls of a match whose path is held elsewhere (a variable, a test table), if known */
  readonly readMany?: (
    m: RegExpExecArray,
    site: CallSite,
  ) => readonly (readonly [string, string, number?])[];
  /**
   * the match ends where the path argument starts; one that is no literal is read as an
   * expression of the file's string constants (`BASE_URL + "/{id}"`)
   */
  readonly constantArgument?: boolean;
  /** a match whose path cannot be read is no call of the app's (a general HTTP client) */
  readonly knownPathsOnly?: boolean;
  readonly applies?: (file: SourceFile) => boolean;
  /** a `when` word in a local module the file imports counts too (a shared supertest agent) */
  readonly whenImported?: boolean;
  /** classes the repository derives from a `when` word (group 1 or 2) count as `when` words too */
  readonly derived?: RegExp;
}

/** Where a call was found: its file, and the app's named routes (see Findings.routeNames). */
interface CallSite {
  readonly file: SourceFile;
  readonly routeNames: ReadonlyMap<string, string>;
}

const METHOD_WORDS = ["options", "delete", "patch", "post", "head", "get", "put"] as const;

/** GET from get, getJson, GetAsync, getForEntity, GetFromJsonAsync; ANY when unclear. */
export function methodFromName(name: string): string {
  const lower = name.toLowerCase();
  const word = METHOD_WORDS.find((w) => lower.startsWith(w));
  return word === undefined ? "ANY" : word.toUpperCase();
}

const byName =
  (methodGroup: number, pathGroup: number) =>
  (m: RegExpExecArray): readonly [string, string | undefined] => [
    methodFromName(m[methodGroup] ?? ""),
    m[pathGroup],
  ];

const HTTP_VERB = "get|post|put|patch|delete|head|options";
/** A Go request's method: http.MethodGet, a router's echo.GET, or "GET" (groups 1, 2, 3). */
const GO_METHOD = '\\w+\\.Method(\\w+)|\\w+\\.(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\b|"(\\w+)"';
/** Django's reverse("blog:post-detail", …) of a named route: the name in group `name`. */
const REVERSE_CALL = `reverse(?:_lazy)?\\s*\\(\\s*(?<q>['"])(?<name>[\\w:.-]+)\\k<q>`;

/**
 * Any HTTP client or fetch sent to one of `hosts` with a literal URL, its port possibly
 * interpolated (`http://localhost:${config.port}/signup`), and fetch's `method` option read.
 */
function hostCalls(
  hosts: readonly string[],
): Pick<ApiCallPattern, "exts" | "when" | "re" | "read"> {
  return {
    exts: [...JS_EXTS, ...PY_EXTS],
    when: hosts,
    re: new RegExp(
      `\\b(${HTTP_VERB}|fetch)\\s*\\(\\s*f?(['"\`])https?://(?:${hosts.map(esc).join("|")})(?::(?:\\d+|\\$?\\{[^}'"\`]*\\}))?(/[^'"\`]*)?\\2(?:\\s*,\\s*\\{[\\s\\S]{0,200}?\\bmethod\\s*:\\s*['"\`](\\w+)['"\`])?`,
      "g",
    ),
    read: (m) => [m[4]?.toUpperCase() ?? methodFromName(m[1] ?? ""), m[3] ?? "/"],
  };
}

/**
 * Calls to a Compose service the repository builds, by its service name (`fetch("http://auth:3001/
 * users")`): end-to-end tests that run in a container beside the app's services reach them so.
 */
function composeHostCalls(ctx: ScanContext): ApiCallPattern | undefined {
  const hosts = builtComposeServices(ctx);
  // "//name" as the keyword: a bare service name ("auth", "api") is in most files.
  return hosts.length === 0 ? undefined : { ...hostCalls(hosts), when: hosts.map((h) => `//${h}`) };
}

/**
 * Python test-client calls on a client named by `client` (a regex). The path is a literal,
 * Django's reverse("name") of a named route, or a variable that holds one
 * (`url = reverse("post-list")`, `self.url` set in setUp).
 */
function pythonClientCalls(client: string, when: readonly string[]): ApiCallPattern {
  return {
    exts: PY_EXTS,
    when,
    re: new RegExp(
      `\\b${client}\\.(${HTTP_VERB})\\s*\\(\\s*(?:f?(['"])(/[^'"]*|\\{[^{}'"]*\\}/[^'"]*)\\2|${REVERSE_CALL}|((?:self\\.)?[A-Za-z_]\\w*)\\s*(\\(?))?`,
      "gi",
    ),
    read: (m, site) => [
      methodFromName(m[1] ?? ""),
      m[3] ??
        namedRoutePath(
          site,
          m.groups?.name ??
            (m[6] === undefined
              ? undefined
              : reversedInto(site.file.text, m[6], m[7] === "(", m.index)),
        ),
    ],
  };
}

/** A pytest fixture's name and body, up to the next top-level statement. */
const PYTEST_FIXTURE =
  /^@pytest(?:_asyncio)?\.fixture\b[^\n]*\n(?:@[^\n]*\n)*(?:async[ \t]+)?def[ \t]+(\w+)[ \t]*\(/gm;
const TEST_CLIENT_MADE = /\b(?:TestClient|AsyncClient|APIClient|Client)\s*\(|\.test_client\s*\(/;

/**
 * Calls on the pytest fixtures that hand the tests a test client under a name of their own
 * (`def test_app(): with TestClient(app) as c: yield c`, then `test_app.post("/summaries/")`).
 */
function pytestFixtureClientCalls(ctx: ScanContext): ApiCallPattern | undefined {
  const names = new Set<string>();
  for (const file of ctx.files) {
    if (!PY_EXTS.includes(file.ext) || !contains(file.text, "fixture")) continue;
    if (!TEST_CLIENT_MADE.test(file.text)) continue;
    for (const m of file.text.matchAll(PYTEST_FIXTURE)) {
      const name = m[1];
      if (name === undefined) continue;
      const start = m.index + m[0].length;
      const next = /\n(?=[^\s#])/.exec(file.text.slice(start));
      const body = file.text.slice(start, next === null ? undefined : start + next.index);
      if (TEST_CLIENT_MADE.test(body) && /\b(?:yield|return)\b/.test(body)) names.add(name);
    }
  }
  if (names.size === 0) return undefined;
  const words = [...names];
  return pythonClientCalls(`(?:${words.map(esc).join("|")})`, words);
}

const API_CALLS: readonly ApiCallPattern[] = [
  {
    // supertest: request(app).get('/x'), request(app.getHttpServer()).post('/x'), agent.get('/x')
    exts: JS_EXTS,
    when: ["supertest"],
    re: new RegExp(`\\.(${HTTP_VERB})\\s*\\(\\s*(['"\`])(/[^'"\`]*)\\2`, "g"),
    read: byName(1, 3),
    whenImported: true,
  },
  {
    exts: JS_EXTS,
    when: ["request("],
    re: new RegExp(
      `\\brequest\\s*\\((?:[^()]|\\([^()]*\\))*\\)\\s*\\.(${HTTP_VERB})\\s*\\(\\s*(?:(['"\`])([^'"\`]*)\\2)?`,
      "g",
    ),
    read: byName(1, 3),
    // supertest files are covered, call by call, by the pattern above
    applies: (f) => !f.text.includes("supertest"),
  },
  {
    // supertest with the method in a variable, in table-driven tests: request(app)[method](url)
    exts: JS_EXTS,
    when: ["supertest"],
    re: /\b(?:request|supertest)\s*\((?:[^()]|\([^()]*\))*\)\s*\[\s*[\w.]+(?:\(\))?\s*\]\s*\(\s*(?:(['"`])([^'"`]*)\1)?/g,
    read: (m) => ["ANY", m[2]],
    whenImported: true,
  },
  {
    // Fastify / light-my-request: app.inject({ method: 'POST', url: '/x' }), also through a
    // helper the tests decorate the app with, which takes the options last
    // (`app.injectWithLogin('admin@example.com', { method: 'GET', url: '/api/tasks' })`).
    exts: JS_EXTS,
    when: [".inject"],
    re: /\.inject(?:[A-Z]\w*)?\s*\(\s*(?:(?:(['"`])[^'"`\n]{0,100}\1|[\w.]{1,60})\s*,\s*)?\{([\s\S]{0,400}?)\}\s*\)/g,
    read: (m) => {
      const body = m[2] ?? "";
      const method = /\bmethod\s*:\s*['"`](\w+)['"`]/.exec(body)?.[1] ?? "GET";
      const url = /\b(?:url|path)\s*:\s*['"`]([^'"`]*)['"`]/.exec(body)?.[1];
      return [method.toUpperCase(), url];
    },
  },
  {
    exts: JS_EXTS,
    when: [".inject()"],
    re: new RegExp(
      `\\.inject\\(\\)\\s*\\.(${HTTP_VERB})\\s*\\(\\s*(?:(['"\`])([^'"\`]*)\\2)?`,
      "g",
    ),
    read: byName(1, 3),
  },
  {
    // Hono: app.request('/x', { method: 'POST' })
    exts: JS_EXTS,
    when: [".request("],
    re: /\bapp\.request\s*\(\s*(['"`])(\/[^'"`]*)\1(?:\s*,\s*\{[\s\S]{0,200}?\bmethod\s*:\s*['"`](\w+)['"`])?/g,
    read: (m) => [(m[3] ?? "GET").toUpperCase(), m[2]],
  },
  {
    // Any HTTP client sent to the app on this machine (`httpx.get("http://localhost:8000/api/x")`,
    // `fetch("http://127.0.0.1:3000/health")`): a test run against the app it starts or expects
    // running. Calls to other hosts stay out, as other services' APIs, except the Compose
    // services the repository builds (composeHostCalls).
    ...hostCalls(["localhost", "127.0.0.1"]),
  },
  {
    // An axios instance whose base URL is the app on this machine (`axios.create({ baseURL:
    // "http://localhost:4000" })`, the URL often in a variable): its calls take relative paths.
    exts: JS_EXTS,
    when: ["axios.create"],
    re: new RegExp(`\\.(${HTTP_VERB})\\s*\\(\\s*(['"\`])(/[^'"\`]*)\\2`, "g"),
    read: byName(1, 3),
    applies: (f) =>
      /baseURL\s*:/.test(f.text) && (f.text.includes("localhost") || f.text.includes("127.0.0.1")),
  },
  // Django/DRF test client, Flask test client, FastAPI/Starlette TestClient, httpx AsyncClient.
  pythonClientCalls(
    "(?:self\\.)?(?:api_|test_|async_|auth_|admin_|authed_|app\\.test_)?client(?:\\(\\))?",
    ["client"],
  ),
  {
    exts: JVM_EXTS,
    when: ["perform("],
    re: new RegExp(
      `\\bperform\\s*\\(\\s*(?:MockMvcRequestBuilders\\.)?(${HTTP_VERB}|multipart)\\s*\\(\\s*(?:"([^"]*)")?`,
      "g",
    ),
    read: (m) => [m[1] === "multipart" ? "POST" : methodFromName(m[1] ?? ""), m[2]],
    constantArgument: true,
  },
  {
    exts: JVM_EXTS,
    when: ["TestRestTemplate"],
    constantArgument: true,
    re: /\.(getForEntity|getForObject|postForEntity|postForObject|postForLocation|put|delete|patchForObject|exchange)\s*\(\s*(?:"([^"]*)")?/g,
    read: (m) => [methodFromName(m[1] ?? ""), m[2]],
  },
  {
    exts: JVM_EXTS,
    when: ["WebTestClient"],
    constantArgument: true,
    re: new RegExp(`\\.(${HTTP_VERB})\\s*\\(\\s*\\)\\s*\\.uri\\s*\\(\\s*(?:"([^"]*)")?`, "g"),
    read: byName(1, 2),
  },
  {
    // The JAX-RS client of Dropwizard's ResourceExtension / DropwizardAppExtension and JerseyTest
    // (`EXT.target("/people").request().post(Entity.json(p))`, `.method("PATCH", …)`), and the
    // WebTarget @HelidonTest injects (`target.path("/people").request().get()`).
    exts: JVM_EXTS,
    when: [".request("],
    re: /\btarget\b(?:\s*\(\s*(?:"([^"]*)")?|\s*\.\s*path\s*\(\s*"([^"]*)")[^;]{0,200}?\.request\s*\([^()]*\)\s*\.(get|post|put|delete|head|options|method)\s*\(\s*(?:"([A-Za-z]+)")?/g,
    read: (m) => [methodFromName((m[3] === "method" ? m[4] : m[3]) ?? ""), m[1] ?? m[2]],
  },
  {
    // The same client with the WebTarget kept in a variable, as Arquillian tests of Jakarta EE
    // apps write it (`WebTarget tasks = client.target(base + "api/tasks");` then
    // `tasks.request().get()`); the URL is built at run time, so the path stays unknown.
    exts: JVM_EXTS,
    when: ["WebTarget"],
    re: /\b(?!target\b)[A-Za-z_]\w*\s*\.\s*request\s*\([^()]*\)[^;]{0,200}?\.(get|post|put|delete|head|options|method)\s*\(\s*(?:"([A-Za-z]+)")?/g,
    read: (m) => [methodFromName((m[1] === "method" ? m[2] : m[1]) ?? ""), undefined],
  },
  {
    exts: JVM_EXTS,
    when: ["restassured", "RestAssured"],
    constantArgument: true,
    re: new RegExp(`\\.when\\s*\\(\\s*\\)\\s*\\.(${HTTP_VERB})\\s*\\(\\s*(?:"([^"]*)")?`, "g"),
    read: byName(1, 2),
  },
  {
    exts: GO_EXTS,
    when: ["httptest"],
    // The method as http.MethodGet, "GET", or a router's own constant (echo.GET, fiber.MethodGet),
    // or a variable (a request helper's `method`, a table's `tc.method`). The URL as a literal,
    // after the test server's URL, a fmt.Sprintf format, or a variable (see goVariableCalls).
    re: new RegExp(
      `\\b(?:httptest|http)\\.NewRequest(?:WithContext\\s*\\(\\s*[\\w.()]+?\\s*,|\\s*\\()\\s*(?:${GO_METHOD}|([A-Za-z_][\\w.]*))\\s*,\\s*(?:"([^"]*)"|\\w+\\.URL\\s*\\+\\s*"([^"]*)"|fmt\\.Sprintf\\s*\\(\\s*"([^"]*)"|(?:\\w+\\.URL\\s*\\+\\s*)?([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)?)\\s*[,)])?`,
      "g",
    ),
    read: (m) => [methodFromName(m[1] ?? m[2] ?? m[3] ?? ""), m[5] ?? m[6] ?? m[7]],
    readMany: (m, site) => {
      const variable = m[8];
      if (variable === undefined || variable === "nil" || variable.endsWith(".URL")) return [];
      const named = m[1] ?? m[2] ?? m[3];
      return goVariableCalls(
        site.file,
        m.index,
        variable,
        named === undefined ? undefined : methodFromName(named),
        m[4],
      );
    },
  },
  {
    // net/http's own client sent to the test server: http.Get(ts.URL + "/hello"),
    // http.Post(path, "application/json", body) with `path := ts.URL + "/users"`.
    exts: GO_EXTS,
    when: ["httptest"],
    re: /\bhttp\.(Get|Head|Post|PostForm)\s*\(\s*(?:\w+\.URL\s*\+\s*"([^"]*)"|([A-Za-z_]\w*)\s*[,)])/g,
    read: (m) => [methodFromName(m[1] ?? ""), m[2]],
    knownPathsOnly: true,
    readMany: (m, site) =>
      m[3] === undefined
        ? []
        : goVariableCalls(site.file, m.index, m[3], methodFromName(m[1] ?? ""), undefined),
  },
  {
    // Rails request, controller and integration tests
    exts: RB_EXTS,
    when: [
      "get ",
      "post ",
      "put ",
      "patch ",
      "delete ",
      "get(",
      "post(",
      "patch(",
      "put(",
      "delete(",
    ],
    // At a line start or inside a block: `subject { get :index }`, `before { post :create, … }`;
    // a controller spec names the action (`:index`) instead of a path.
    re: new RegExp(
      `(?:^|[{;]|\\bdo)[ \\t]*(${HTTP_VERB})[ \\t]*\\(?[ \\t]*(?:(['"])([^'"]*)\\2|(\\w+)_(?:path|url)\\b|:(\\w+))`,
      "gm",
    ),
    // A path helper (`article_path(article)`) or a controller spec's action is looked up among
    // the routes' names and `controller#action` keys.
    read: (m, site) => [
      methodFromName(m[1] ?? ""),
      m[3] ??
        (m[4] === undefined ? undefined : site.routeNames.get(m[4])) ??
        (m[5] === undefined ? undefined : controllerActionPath(site, m[5])),
    ],
    applies: (f) =>
      /(^|\/)(spec\/(requests|controllers|api|integration)|test\/(controllers|integration))\//.test(
        f.path,
      ) ||
      f.text.includes("type: :request") ||
      f.text.includes("IntegrationTest"),
  },
  {
    exts: PHP_EXTS,
    when: ["Json(", "->get(", "->post(", "->put(", "->patch(", "->delete(", "->json("],
    // The path is a literal or a named route: `route('posts.show', $post)`.
    re: /(?:\$this->|\bthis\(\)->|(?<![\w>$]))(getJson|postJson|putJson|patchJson|deleteJson|get|post|put|patch|delete|json)\s*\(\s*(?:(['"])([^'"]*)\2|route\s*\(\s*(['"])([\w.-]+)\4)?(?:\s*,\s*(['"])([^'"]*)\6)?/g,
    read: (m, site) =>
      m[1] === "json"
        ? [(m[3] ?? "ANY").toUpperCase(), m[7]]
        : [
            methodFromName(m[1] ?? ""),
            m[3] ?? (m[5] === undefined ? undefined : site.routeNames.get(m[5])),
          ],
    // PHPUnit classes, and Pest files (`it("…", fn () => $this->getJson(…))`, whose TestCase
    // is bound once in tests/Pest.php).
    applies: (f) =>
      /extends\s+\w*TestCase\b|\buses\s*\(/.test(f.text) ||
      /^\s*(?:test|it)\s*\(\s*['"]/m.test(f.text),
  },
  {
    // Symfony's WebTestCase and API Platform's ApiTestCase:
    // static::createClient()->request('GET', '/books'), $this->client->request('POST', …)
    exts: PHP_EXTS,
    when: ["createClient"],
    re: /->request\s*\(\s*(['"])([A-Za-z]+)\1\s*,\s*(?:(['"])([^'"]*)\3)?/g,
    read: (m) => [(m[2] ?? "ANY").toUpperCase(), m[4]],
    applies: (f) => /extends\s+\w*TestCase\b/.test(f.text),
  },
  {
    exts: CS_EXTS,
    when: ["WebApplicationFactory", "TestServer"],
    // HttpClient's own methods, and the extensions of Ardalis.HttpClientTestExtensions
    // (GetAndDeserializeAsync, PostAndEnsureBadRequestAsync, …)
    re: /\.(GetAsync|PostAsync|PutAsync|DeleteAsync|PatchAsync|GetFromJsonAsync|PostAsJsonAsync|PutAsJsonAsync|PatchAsJsonAsync|GetStringAsync|(?:Get|Post|Put|Patch|Delete)And\w*Async)(?:<[^()]*?>)?\s*\(\s*(?:\$?"([^"]*)")?/g,
    read: (m) => [methodFromName(m[1] ?? ""), m[2]],
    // `class TodoApplication : WebApplicationFactory<Program>` in a file of its own: tests that
    // use TodoApplication are API tests too; so are those that use a class holding the factory
    // in a static member (`ProgramTest.NewClient` over `static WebApplicationFactory<Program>`).
    derived:
      /\bclass\s+(\w+)\s*(?:<[^>]*>)?\s*:\s*(?:WebApplicationFactory|TestServer)\b|\bclass\s+(\w+)(?=[^{;]{0,300}\{[^}]{0,300}?\bstatic\s+(?:readonly\s+)?(?:WebApplicationFactory|TestServer)\b)/g,
  },
];

const API_EXTS = new Set(API_CALLS.flatMap((p) => p.exts));

/**
 * The path of a controller test's action (`post :create` in `describe Api::V1::ArticlesController`),
 * or `#create` when the controller or the action's route is not known.
 */
function controllerActionPath(site: CallSite, action: string): string {
  const controller = /\b(?:describe|class)\s+((?:[A-Z]\w*::)*[A-Z]\w*?)Controller\b/.exec(
    site.file.text,
  )?.[1];
  return (
    (controller === undefined
      ? undefined
      : site.routeNames.get(`${underscore(controller)}#${action}`)) ?? `#${action}`
  );
}

/** The path of a named route, tried with its namespaces and, if that fails, by its last name. */
function namedRoutePath(site: CallSite, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const exact = site.routeNames.get(name);
  if (exact !== undefined) return exact;
  // A namespace the URLconfs set in a way not read (a variable): one route of that name.
  const bare = name.slice(name.lastIndexOf(":") + 1);
  const found = [...site.routeNames].filter(([key]) => key === bare || key.endsWith(`:${bare}`));
  return found.length === 1 ? found[0]?.[1] : undefined;
}

/**
 * The route name a variable holds: `url = reverse("post-list")` nearest before `at`, or for an
 * attribute (`self.url`, set in setUp or as a class attribute) the nearest before, else the first
 * after. The value may also come from a helper (`url = detail_url(tag.id)`), and the call may be
 * of one (`self.url()`): the first reverse() in that function is the name.
 */
function reversedInto(
  text: string,
  variable: string,
  called: boolean,
  at: number,
): string | undefined {
  if (!text.includes("reverse")) return undefined;
  if (called) return reverseInFunction(text, variable.slice(variable.lastIndexOf(".") + 1), at);
  // A local variable, or an attribute set on self; `self.url` is also the class attribute
  // `url = reverse(…)`, written less indented than the methods that read it.
  const attribute = variable.startsWith("self.");
  const bare = attribute ? variable.slice(5) : variable;
  const lineStart = text.lastIndexOf("\n", at) + 1;
  const callIndent = /^[ \t]*/.exec(text.slice(lineStart, at))?.[0].length ?? 0;
  const re = new RegExp(
    `^([ \\t]*)(self\\.)?${esc(bare)}[ \\t]*=[ \\t]*(?:${REVERSE_CALL}|(?:self\\.)?([A-Za-z_]\\w*)[ \\t]*\\()`,
    "gm",
  );
  let before: RegExpExecArray | undefined;
  let after: RegExpExecArray | undefined;
  for (const m of text.matchAll(re)) {
    const fits = attribute
      ? m[2] !== undefined || (m[1] ?? "").length < callIndent
      : m[2] === undefined;
    if (!fits) continue;
    if (m.index < at) before = m;
    else after ??= m;
  }
  const found = before ?? (attribute ? after : undefined);
  if (found === undefined) return undefined;
  const helper = found[5];
  return (
    found.groups?.name ??
    (helper === undefined ? undefined : reverseInFunction(text, helper, found.index))
  );
}

/** The first reverse() name in `def <name>(`, the nearest definition before `at` (else the first). */
function reverseInFunction(text: string, name: string, at: number): string | undefined {
  if (name === "reverse" || name === "reverse_lazy") return undefined;
  const defs = [...text.matchAll(new RegExp(`^[ \\t]*def[ \\t]+${esc(name)}[ \\t]*\\(`, "gm"))];
  const start = (defs.filter((d) => d.index < at).at(-1) ?? defs[0])?.index;
  if (start === undefined) return undefined;
  const next = /\n[ \t]*(?:def|class)[ \t]/.exec(text.slice(start + 1));
  const body = text.slice(start, next === null ? undefined : start + 1 + next.index);
  return new RegExp(REVERSE_CALL).exec(body)?.groups?.name;
}

/** The most pieces a concatenated path is followed through. */
const MAX_CONCATENATED = 8;
/** A variable, a property chain or a call (`id`, `user.getId()`, `$post->id`, `str(pk)`). */
const OPERAND = /^[$\w]+(?:(?:\.|->)\w+|\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])*/;

/**
 * The path of a call whose literal is continued by concatenation (`"/users/" + id`,
 * `"http://localhost:" + port + "/oups"`, PHP's `'/posts/' . $post->id`): each operand that is
 * not a literal becomes `${}`, which tested-endpoints reads as a placeholder. Only where the
 * literal ends the pattern's match, as the path does in most patterns.
 */
function continuedPath(file: SourceFile, m: RegExpExecArray, literal: string): string {
  const end = m.index + m[0].length;
  const quote = file.text.charAt(end - 1);
  if (!`"'\``.includes(quote) || !m[0].endsWith(literal + quote)) return literal;
  return concatenated(file, end, literal);
}

/** `literal` followed, from `at`, by `+ operand` or `+ "literal"` pieces (PHP: `.`). */
function concatenated(file: SourceFile, at: number, literal: string): string {
  // PHP joins strings with "."; elsewhere a "." after a string calls one of its methods.
  const operator = file.ext === "php" ? /^\s*\.\s*/ : /^\s*\+\s*/;
  let path = literal;
  for (let pieces = 0; pieces < MAX_CONCATENATED; pieces++) {
    const op = operator.exec(file.text.slice(at, at + 40));
    if (op === null) break;
    const rest = file.text.slice(at + op[0].length, at + op[0].length + 300);
    const next = /^(["'`])([^"'`\n]*)\1/.exec(rest) ?? OPERAND.exec(rest);
    if (next === null || next[0] === "") break;
    // An operand glued to a segment (`"/users" + query`) adds a query or a suffix, not a
    // segment: the path ends there.
    if (next[2] === undefined && !/[/:]$/.test(path)) break;
    path += next[2] ?? "${}";
    at += op[0].length + next[0].length;
  }
  return path;
}

/**
 * The path of the Go string expression at `at`: a literal, possibly after the test server's URL
 * and continued by `+` (`ts.URL + "/users/" + id`), or the format of `fmt.Sprintf("/users/%d", id)`.
 */
function goPathAt(file: SourceFile, at: number): string | undefined {
  const m = /^(?:fmt\.Sprintf\s*\(\s*"([^"\n]*)"|(?:\w+\.URL\s*\+\s*)?"([^"\n]*)")/.exec(
    file.text.slice(at, at + 300),
  );
  if (m === null) return undefined;
  return m[1] ?? concatenated(file, at + m[0].length, m[2] ?? "");
}

/**
 * The calls a Go request makes whose URL is a variable: a local one assigned a path before the
 * call (`url := fmt.Sprintf("/v1/article/%d", id)`), or a field of a table-driven test's entries
 * (`tc.url`, each entry's `url: "/api/x"`), its method then the entry's own (`tc.method`) unless
 * the call names one.
 */
function goVariableCalls(
  file: SourceFile,
  at: number,
  variable: string,
  method: string | undefined,
  methodVariable: string | undefined,
): GoCall[] {
  const text = file.text;
  const dot = variable.lastIndexOf(".");
  if (dot < 0) {
    // Assigned in the function that makes the request, else one of its parameters.
    const func = text.lastIndexOf("\nfunc ", at) + 1;
    let value: number | undefined;
    const assigned = new RegExp(`\\b${esc(variable)}[ \\t]*:?=(?!=)[ \\t]*`, "g");
    for (const a of text.slice(func, at).matchAll(assigned)) value = func + a.index + a[0].length;
    if (value === undefined) return helperCalls(file, func, variable, method, methodVariable);
    const path = goPathAt(file, value);
    return path === undefined ? [] : [[method ?? "ANY", path]];
  }
  const field = variable.slice(dot + 1);
  const methodField =
    method === undefined && methodVariable?.includes(".") === true
      ? methodVariable.slice(methodVariable.lastIndexOf(".") + 1)
      : undefined;
  const calls: GoCall[] = [];
  for (const f of text.matchAll(new RegExp(`\\b${esc(field)}[ \\t]*:[ \\t]*`, "g"))) {
    if (calls.length >= MAX_TABLE_ENTRIES) break;
    const path = goPathAt(file, f.index + f[0].length);
    if (path === undefined) continue;
    const entry = methodField === undefined ? "" : enclosingBraces(text, f.index);
    const named = new RegExp(`\\b${esc(methodField ?? "")}[ \\t]*:[ \\t]*(?:${GO_METHOD})`).exec(
      entry,
    );
    const entryMethod = named === null ? undefined : (named[1] ?? named[2] ?? named[3]);
    calls.push([method ?? (entryMethod === undefined ? "ANY" : methodFromName(entryMethod)), path]);
  }
  return calls;
}

/** A Go request read: method, path, and where it is made when not at the match (a helper's caller). */
type GoCall = readonly [string, string, number?];

/** The most calls of a request helper read. */
const MAX_HELPER_CALLS = 50;

/**
 * The requests a test helper makes for its callers in the same file, when the URL is one of the
 * parameters of `func testRequest(t *testing.T, ts *httptest.Server, method, path string, …)`:
 * each call's literal argument at that position (`testRequest(t, ts, "POST", "/login", req)`),
 * the method from the method parameter's argument when it is one too.
 */
function helperCalls(
  file: SourceFile,
  func: number,
  variable: string,
  method: string | undefined,
  methodVariable: string | undefined,
): GoCall[] {
  const text = file.text;
  const head = /^func[ \t]+(\w+)[ \t]*\(([^()]*)\)/.exec(text.slice(func, func + 500));
  if (head === null) return [];
  const name = head[1] ?? "";
  const params = (head[2] ?? "").split(",").map((p) => /^\s*(\w+)/.exec(p)?.[1]);
  const urlAt = params.indexOf(variable);
  if (urlAt < 0) return [];
  const methodAt = methodVariable === undefined ? -1 : params.indexOf(methodVariable);
  const calls: GoCall[] = [];
  for (const c of text.matchAll(new RegExp(`(?<!func[ \\t]+)\\b${esc(name)}[ \\t]*\\(`, "g"))) {
    if (calls.length >= MAX_HELPER_CALLS) break;
    const args = argumentsAt(text, c.index + c[0].length);
    const path = /^(?:"([^"]*)"|fmt\.Sprintf\s*\(\s*"([^"]*)")/.exec(args[urlAt] ?? "");
    if (path === null) continue;
    const given = new RegExp(`^(?:${GO_METHOD})$`).exec(args[methodAt] ?? "");
    const named = given === null ? undefined : (given[1] ?? given[2] ?? given[3]);
    calls.push([
      method ?? (named === undefined ? "ANY" : methodFromName(named)),
      path[1] ?? path[2] ?? "",
      c.index,
    ]);
  }
  return calls;
}

/** The arguments, trimmed, of the call whose "(" is the last one before `at`; [] if unclosed. */
function argumentsAt(text: string, at: number): string[] {
  const open = text.lastIndexOf("(", at - 1);
  const close = open === -1 ? -1 : matchBracket(text, open);
  return close === -1 ? [] : splitTopLevel(text.slice(open + 1, close)).map((a) => a.trim());
}

/** The most entries of a test table read for one request. */
const MAX_TABLE_ENTRIES = 50;
/** How far a table entry's braces are looked for around one of its fields. */
const MAX_ENTRY = 1500;

/** The text inside the innermost `{…}` around `at` (a composite literal's entry), bounded. */
function enclosingBraces(text: string, at: number): string {
  let depth = 0;
  let start = -1;
  for (let i = at - 1; i >= Math.max(0, at - MAX_ENTRY); i--) {
    const c = text.charAt(i);
    if (c === "}") depth++;
    else if (c === "{" && depth-- === 0) {
      start = i + 1;
      break;
    }
  }
  if (start < 0) return "";
  depth = 0;
  for (let i = at; i < Math.min(text.length, at + MAX_ENTRY); i++) {
    const c = text.charAt(i);
    if (c === "{") depth++;
    else if (c === "}" && depth-- === 0) return text.slice(start, i);
  }
  return "";
}

/**
 * The path a JVM test passes as an expression of the string constants its own file declares
 * (`private static final String BASE_URL = "/api/users";` … `get(BASE_URL + "/{id}", id)`), each
 * other operand (`BASE_URL + "/" + user.getId()`) a placeholder; undefined when the expression
 * does not start with a known constant.
 */
function constantPath(
  file: SourceFile,
  at: number,
  tables: Map<SourceFile, ConstantTable>,
): string | undefined {
  const first = argumentsAt(file.text, at)[0];
  if (first === undefined || !/^[A-Za-z_][\w.]*\s*(?:\+|$)/.test(first)) return undefined;
  let table = tables.get(file);
  if (table === undefined) {
    table = new ConstantTable();
    table.addFile(maskComments(file.text, file.ext === "kt" ? "kotlin" : "java"));
    tables.set(file, table);
  }
  const path = table.evaluate(first).value.replace(/<[^<>]*>/g, "${}");
  return path.startsWith("/") || /^https?:\/\//.test(path) ? path : undefined;
}

/** `require("./server")`, `from "../helpers/agent"`: a module of the repository. */
const LOCAL_IMPORT = /(?:\bfrom\s*|\brequire\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * Calls in test code that exercise the app's own HTTP endpoints, with "METHOD /path" notes when
 * the path is a literal. HTTP client calls to other services (axios, requests, RestTemplate
 * outside a test server) are not matched: each pattern needs the test harness of its stack, or
 * a URL on this machine (localhost), where the app under test runs. `routeNames` turns calls of
 * named routes (Django's reverse()) into their paths.
 */
export function findApiTestCalls(
  ctx: ScanContext,
  routeNames: ReadonlyMap<string, string> = new Map(),
): Evidence[] {
  const out: Evidence[] = [];
  const seen = new Set<string>();
  const modules = new ModulePaths(ctx);
  const derivedByPattern = new Map<ApiCallPattern, string[]>();
  const derivedWords = (pattern: ApiCallPattern): readonly string[] => {
    if (pattern.derived === undefined) return [];
    let words = derivedByPattern.get(pattern);
    if (words === undefined) {
      const found = new Set<string>();
      for (const f of ctx.files) {
        if (!pattern.exts.includes(f.ext) || !pattern.when.some((w) => f.text.includes(w)))
          continue;
        for (const m of f.text.matchAll(pattern.derived)) {
          const name = m[1] ?? m[2];
          if (name !== undefined) found.add(name);
        }
      }
      words = [...found];
      derivedByPattern.set(pattern, words);
    }
    return words;
  };
  // The JavaScript modules that hold a `when` word (a shared supertest agent), found once; in
  // most repositories there are none and no test file's imports need resolving.
  const holders = new Map<readonly string[], Set<SourceFile>>();
  const holdersOf = (words: readonly string[]): Set<SourceFile> => {
    let found = holders.get(words);
    if (found === undefined) {
      found = new Set(
        ctx.files.filter((f) => JS_EXTS.includes(f.ext) && words.some((w) => contains(f.text, w))),
      );
      holders.set(words, found);
    }
    return found;
  };
  const importsWord = (file: SourceFile, words: readonly string[]) => {
    const within = holdersOf(words);
    return (
      within.size > 0 &&
      JS_EXTS.includes(file.ext) &&
      [...file.text.matchAll(LOCAL_IMPORT)].some((m) => {
        const target = modules.resolveFile(m[1] ?? "", file);
        return target !== undefined && within.has(target);
      })
    );
  };
  const constants = new Map<SourceFile, ConstantTable>();
  const patterns = [...API_CALLS];
  for (const more of [composeHostCalls(ctx), pytestFixtureClientCalls(ctx)]) {
    if (more !== undefined) patterns.push(more);
  }
  for (const file of ctx.files) {
    if (!API_EXTS.has(file.ext)) continue;
    const lang = langOf(file);
    if (lang === undefined || !isTestCandidate(file, lang)) continue;
    // A generated stub's request (the new-app home-page check) exercises nothing of the app.
    if (classifyTestFile(file, lang)?.real === false) continue;
    for (const pattern of patterns) {
      if (!pattern.exts.includes(file.ext)) continue;
      if (
        !pattern.when.some((w) => contains(file.text, w)) &&
        !derivedWords(pattern).some((w) => contains(file.text, w)) &&
        !(pattern.whenImported === true && importsWord(file, pattern.when))
      ) {
        continue;
      }
      if (pattern.applies && !pattern.applies(file)) continue;
      pattern.re.lastIndex = 0;
      for (let m = pattern.re.exec(file.text); m !== null; m = pattern.re.exec(file.text)) {
        const site = { file, routeNames };
        const many = pattern.readMany?.(m, site) ?? [];
        const calls: readonly (readonly [string, string | undefined, number?])[] =
          many.length > 0
            ? many
            : [pattern.read(m, site)].map(([method, literal]) => [
                method,
                literal !== undefined
                  ? continuedPath(file, m, literal)
                  : pattern.constantArgument === true
                    ? constantPath(file, m.index + m[0].length, constants)
                    : undefined,
              ]);
        for (const [method, path, at] of calls) {
          if (path === undefined && pattern.knownPathsOnly === true) continue;
          const e = evidence(
            file,
            at ?? m.index,
            path === undefined ? `${method} (path not literal)` : `${method} ${path}`,
          );
          // Two patterns may see the same call (a supertest chain is both); report it once.
          const key = `${e.file}:${e.line}:${e.note ?? ""}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push(e);
        }
      }
    }
  }
  return out;
}
