/**
 * Tests: whether the repository has real tests, with which frameworks, and in how many files.
 *
 * Which tests call the app's HTTP endpoints is api-test-calls.ts's job; it asks `mayCallTheApi`.
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
    // create-react-app's App.test writes "renders learn react link", which finds its starter link.
    trivial:
      /\bgetByText\s*\(\s*\/learn react\/i?\s*\)\s*;?\s*expect\s*\(\s*\w+\s*\)\s*\.toBeInTheDocument\s*\(\s*\)|\bexpect\s*\(\s*(?:component|service|app|pipe|guard|directive|interceptor|resolver|controller|provider|gateway|baseElement|executeGuard|executeResolver)\s*\)\s*\.(?:toBeTruthy|toBeDefined)\s*\(\s*\)|\bexpect\s*\(\s*logs\s*\)\s*\.not\.toContain\s*\(\s*jasmine\.objectContaining\b|\bexpect\s*\(\s*app\.title\s*\)\s*\.toEqual\s*\(\s*['"`][^'"`\n]*['"`]\s*\)|\bexpect\s*\([^;\n]*\)\s*\.(?:toContain|toEqual)\s*\(\s*['"`][^'"`\n]* app is running!['"`]\s*\)|\bexpect\s*\(\s*(?:true|false|1|0|null|undefined|\d+\s*[-+*]\s*\d+)\s*\)\s*\.(?:not\.)?(?:toBe|toEqual|toStrictEqual|toBeTruthy|toBeFalsy|toBeDefined|to\.be\.\w+|to\.equal)\s*\([^)]*\)|\bassert(?:\.ok|\.equal|\.strictEqual)?\s*\(\s*true\s*(?:,\s*true\s*)?\)|\bassert\.(?:equal|strictEqual)\s*\(\s*(\d+)\s*,\s*\1\s*\)|\.expect\s*\(\s*200\s*\)\s*\.expect\s*\(\s*['"`]Hello World!['"`]\s*\)|\bexpect\s*\(\s*\w+\.getHello\s*\(\s*\)\s*\)\s*\.toBe\s*\(\s*['"`]Hello World!['"`]\s*\)|\bexpect\s*\(\s*new\s+\w+\s*\(\s*\)\s*\)\s*\.(?:toBeDefined|toBeTruthy)\s*\(\s*\)|(?:\bexpect\s*\(\s*res\.status\s*\)\s*\.toBe\s*\(\s*200\s*\)\s*;?\s*)?\bexpect\s*\([^;\n]*\)\s*\.toEqual\s*\(\s*\{\s*message\s*:\s*['"`](?:Hello API|Welcome to [\w-]+!)['"`]\s*,?\s*\}\s*\)|\bexpect\s*\(\s*getByText\s*\(\s*(?:['"`]Welcome to [\w-]+!['"`]|\/Welcome [\w-]+\/g?i?)\s*\)\s*\)\s*\.toBeTruthy\s*\(\s*\)/g,
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
    // JUnit's and TestNG's annotations, or a Kotest spec (`class UserTest : FunSpec({ … })`)
    declaration:
      /@(?:Test|ParameterizedTest|RepeatedTest)\b|:\s*(?:Fun|String|Behavior|Describe|Should|Word|Free|Feature|Expect)Spec\s*\(/,
    // `.andExpect {` and `.andExpectAll {` are Kotlin's MockMvc DSL; Kotest's matchers are infix
    // (`user.name shouldBe "Ada"`, `list shouldHaveSize 2`) or `shouldThrow<…> { … }`, told
    // apart from test methods named should… by what stands on either side.
    assertion:
      /\bassert\w*\s*\(|\.andExpect(?:All)?\s*[({]|\bverify\s*\(|\.expectStatus\s*\(|\.expectBody\s*\(|\bshouldBe\b|[\w)\]"]\s+should(?:Not)?[A-Z]\w{0,40}\s+\S|\bshouldThrow\w{0,20}\s*<|\.statusCode\s*\(|\bassertThat\b|\bfail\s*\(/,
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
    // RSpec's implicit subject (`it { should belong_to(:user) }`, shoulda-matchers' one-liners)
    // takes `should` with no receiver.
    assertion:
      /\bexpect\s*[({]|\bassert\w*\b|\bmust_\w+|\.should\b|\bis_expected\b|(?:\{|^)[ \t]*should(?:_not)?[ \t(]/m,
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
    // Should.Throw<…>), Playwright's Expect(page), and checks of the status that throw on another
    // one: Ardalis.HttpClientTestExtensions' (`DeleteAndEnsureNoContentAsync(route)`) and
    // HttpResponseMessage's own `EnsureSuccessStatusCode()`
    assertion:
      /\bAssert\.\w+\s*\(|\.Should\(\)|\.Should[A-Z]\w*\s*[<(]|\bShould\.\w+\s*[<(]|\bExpect\s*\(|\.(?:Get|Post|Put|Patch|Delete)AndEnsure\w*Async\s*[<(]|\.EnsureSuccessStatusCode\s*\(/,
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
 * Whether API test calls are looked for in a file: test code that is not a generated stub (a
 * stub's request, the new-app home-page check, exercises nothing of the app).
 */
export function mayCallTheApi(file: SourceFile): boolean {
  const lang = langOf(file);
  return (
    lang !== undefined &&
    isTestCandidate(file, lang) &&
    classifyTestFile(file, lang)?.real !== false
  );
}

/**
 * Verdicts already given: the detector classifies every test file and findApiTestCalls, run
 * after it on the same files, asks again for each one (through mayCallTheApi).
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
    id: "kotest",
    declaredCounts: true,
    deps: [
      "maven:kotest-runner-junit5",
      "maven:kotest-runner-junit5-jvm",
      "maven:kotest-assertions-core",
      "maven:kotest-assertions-core-jvm",
    ],
    uses: [jvmImport("io.kotest")],
  },
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
