import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { findApiTestCalls } from "./api-test-calls.js";
import { testsDetector } from "./detect-tests.js";

const detect = (files: Record<string, string>) =>
  testsDetector.detect(scanContextFrom(files)).signals;

describe("testsDetector", () => {
  it("counts RSpec one-liners on the implicit subject (shoulda-matchers) as assertions", () => {
    const spec = `require 'rails_helper'

RSpec.describe Event, type: :model do
  describe 'relations' do
    it { should belong_to(:user) }
    it { should_not allow_value('').for(:name) }
  end
end
`;
    const found = detect({ "spec/models/event_spec.rb": spec });
    expect(found?.tests?.value).toBe(true);
    expect(found?.test_files?.value).toBe(1);
    // A spec that only names what it should do asserts nothing.
    const pending = "RSpec.describe Event do\n  it 'should have a name' do\n  end\nend\n";
    expect(detect({ "spec/models/event_spec.rb": pending })?.tests?.value).toBe(false);
  });

  it("takes no test framework from the test stubs Rails' generators write", () => {
    const stub =
      'require "test_helper"\n\nclass UserTest < ActiveSupport::TestCase\n  # test "the truth" do\n  #   assert true\n  # end\nend\n';
    expect(detect({ "test/models/user_test.rb": stub })?.test_frameworks?.value).toEqual([]);
    const written = stub.replace(
      "  # test",
      '  test "has a name" do\n    assert_equal "Ada", User.new(name: "Ada").name\n  end\n  # test',
    );
    expect(detect({ "test/models/user_test.rb": written })?.test_frameworks?.value).toEqual([
      "minitest",
    ]);
  });

  it("takes no test framework from the tests.py Django's startapp writes", () => {
    const stub = "from django.test import TestCase\n\n# Create your tests here.\n";
    expect(detect({ "shop/tests.py": stub, "blog/tests.py": stub })?.test_frameworks).toEqual({
      value: [],
      evidence: [],
    });
    const written = {
      "shop/tests.py": stub,
      "blog/tests.py":
        "from django.test import TestCase\n\nclass PostTests(TestCase):\n    def test_title(self):\n        self.assertEqual(1 + 1, 2)\n",
    };
    expect(detect(written)?.test_frameworks).toEqual({
      value: ["unittest"],
      evidence: [{ file: "blog/tests.py", line: 1, note: "Django TestCase (unittest)" }],
    });
  });

  it("does not count generated stubs and self-evident assertions as tests", () => {
    const signals = detect({
      "src/app.spec.ts":
        "describe('app', () => {\n  it('works', () => {});\n  it('is true', () => { expect(true).toBe(true); });\n});\n",
      "src/test/java/com/acme/AppTests.java":
        "class AppTests {\n  @Test\n  void contextLoads() {\n  }\n}\n",
      "tests/test_app.py": "def test_app():\n    pass\n\ndef test_truth():\n    assert True\n",
      // The two tests `nest new` writes
      "test/app.e2e-spec.ts":
        "import * as request from 'supertest';\nit('/ (GET)', () => {\n  return request(app.getHttpServer())\n    .get('/')\n    .expect(200)\n    .expect('Hello World!');\n});\n",
      "src/app.controller.spec.ts":
        "it('should return \"Hello World!\"', () => {\n  expect(appController.getHello()).toBe('Hello World!');\n});\n",
      "package.json": '{ "devDependencies": { "jest": "^29.0.0" } }',
    });
    expect(signals?.tests).toEqual({ value: false, evidence: [] });
    expect(signals?.test_files?.value).toBe(0);
    // Frameworks count when declared or imported, even by a stub.
    expect(signals?.test_frameworks?.value).toEqual(["jest", "supertest"]);
  });

  it("does not count the specs Nx and the Nest CLI write for a new app or class as tests", () => {
    const signals = detect({
      // Nx's Node app: controller and service specs, and the e2e project's spec
      "apps/api/src/app/app.controller.spec.ts":
        "it('should return \"Hello API\"', () => {\n  expect(appController.getData()).toEqual({ message: 'Hello API' });\n});\n",
      "apps/api/src/app/app.service.spec.ts":
        "it('returns a greeting', () => {\n  expect(service.getData()).toEqual({ message: 'Welcome to api!' });\n});\n",
      "apps/api-e2e/src/api/api.spec.ts":
        "import axios from 'axios';\nit('should return a message', async () => {\n  const res = await axios.get(`/`);\n\n  expect(res.status).toBe(200);\n  expect(res.data).toEqual({ message: 'Hello API' });\n});\n",
      // `nest g guard roles`
      "apps/api/src/roles.guard.spec.ts":
        "it('should be defined', () => {\n  expect(new RolesGuard()).toBeDefined();\n});\n",
      // Nx's React component and app, Angular's functional guard
      "apps/web/src/app/nav.spec.tsx":
        "it('should render successfully', () => {\n  const { baseElement } = render(<Nav />);\n  expect(baseElement).toBeTruthy();\n});\n",
      "apps/web/src/app/app.spec.tsx":
        "it('should have a greeting as the title', () => {\n  const { getByText } = render(<App />);\n  expect(getByText(/Welcome web/gi)).toBeTruthy();\n});\n",
      "apps/admin/src/app/auth.guard.spec.ts":
        "it('should be created', () => {\n  expect(executeGuard).toBeTruthy();\n});\n",
    });
    expect(signals?.tests).toEqual({ value: false, evidence: [] });
    // A status check before a real body check stays a test.
    const real = detect({
      "apps/api-e2e/src/api/api.spec.ts":
        "it('lists todos', async () => {\n  const res = await axios.get(`/api/todos`);\n  expect(res.status).toBe(200);\n  expect(res.data).toEqual([]);\n});\n",
    });
    expect(real?.test_files?.value).toBe(1);
  });

  it("does not count the App.test that create-react-app writes as a test", () => {
    const cra =
      "import { render, screen } from '@testing-library/react';\nimport App from './App';\n\ntest('renders learn react link', () => {\n  render(<App />);\n  const linkElement = screen.getByText(/learn react/i);\n  expect(linkElement).toBeInTheDocument();\n});\n";
    expect(detect({ "client/src/App.test.tsx": cra })?.tests).toEqual({
      value: false,
      evidence: [],
    });
    const own = cra.replace("/learn react/i", "/my tasks/i");
    expect(detect({ "client/src/App.test.tsx": own })?.test_files?.value).toBe(1);
  });

  it("does not count the specs the Angular and Nest generators write as tests", () => {
    const spec = (name: string, body: string) =>
      `describe('${name}', () => {\n  beforeEach(() => { TestBed.configureTestingModule({}); });\n  ${body}\n});\n`;
    const signals = detect({
      "src/app/header/header.component.spec.ts": spec(
        "HeaderComponent",
        "it('should create', () => {\n    expect(component).toBeTruthy();\n  });",
      ),
      "src/app/task.service.spec.ts": spec(
        "TaskService",
        "it('should be created', () => {\n    expect(service).toBeTruthy();\n  });",
      ),
      "src/users/users.controller.spec.ts": spec(
        "UsersController",
        "it('should be defined', () => {\n    expect(controller).toBeDefined();\n  });",
      ),
      "src/app/app.component.spec.ts": spec(
        "AppComponent",
        "it('should create the app', () => { expect(app).toBeTruthy(); });\n  it(`should have as title 'shop'`, () => { expect(app.title).toEqual('shop'); });\n  it('should render title', () => {\n    expect(compiled.querySelector('.content span').textContent).toContain('shop app is running!');\n  });",
      ),
      "e2e/src/app.e2e-spec.ts": spec(
        "workspace-project App",
        "it('should display welcome message', async () => {\n    expect(await page.getTitleText()).toEqual('shop app is running!');\n  });\n  afterEach(async () => {\n    const logs = await browser.manage().logs().get(logging.Type.BROWSER);\n    expect(logs).not.toContain(jasmine.objectContaining({\n      level: logging.Level.SEVERE,\n    }));\n  });",
      ),
    });
    expect(signals?.tests).toEqual({ value: false, evidence: [] });
    // A spec that checks what the class does is a test.
    const written = detect({
      "src/app/task.service.spec.ts": spec(
        "TaskService",
        "it('adds a task', () => {\n    expect(service.add('a')).toEqual([{ text: 'a' }]);\n  });",
      ),
    });
    expect(written?.test_files?.value).toBe(1);
  });

  it("names tap and bun:test among the test frameworks", () => {
    const signals = detect({
      "package.json": '{ "devDependencies": { "tap": "^18.0.0" } }',
      "test/user.test.js": "const t = require('tap');\nt.equal(add(1, 2), 3);\n",
      "src/user.test.ts":
        "import { expect, test } from 'bun:test';\ntest('adds', () => { expect(add(1, 2)).toBe(3); });\n",
    });
    expect(signals?.test_frameworks?.value).toEqual(["bun-test", "tap"]);
  });

  it("counts Kotest specs with their matchers as tests, and a JUnit method named should… as no assertion", () => {
    const signals = detect({
      "build.gradle.kts":
        'dependencies {\n    testImplementation("io.kotest:kotest-runner-junit5:5.9.1")\n}\n',
      "src/test/kotlin/app/PriceSpec.kt": `import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

class PriceSpec : FunSpec({
    test("adds tax") {
        withTax(100) shouldBe 120
    }
})
`,
      "src/test/kotlin/app/CartSpec.kt": `import io.kotest.core.spec.style.BehaviorSpec

class CartSpec : BehaviorSpec({
    given("an empty cart") {
        then("it has no items") { Cart().items shouldHaveSize 0 }
        then("it cannot check out") { shouldThrow<IllegalStateException> { Cart().checkout() } }
    }
})
`,
      "src/test/kotlin/app/UserServiceTest.kt": `import org.junit.jupiter.api.Test

class UserServiceTest {
    @Test
    fun shouldReturnUser() {
        service.find(1)
    }
}
`,
    });
    expect(signals?.test_files?.value).toBe(2);
    expect(signals?.test_frameworks?.value).toEqual(["junit", "kotest"]);
  });

  it("counts each file that holds a test with a real assertion", () => {
    const signals = detect({
      "src/price.test.ts":
        "import { test, expect } from 'vitest';\ntest('adds tax', () => {\n  expect(withTax(100)).toBe(120);\n});\n",
      "tests/test_slug.py":
        "from app.slug import slugify\n\ndef test_slugify():\n    assert slugify('A B') == 'a-b'\n",
      "pkg/cart/cart_test.go":
        'package cart\n\nimport "testing"\n\nfunc TestTotal(t *testing.T) {\n\tif Total() != 3 {\n\t\tt.Fatalf("bad total")\n\t}\n}\n',
      "articles/tests.py":
        "from django.test import TestCase\n\nclass ArticleTests(TestCase):\n    def test_title(self):\n        self.assertEqual(Article(title='x').title, 'x')\n",
      "src/lib.rs":
        "pub fn add(a: i32, b: i32) -> i32 { a + b }\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn adds() { assert_eq!(super::add(2, 2), 4); }\n}\n",
    });
    expect(signals?.tests?.value).toBe(true);
    expect(signals?.test_files?.value).toBe(5);
    // tests/test_slug.py: a plain test function with a bare assert runs under pytest.
    expect(signals?.test_frameworks?.value).toEqual([
      "cargo-test",
      "go-testing",
      "pytest",
      "unittest",
      "vitest",
    ]);
    expect(signals?.tests?.evidence[0]).toEqual({
      file: "src/price.test.ts",
      line: 2,
      note: "test with assertions",
    });
  });

  it("recognises pytest from plain test functions with bare asserts in pytest-named files", () => {
    const signals = detect({
      "tests/test_items.py":
        "from app import create_app\n\n\ndef test_lists_items():\n    assert create_app().items() == []\n",
      "tests/cart_test.py": "def test_total():\n    assert total([1, 2]) == 3\n",
    });
    expect(signals?.test_frameworks).toEqual({
      value: ["pytest"],
      evidence: [
        {
          file: "tests/test_items.py",
          line: 4,
          note: "test functions with bare asserts (pytest style)",
        },
        {
          file: "tests/cart_test.py",
          line: 1,
          note: "test functions with bare asserts (pytest style)",
        },
      ],
    });
  });

  it("does not take unittest methods, stubs or other file names for pytest", () => {
    const signals = detect({
      "tests/test_models.py":
        "import unittest\n\nclass ModelTests(unittest.TestCase):\n    def test_name(self):\n        assert Model('x').name == 'x'\n",
      "tests/test_stub.py": "def test_app():\n    assert True\n",
      "tests/checks.py": "def test_total():\n    assert total([1, 2]) == 3\n",
    });
    expect(signals?.test_frameworks?.value).toEqual(["unittest"]);
  });

  it("ignores assertions that are commented out", () => {
    const signals = detect({
      "test/user.test.js": "it('saves', () => {\n  // expect(save()).toBe(true);\n});\n",
    });
    expect(signals?.tests?.value).toBe(false);
  });
});

describe("testsDetector on .NET assertion libraries", () => {
  it("counts Shouldly and Playwright assertions as real ones", () => {
    const signals = detect({
      "tests/Shop.UnitTests/CartTests.cs":
        "public class CartTests {\n  [Test]\n  public void AddsAnItem() {\n    new Cart().Add(3).Count.ShouldBe(1);\n  }\n}\n",
      "tests/Shop.UnitTests/PriceTests.cs":
        "public class PriceTests {\n  [Test]\n  public async Task RejectsNegative() {\n    await Should.ThrowAsync<ArgumentException>(() => Price.Of(-1));\n  }\n}\n",
      "tests/Shop.AcceptanceTests/HomeSteps.cs":
        'public class HomeSteps {\n  [Test]\n  public async Task ShowsTitle() {\n    await Expect(Page).ToHaveTitleAsync("Shop");\n  }\n}\n',
      "tests/Shop.UnitTests/EmptyTests.cs":
        "public class EmptyTests {\n  [Test]\n  public void ShouldDoSomething() {\n  }\n}\n",
    });
    expect(signals?.test_files?.value).toBe(3);
  });

  it("counts a C# test that checks the status through an ...AndEnsure...Async call as a real test", () => {
    const files = {
      "tests/Web.FunctionalTests/ContributorDelete.cs": `public class ContributorDelete(CustomWebApplicationFactory<Program> factory)
{
  private readonly HttpClient _client = factory.CreateClient();

  [Fact]
  public async Task DeletesExistingContributor()
  {
    _ = await _client.DeleteAndEnsureNoContentAsync("/Contributors/1");
  }
}
`,
    };
    expect(detect(files)?.test_files?.value).toBe(1);
    expect(findApiTestCalls(scanContextFrom(files)).map((c) => c.note)).toEqual([
      "DELETE /Contributors/1",
    ]);
  });

  it("counts a C# test that checks the status with EnsureSuccessStatusCode() as a real test", () => {
    const files = {
      "tests/Api.Tests/PingTests.cs": `public class PingTests(WebApplicationFactory<Program> factory)
{
  [Fact]
  public async Task Pings()
  {
    var response = await factory.CreateClient().GetAsync("/ping");
    response.EnsureSuccessStatusCode();
  }
}
`,
    };
    expect(detect(files)?.test_files?.value).toBe(1);
  });
});
