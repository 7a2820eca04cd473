import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { findApiTestCalls } from "./api-test-calls.js";
import { jsTestPaths } from "./js-test-paths.js";
import { classifyTestFiles, testsDetector } from "./detect-tests.js";
import { methodFromName } from "./test-call-paths.js";

const detect = (files: Record<string, string>) =>
  testsDetector.detect(scanContextFrom(files)).signals;

describe("findApiTestCalls", () => {
  it("reads C# tests that call the app on localhost through a fixture's HttpClient", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "src/Shop.Test/ContainerFixture.cs": `public class ContainerFixture : IIntegrationTest
{
    public ContainerFixture()
    {
        Client = new HttpClient
        {
            BaseAddress = new Uri("http://127.0.0.1:9999")
        };
    }
    public HttpClient Client { get; set; }
}
`,
        "src/Shop.Test/PeopleTest.cs": `public class PeopleTest
{
    public PeopleTest(ContainerFixture fixture) { _fixture = fixture; }

    [Fact]
    public async Task Ping()
    {
        var response = await _fixture.Client.GetAsync("/ping");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
`,
        // The app's own client of another service on this machine is no test fixture.
        "src/Shop/Clients/StockClient.cs":
          'public class StockClient\n{\n    public StockClient(HttpClient http) { http.BaseAddress = new Uri("http://localhost:5005"); }\n}\n',
        "src/Shop.Test/StockClientTest.cs":
          'public class StockClientTest\n{\n    [Fact]\n    public async Task Stock()\n    {\n        var response = await new StockClient(http).Http.GetAsync("/stock");\n        Assert.Equal(HttpStatusCode.OK, response.StatusCode);\n    }\n}\n',
        // A client of someone else's API is no test of the app.
        "src/Shop.Test/GitHubTest.cs": `public class GitHubTest
{
    [Fact]
    public async Task Repos()
    {
        var client = new HttpClient { BaseAddress = new Uri("https://api.github.com") };
        var response = await client.GetAsync("/repos");
        Assert.True(response.IsSuccessStatusCode);
    }
}
`,
      }),
    );
    expect(calls.map((c) => `${c.file} ${c.note}`)).toEqual([
      "src/Shop.Test/PeopleTest.cs GET /ping",
    ]);
  });

  it("reads Laravel calls at the end of a request set-up chain, and route names built from a test property", () => {
    const routeNames = new Map([
      ["auth.logout", "/api/v1/auth/logout"],
      ["user.update", "/api/v1/user/{user}"],
      ["user.index", "/api/v1/user"],
    ]);
    const calls = findApiTestCalls(
      scanContextFrom({
        "tests/Feature/UserTest.php": `<?php
class UserTest extends TestCase
{
    protected string $route;

    protected function setUp(): void
    {
        parent::setUp();
        $this->route = 'user';
    }

    public function test_logout()
    {
        $response = $this->withHeaders(['Authorization' => "Bearer {$this->token($user)}"])
            ->post(route('auth.logout'));
        $this->actingAs($user)->getJson("/api/v1/me")->assertOk();
        $items = $user->posts()->get();
    }

    public function test_update()
    {
        $response = $this->putJson(route("{$this->route}.update", $user->id), $data);
        $response = $this->getJson(route("$this->route.index"));
        $response->assertStatus(200);
    }
}
`,
      }),
      routeNames,
    );
    expect(calls.map((c) => c.note)).toEqual([
      "POST /api/v1/auth/logout",
      "GET /api/v1/me",
      "PUT /api/v1/user/{user}",
      "GET /api/v1/user",
    ]);
  });

  it("reads TestRestTemplate's Kotlin extensions with their type first, and exchange's HttpMethod", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "src/test/kotlin/app/AddressTest.kt": `import org.springframework.boot.test.web.client.TestRestTemplate

class AddressTest(@Autowired val restTemplate: TestRestTemplate) {
  @Test
  fun crud() {
    restTemplate.getForObject<String>("/api/v1/test").also { assertThat(it).isEqualTo("Pong!") }
    restTemplate.exchange("/api/v1/address", HttpMethod.POST, entity, String::class.java)
    restTemplate.exchange(
      "/api/v1/address/\${id}",
      HttpMethod.DELETE,
      entity,
      String::class.java
    )
    restTemplate.exchange(url, method, entity, String::class.java)
  }
}
`,
      }),
    );
    expect(calls.map((c) => c.note)).toEqual([
      "GET /api/v1/test",
      "POST /api/v1/address",
      "DELETE /api/v1/address/${}",
      "ANY (path not literal)",
    ]);
  });

  it("reads a C# request built as an HttpRequestMessage and sent with SendAsync", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "tests/Api.Tests/AuthTests.cs": `public class AuthTests : IClassFixture<WebApplicationFactory<Program>>
{
    const string MeRoute = "/me";
    public async Task Flow()
    {
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/logout");
        using var me = new HttpRequestMessage(HttpMethod.Get, MeRoute);
        HttpRequestMessage patch = new(new HttpMethod("PATCH"), $"/users/{id}");
        var response = await _client.SendAsync(logout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
`,
      }),
    );
    expect(calls.map((c) => c.note)).toEqual(["POST /logout", "GET /me", "PATCH /users/{id}"]);
  });

  it("reads the path of a Django route called by name with reverse(), directly, through a variable or a helper", () => {
    const routeNames = new Map([
      ["blog:post-list", "/api/posts/"],
      ["blog:post-detail", "/api/posts/<int:pk>/"],
      ["verify", "/api/verify/"],
      ["user-list", "/api/users/"],
    ]);
    const calls = findApiTestCalls(
      scanContextFrom({
        "blog/tests/test_posts.py": `from django.urls import reverse
from rest_framework.test import APITestCase

USERS = reverse("user-list")


def detail_url(pk):
    return reverse("blog:post-detail", args=[pk])

class PostTests(APITestCase):
    url = reverse("verify")

    def users_url(self):
        return reverse("user-list")

    def test_list(self):
        url = reverse("blog:post-list")
        r = self.client.get(url)
        self.assertEqual(r.status_code, 200)

    def test_detail(self):
        r = self.client.delete(reverse("post-detail", kwargs={"pk": 1}))
        self.assertEqual(r.status_code, 200)

    def test_verify(self):
        r = self.client.post(self.url, {})
        self.assertEqual(r.status_code, 200)

    def test_users(self):
        r = self.client.get(self.users_url())
        self.assertEqual(r.status_code, 200)

    def test_all_users(self):
        r = self.client.get(USERS)
        self.assertEqual(r.status_code, 200)

    def test_patch(self):
        url = detail_url(1)
        r = self.client.patch(url, {"title": "x"})
        self.assertEqual(r.status_code, 200)

    def test_unknown(self):
        r = self.client.get(reverse("nowhere"))
        self.assertEqual(r.status_code, 200)
`,
      }),
      routeNames,
    );
    expect(calls.map((c) => c.note)).toEqual([
      "GET /api/posts/",
      "DELETE /api/posts/<int:pk>/",
      "POST /api/verify/",
      "GET /api/users/",
      "GET /api/users/",
      "PATCH /api/posts/<int:pk>/",
      "GET (path not literal)",
    ]);
  });

  it("reads an rswag spec's operation under the path of its path block", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "spec/requests/books_spec.rb": `require 'swagger_helper'
RSpec.describe 'books', type: :request do
  path '/v1/books' do
    post 'Create a book' do
      consumes 'application/json'
      response '201', 'created' do
        run_test!
      end
    end
    get 'List books' do
      response '200', 'ok' do
        run_test!
      end
    end
  end

  path '/v1/books/{id}' do
    delete 'Delete a book' do
      response '204', 'deleted' do
        run_test!
      end
    end
  end
end
`,
      }),
    );
    expect(calls.map((c) => `${c.line} ${c.note ?? ""}`)).toEqual([
      "4 POST /v1/books",
      "10 GET /v1/books",
      "18 DELETE /v1/books/{id}",
    ]);
  });

  it("reads a Rails path helper and a controller spec's action through the routes' names", () => {
    const routeNames = new Map([
      ["api_v1_articles", "/api/v1/articles"],
      ["api_v1_article", "/api/v1/articles/:id"],
      ["api/v1/articles#create", "/api/v1/articles"],
    ]);
    const calls = findApiTestCalls(
      scanContextFrom({
        "spec/requests/articles_spec.rb":
          "RSpec.describe 'Articles', type: :request do\n  it 'lists' do\n    get api_v1_articles_path\n    expect(response).to have_http_status(:ok)\n  end\n  it 'deletes' do\n    delete api_v1_article_url(article)\n    expect(response).to have_http_status(:no_content)\n  end\n  it 'misses' do\n    get unknown_path\n    expect(response).to have_http_status(:ok)\n  end\nend\n",
        "spec/controllers/articles_controller_spec.rb":
          "RSpec.describe Api::V1::ArticlesController, type: :controller do\n  it 'creates' do\n    post :create, params: { article: { title: 'x' } }\n    expect(response).to have_http_status(:created)\n  end\n  it 'archives' do\n    post :archive\n    expect(response).to have_http_status(:ok)\n  end\nend\n",
      }),
      routeNames,
    );
    expect(calls.map((c) => c.note).sort()).toEqual(
      [
        "GET /api/v1/articles",
        "DELETE /api/v1/articles/:id",
        "GET (path not literal)",
        "POST /api/v1/articles",
        "POST #archive",
      ].sort(),
    );
  });

  it("reads a Laravel test's route('name') through the routes' names", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "tests/Feature/PostTest.php":
          "<?php\nclass PostTest extends TestCase {\n  public function test_show() {\n    $this->getJson(route('posts.show', $post))->assertOk();\n    $this->deleteJson(route('posts.gone'))->assertOk();\n  }\n}\n",
      }),
      new Map([["posts.show", "/api/posts/{post}"]]),
    );
    expect(calls.map((c) => c.note)).toEqual([
      "GET /api/posts/{post}",
      "DELETE (path not literal)",
    ]);
  });

  it("follows a path literal continued by concatenation, each other operand a placeholder", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "src/test/java/app/CrashTests.java":
          'class CrashTests {\n  @Autowired TestRestTemplate rest;\n  @Test void oups() {\n    var r = rest.getForEntity("http://localhost:" + port + "/oups", String.class);\n    assertThat(r.getStatusCode().value()).isEqualTo(500);\n  }\n}\n',
        "test/users.test.ts":
          "import request from 'supertest';\nit('reads', async () => {\n  await request(app).get('/api/users/' + user.id + '/orders').expect(200);\n  await request(app).get('/api/users/'.concat(id)).expect(200);\n});\n",
        "tests/Feature/PostTest.php":
          "<?php\nclass PostTest extends TestCase {\n  public function test_show() {\n    $this->getJson('/api/posts/' . $post->id)->assertOk();\n  }\n}\n",
      }),
    );
    expect(calls.map((c) => c.note).sort()).toEqual(
      [
        "GET http://localhost:${}/oups",
        "GET /api/users/${}/orders",
        "GET /api/users/",
        "GET /api/posts/${}",
      ].sort(),
    );
  });

  it("reads Kotlin's MockMvc DSL, with a path from the file's constants too", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "src/test/kotlin/app/ArticleControllerTest.kt": `@AutoConfigureMockMvc
class ArticleControllerTest(@Autowired val mockMvc: MockMvc) {
    companion object {
        const val ARTICLES = "/api/articles"
    }
    @Test fun lists() {
        mockMvc.get("/api/articles?limit=2") { accept = MediaType.APPLICATION_JSON }
            .andExpect { status { isOk() } }
        mockMvc.post("/api/users") { content = body }
        restArticleMockMvc.delete("$ARTICLES/{slug}", slug)
        mvc.multipart("/api/files") { file(upload) }
        val result = mvcResult.get("/not/a/call")
        cache.get("/not/a/call/either")
    }
}
`,
        // The DSL's functions are MockMvc's: no test without it calls the app this way.
        "src/test/kotlin/app/ClientTest.kt":
          'class ClientTest {\n  fun x() = mvc.get("/elsewhere")\n}\n',
      }),
    );
    expect(calls.map((c) => `${c.line} ${c.note ?? ""}`)).toEqual([
      "7 GET /api/articles?limit=2",
      "9 POST /api/users",
      "10 DELETE /api/articles/{slug}",
      "11 POST /api/files",
    ]);
  });

  it("reads a JVM test's path built from the string constants of its own file", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "src/test/java/app/DepartmentControllerTest.java": `class DepartmentControllerTest {
    private static final String BASE_URL = "/api/v1/departments";
    private static final String ITEM = BASE_URL + "/{id}";
    // private static final String OLD = "/old";
    @Test void get() throws Exception {
        mockMvc.perform(get(BASE_URL + "/{id}", 1L)).andExpect(status().isOk());
        mockMvc.perform(delete(ITEM, 1L)).andExpect(status().isOk());
        mockMvc.perform(put(BASE_URL + "/" + dept.getId())).andExpect(status().isOk());
        mockMvc.perform(post(OLD)).andExpect(status().isOk());
        mockMvc.perform(get(url)).andExpect(status().isOk());
    }
}
`,
      }),
    );
    expect(calls.map((c) => `${c.line} ${c.note ?? ""}`)).toEqual([
      "6 GET /api/v1/departments/{id}",
      "7 DELETE /api/v1/departments/{id}",
      "8 PUT /api/v1/departments/${}",
      "9 POST (path not literal)",
      "10 GET (path not literal)",
    ]);
  });

  it("reads a JVM test's path built from string constants of other files: a paths class, a controller's, a static import", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "src/main/java/app/ApiPaths.java": `public final class ApiPaths {
    public static final String API = "/api/v1";
    public static final String BOOKS = API + "/books";
}
`,
        "src/main/java/app/AuthorController.java": `@RestController
@RequestMapping(AuthorController.BASE_URL)
public class AuthorController {
    public static final String BASE_URL = "/api/v1/authors";
}
`,
        "src/main/kotlin/app/Routes.kt": `object Routes {
    const val REVIEWS = "/api/v1/reviews"
}
`,
        "src/test/java/app/BookControllerTest.java": `import static app.ApiPaths.BOOKS;
class BookControllerTest {
    private static final String BASE_URL = "/local";
    @Test void calls() throws Exception {
        mockMvc.perform(get(ApiPaths.BOOKS + "/{id}", 1L)).andExpect(status().isOk());
        mockMvc.perform(post(BOOKS)).andExpect(status().isCreated());
        mockMvc.perform(get(AuthorController.BASE_URL)).andExpect(status().isOk());
        mockMvc.perform(get(BASE_URL)).andExpect(status().isOk());
        mockMvc.perform(delete(Routes.REVIEWS + "/" + id)).andExpect(status().isOk());
    }
}
`,
      }),
    );
    expect(calls.map((c) => `${c.line} ${c.note ?? ""}`)).toEqual([
      "5 GET /api/v1/books/{id}",
      "6 POST /api/v1/books",
      "7 GET /api/v1/authors",
      "8 GET /local",
      "9 DELETE /api/v1/reviews/${}",
    ]);
  });

  it("reads a JVM test's path held in a variable set once before the call", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "src/test/java/app/UserControllerTest.java": `class UserControllerTest {
    private static final String BASE = "/api/users";
    private final String health = "/health";
    private String mutable = "/first";
    @Test void byId() throws Exception {
        String url = "/api/users/" + id; // a comment with a } brace
        mockMvc.perform(get(url)).andExpect(status().isOk());
    }
    @Test void nested() throws Exception {
        var base = BASE + "/";
        final var url = base + id;
        if (ready) {
            mockMvc.perform(delete(url + "/roles")).andExpect(status().isNoContent());
        }
        mockMvc.perform(get(health)).andExpect(status().isOk());
    }
    @Test void reassigned() throws Exception {
        String url = "/a";
        url = "/b";
        mockMvc.perform(get(url)).andExpect(status().isOk());
    }
    private void call(String url) throws Exception {
        mockMvc.perform(get(url)).andExpect(status().isOk());
    }
    @Test void other() throws Exception {
        mockMvc.perform(post(url)).andExpect(status().isOk());
        mockMvc.perform(get(mutable)).andExpect(status().isOk());
    }
}
`,
        "src/test/kotlin/app/CustomerTest.kt": `class CustomerTest {
    @Autowired lateinit var mockMvc: MockMvc
    private val base = "/customers"
    @Test
    fun getInfo() {
        var uri = "/customers/$id"
        mockMvc.get(uri).andExpect { status { isOk() } }
        val list: String = "$base?page=1"
        mockMvc.get(list).andExpect { status { isOk() } }
    }
    fun helper(uri: String) = mockMvc.get(uri)
}
`,
      }),
    );
    expect(calls.map((c) => `${c.file.split("/").pop() ?? ""}:${c.line} ${c.note ?? ""}`)).toEqual([
      "UserControllerTest.java:7 GET /api/users/${}",
      "UserControllerTest.java:13 DELETE /api/users/${}/roles",
      "UserControllerTest.java:15 GET /health",
      "UserControllerTest.java:20 GET (path not literal)",
      "UserControllerTest.java:23 GET (path not literal)",
      "UserControllerTest.java:26 POST (path not literal)",
      "UserControllerTest.java:27 GET (path not literal)",
      "CustomerTest.kt:7 GET /customers/${}",
      "CustomerTest.kt:9 GET /customers?page=1",
      "CustomerTest.kt:11 GET (path not literal)",
    ]);
  });

  it("reads a Python f-string path that starts with a prefix from the settings", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "backend/tests/api/test_items.py":
          'def test_read(client):\n    r = client.get(f"{settings.API_V1_STR}/items/{item.id}")\n    assert r.status_code == 200\n',
      }),
    );
    expect(calls.map((c) => c.note)).toEqual(["GET {settings.API_V1_STR}/items/{item.id}"]);
  });

  it("reads a Python f-string path whose placeholder holds the other quote", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "tests/test_documents.py": `def test_delete(client):
    uploaded = client.post("/documents/upload", files=files).json()
    r = client.delete(f"/documents/{uploaded['id']}")
    r = client.post(f'/documents/{doc["id"]}/index')
    assert r.status_code == 200
`,
      }),
    );
    expect(calls.map((c) => c.note)).toEqual([
      "POST /documents/upload",
      "DELETE /documents/{uploaded['id']}",
      'POST /documents/{doc["id"]}/index',
    ]);
  });

  it("reads calls on a pytest fixture that yields a test client under a name of its own", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "tests/conftest.py": `import pytest
from starlette.testclient import TestClient


@pytest.fixture(scope="module")
def test_app():
    app = create_application()
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def summary():
    return {"url": "https://foo.bar"}
`,
        "tests/test_summaries.py": `def test_create_summary(test_app, summary):
    response = test_app.post("/summaries/", data=json.dumps(summary))
    assert response.status_code == 201
    assert summary.get("url") == "https://foo.bar"
`,
      }),
    );
    expect(calls).toEqual([{ file: "tests/test_summaries.py", line: 2, note: "POST /summaries/" }]);
  });

  it("names the method and path of HTTP calls from each stack's test harness", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "test/app.e2e-spec.ts":
          "import request from 'supertest';\nit('lists', () => request(app.getHttpServer())\n  .get('/api/articles')\n  .expect(200));\n",
        "test/fastify.test.ts":
          "const res = await app.inject({ method: 'POST', url: '/api/users', payload: {} });\nexpect(res.statusCode).toBe(201);\n",
        "tests/test_api.py":
          "def test_create(client):\n    r = client.post('/api/items', json={})\n    assert r.status_code == 201\n",
        "handler_test.go":
          'req := httptest.NewRequest(http.MethodDelete, "/v1/items/3", nil)\nrec := httptest.NewRecorder()\n',
        "tests/Feature/PostTest.php":
          "class PostTest extends TestCase {\n  public function test_update() {\n    $this->putJson('/api/posts/1', [])->assertOk();\n  }\n}\n",
        "spec/requests/articles_spec.rb":
          "RSpec.describe 'Articles', type: :request do\n  it 'shows' do\n    get '/articles/1'\n    expect(response).to have_http_status(:ok)\n  end\nend\n",
        "tests/Api.Tests/ItemsTests.cs":
          'public class ItemsTests : IClassFixture<WebApplicationFactory<Program>> {\n  async Task Get() { var r = await _client.GetAsync("/items"); }\n}\n',
      }),
    );
    expect(calls.map((c) => c.note).sort()).toEqual(
      [
        "GET /api/articles",
        "POST /api/users",
        "POST /api/items",
        "DELETE /v1/items/3",
        "PUT /api/posts/1",
        "GET /articles/1",
        "GET /items",
      ].sort(),
    );
    expect(calls.find((c) => c.note === "GET /api/articles")).toMatchObject({
      file: "test/app.e2e-spec.ts",
      line: 3,
    });
  });

  it("reads Rails controller specs that name the action, also inside subject and before blocks", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "spec/controllers/articles_controller_spec.rb":
          "describe ArticlesController do\n  describe '#index' do\n    subject { get :index }\n    it 'works' do\n      subject\n      expect(response).to have_http_status(:ok)\n    end\n  end\n  it 'paginates' do\n    get :index, params: { page: 2 }\n    expect(json_data.length).to eq 1\n  end\nend\n",
      }),
    );
    expect(calls.map((c) => `${c.line} ${c.note ?? ""}`)).toEqual([
      "3 GET #index",
      "10 GET #index",
    ]);
  });

  it("follows a supertest agent shared through a local helper module", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "test/helpers/server.js":
          "const request = require('supertest');\nconst app = require('../../app');\nmodule.exports = request(app.callback());\n",
        "test/user.test.js":
          "const server = require('./helpers/server');\nit('registers', async () => {\n  const res = await server.post('/api/v1/user/register').send(user);\n  expect(res.status).toBe(200);\n});\n",
        "test/cache.test.js":
          "const cache = require('./helpers/cache');\nit('keeps', () => { cache.get('/key'); expect(cache.size).toBe(1); });\n",
        "test/helpers/cache.js": "module.exports = new Map();\n",
      }),
    );
    expect(calls).toEqual([
      { file: "test/user.test.js", line: 3, note: "POST /api/v1/user/register" },
    ]);
  });

  it("reads supertest paths taken from imported constants, a constant object and the test's own consts", () => {
    const ctx = scanContextFrom({
      "src/constants/routes.ts":
        'export const API = "/api/v1";\nexport const ROUTES = { ROOT: "/", USERS: `${API}/users` } as const;\n',
      "test/users.e2e-spec.ts": [
        "import request from 'supertest';",
        "import { API, ROUTES } from '../src/constants/routes';",
        "it('lists', async () => {",
        "  await request(app).get(ROUTES.ROOT).expect(200);",
        "  await request(app).post(`${API}/users`).send(user).expect(201);",
        "  const url = `${ROUTES.USERS}/${id}`;",
        "  await request(app).delete(url).expect(404);",
        "  expect(res.headers.get(name)).toBe('x');",
        "  await request(app).get(someHelper(id)).expect(200);",
        "});",
        "",
      ].join("\n"),
      "test/helpers/request.js":
        "const supertest = require('supertest');\nmodule.exports = { request: () => supertest(app) };\n",
      "test/items.test.js": [
        "const { request } = require('./helpers/request');",
        "const BASE = '/api/items';",
        "it('reads', () => request().get(BASE + '/' + id).expect(200));",
        "it('reads any', () => request().get(makeUrl()).expect(200));",
        "",
      ].join("\n"),
    });
    const calls = findApiTestCalls(ctx, new Map(), jsTestPaths(ctx));
    expect(calls.map((c) => `${c.file} ${c.line} ${c.note ?? ""}`)).toEqual([
      "test/users.e2e-spec.ts 4 GET /",
      "test/users.e2e-spec.ts 5 POST /api/v1/users",
      "test/users.e2e-spec.ts 7 DELETE /api/v1/users/${id}",
      "test/items.test.js 3 GET /api/items/${id}",
      "test/items.test.js 4 GET (path not literal)",
    ]);
  });

  it("reads a test helper class whose field holds the path, its agent imported through a path alias", () => {
    const ctx = scanContextFrom({
      "tsconfig.json":
        '{ "compilerOptions": { "paths": { "@tests/*": ["tests/*"], "@src/*": ["src/*"] } } }\n',
      "src/configs/app.routes.ts":
        "const v1 = 'v1';\nexport const routesV1 = { version: v1, user: { root: 'users' } };\n",
      "tests/setup/server.ts":
        "import * as request from 'supertest';\nexport function getHttpServer() { return request(app.getHttpServer()); }\n",
      "tests/test-utils/ApiClient.ts": [
        "import { routesV1 } from '@src/configs/app.routes';",
        "import { getHttpServer } from '@tests/setup/server';",
        "export class ApiClient {",
        "  private url = `/${routesV1.version}/${routesV1.user.root}`;",
        "  private next = '/first';",
        "  async createUser(dto) { return (await getHttpServer().post(this.url).send(dto)).body; }",
        "  async deleteUser(id) { return (await getHttpServer().delete(`${this.url}/${id}`)).body; }",
        "  async page() { this.next = '/second'; return getHttpServer().get(this.next); }",
        "}",
        "",
      ].join("\n"),
    });
    const calls = findApiTestCalls(ctx, new Map(), jsTestPaths(ctx));
    expect(calls.map((c) => `${c.line} ${c.note ?? ""}`)).toEqual([
      "6 POST /v1/users",
      "7 DELETE /v1/users/${id}",
    ]);
  });

  it("reads supertest calls whose method is held in a variable", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "test/auth.test.ts": [
          "import request from 'supertest';",
          "const routes = [['get', '/api/orders'], ['delete', '/api/orders/1']];",
          "it.each(routes)('%s %s needs a token', async (method, url) => {",
          "  const res = await request(app)[method](url);",
          "  expect(res.status).toBe(401);",
          "});",
          "it('rejects', () => request(app.getHttpServer())[verb.toLowerCase()]('/api/admin').expect(403));",
          "it('reads a table', () => { const row = table[index](1); expect(row).toBeDefined(); });",
          "",
        ].join("\n"),
      }),
    );
    expect(calls.map((c) => `${c.line} ${c.note ?? ""}`)).toEqual([
      "4 ANY (path not literal)",
      "7 ANY /api/admin",
    ]);
  });

  it("reads Pest tests and .NET tests whose WebApplicationFactory is in another file, derived or held in a static member", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "tests/Pest.php": "<?php\nuses(Tests\\TestCase::class)->in('Feature');\n",
        "tests/Feature/BackupTest.php":
          "<?php\nit('lists backups', function () {\n    $this->getJson('/api/v1/backups')->assertOk();\n});\n",
        "TodoApi.Tests/TodoApplication.cs":
          "class TodoApplication : WebApplicationFactory<Program>\n{\n}\n",
        "TodoApi.Tests/TodoApiTests.cs":
          'public class TodoApiTests\n{\n    [Fact]\n    public async Task GetTodos()\n    {\n        await using var app = new TodoApplication();\n        var client = app.CreateClient();\n        var todos = await client.GetFromJsonAsync<List<Todo>>("/todos");\n        Assert.Empty(todos);\n    }\n}\n',
        "tests/PublicApi/ProgramTest.cs":
          "[TestClass]\npublic class ProgramTest\n{\n    private static WebApplicationFactory<Program> _application = new();\n    public static HttpClient NewClient => _application.CreateClient();\n}\n",
        "tests/PublicApi/CatalogItemGetById.cs":
          '[TestClass]\npublic class CatalogItemGetById\n{\n    [TestMethod]\n    public async Task ReturnsItem()\n    {\n        var response = await ProgramTest.NewClient.GetAsync("api/catalog-items/5");\n        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);\n    }\n}\n',
      }),
    );
    expect(calls.map((c) => `${c.file}:${c.line} ${c.note ?? ""}`)).toEqual([
      "tests/Feature/BackupTest.php:3 GET /api/v1/backups",
      "TodoApi.Tests/TodoApiTests.cs:8 GET /todos",
      "tests/PublicApi/CatalogItemGetById.cs:7 GET api/catalog-items/5",
    ]);
  });

  it("reads the .NET calls of Ardalis.HttpClientTestExtensions", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "tests/Web.FunctionalTests/ProjectList.cs":
          'public class ProjectList(CustomWebApplicationFactory<Program> factory) : IClassFixture<CustomWebApplicationFactory<Program>>\n{\n  [Fact]\n  public async Task ReturnsOneProject()\n  {\n    var result = await _client.GetAndDeserializeAsync<ProjectListResponse>("/Projects");\n    Assert.Single(result.Projects);\n    await _client.PostAndEnsureBadRequestAsync("/Projects", content);\n  }\n}\n',
      }),
    );
    expect(calls.map((c) => `${c.line} ${c.note ?? ""}`)).toEqual([
      "6 GET /Projects",
      "8 POST /Projects",
    ]);
  });

  it("reads Go requests whose method is a variable, and Symfony's test client", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "auth/api_test.go":
          'func testRequest(t *testing.T, ts *httptest.Server, method, path string) *http.Response {\n\treq, _ := http.NewRequest(method, ts.URL+path, nil)\n\treq2 := httptest.NewRequest(tc.method, "/login", nil)\n}\n',
        "tests/Api/BookTest.php":
          "<?php\nfinal class BookTest extends ApiTestCase\n{\n    public function testGet(): void\n    {\n        $this->client = self::createClient();\n        $this->client->request('GET', '/books/invalid');\n        static::createClient()->request('POST', $url, ['json' => []]);\n        self::assertResponseStatusCodeSame(404);\n    }\n}\n",
      }),
    );
    expect(calls.map((c) => `${c.file}:${c.line} ${c.note ?? ""}`)).toEqual([
      "auth/api_test.go:2 ANY (path not literal)",
      "auth/api_test.go:3 ANY /login",
      "tests/Api/BookTest.php:7 GET /books/invalid",
      "tests/Api/BookTest.php:8 POST (path not literal)",
    ]);
  });

  it("reads HTTP client calls to the app running on localhost", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "tests/main.test.js": [
          "import axios from 'axios';",
          "import { server } from '../src/app';",
          "const url = 'http://localhost:4000';",
          "const request = axios.create({ baseURL: url });",
          "it('signs up', async () => {",
          "  const response = await request.post('/api/v1/user/signup', user);",
          "  expect(response.status).toBe(200);",
          "});",
          "",
        ].join("\n"),
        "__test__/app.test.ts": [
          "const postSignup = (body) =>",
          "  fetch(`http://localhost:${config.apiPort}/signup`, {",
          '    method: "POST",',
          '    headers: { "Content-Type": "application/json" },',
          "    body: JSON.stringify(body),",
          "  });",
          "",
        ].join("\n"),
        "tests/api/test_vacancies.py": [
          "import httpx",
          "",
          "def test_can_get_vacancy_list():",
          "    response = httpx.get('http://localhost:8000/api/vacancies')",
          "    assert response.status_code == 200",
          "",
        ].join("\n"),
        // another service's API is not the app's
        "tests/test_payments.py":
          "import requests\n\ndef test_charge():\n    r = requests.post('https://api.stripe.com/v1/charges')\n    assert r.ok\n",
      }),
    );
    expect(calls.map((c) => `${c.file}:${c.line} ${c.note ?? ""}`)).toEqual([
      "tests/main.test.js:6 POST /api/v1/user/signup",
      "__test__/app.test.ts:2 POST /signup",
      "tests/api/test_vacancies.py:4 GET /api/vacancies",
    ]);
  });

  it("does not take a request to a route the test registers on its own router for an API call", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "go.mod": "module shop\n\nrequire github.com/gin-gonic/gin v1.10.0\n",
        "internal/test/controller_test.go": [
          "package test",
          "",
          "import (",
          '\t"net/http"',
          '\t"net/http/httptest"',
          '\t"testing"',
          "",
          '\t"github.com/gin-gonic/gin"',
          '\t"github.com/stretchr/testify/assert"',
          ")",
          "",
          "func TestPing(t *testing.T) {",
          "\tr := gin.Default()",
          '\tr.GET("/ping", func(c *gin.Context) {',
          '\t\tc.JSON(200, gin.H{"message": "pong"})',
          "\t})",
          "\tw := httptest.NewRecorder()",
          '\treq, _ := http.NewRequest("GET", "/ping", nil)',
          "\tr.ServeHTTP(w, req)",
          '\treq, _ = http.NewRequest("GET", "/products", nil)',
          "\tr.ServeHTTP(w, req)",
          "\tassert.Equal(t, 200, w.Code)",
          "}",
          "",
        ].join("\n"),
      }),
    );
    expect(calls.map((c) => `${c.file}:${c.line} ${c.note ?? ""}`)).toEqual([
      "internal/test/controller_test.go:20 GET /products",
    ]);
  });

  it("reads fetch calls to a local base URL the test holds in a variable", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "tests/auth/auth.test.js": [
          'import build from "../../app.js";',
          'import { test } from "node:test";',
          'test("Test signin", async (t) => {',
          "  const fastify = await build();",
          "  await fastify.listen();",
          '  const url = "http://localhost:" + fastify.server.address().port;',
          '  const response = await fetch(url + "/v1/auth/signin", {',
          '    method: "POST",',
          "    body: JSON.stringify({ email, password }),",
          "  });",
          "  t.assert.strictEqual(response.status, 401);",
          "  const users = await fetch(`${url}/v1/users`);",
          "});",
          "",
        ].join("\n"),
        // a base URL of another host is another service's API
        "tests/payments.test.js":
          'const base = "https://api.stripe.com";\ntest("x", async () => {\n  await fetch(base + "/v1/charges");\n});\n',
      }),
    );
    expect(calls.map((c) => `${c.file}:${c.line} ${c.note ?? ""}`)).toEqual([
      "tests/auth/auth.test.js:7 POST /v1/auth/signin",
      "tests/auth/auth.test.js:12 GET /v1/users",
    ]);
  });

  it("reads calls to the Compose services the repository builds, by their service name", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "docker-compose.yml":
          "services:\n  orders:\n    build:\n      context: .\n      dockerfile: ./apps/orders/Dockerfile\n  e2e:\n    build: ./e2e\n  mongo:\n    image: mongo:7\n",
        "e2e/specs/orders.e2e.spec.ts": [
          "test('creates an order', async () => {",
          "  const res = await fetch('http://orders:3001/orders', {",
          "    method: 'POST',",
          "    body: JSON.stringify({ item: 1 }),",
          "  });",
          "  expect(res.status).toBe(201);",
          "  await fetch('http://mongo:27017/');",
          "});",
          "",
        ].join("\n"),
      }),
    );
    // mongo is an image the repository does not build: not its API
    expect(calls.map((c) => `${c.file}:${c.line} ${c.note ?? ""}`)).toEqual([
      "e2e/specs/orders.e2e.spec.ts:2 POST /orders",
    ]);
  });

  it("does not take HTTP client calls in app code or mocked clients for API tests", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "src/api.ts": "export const load = () => axios.get('/api/articles');\n",
        "src/api.test.ts":
          "vi.mock('axios');\nit('loads', async () => { axios.get.mockResolvedValue({}); await load(); expect(axios.get).toHaveBeenCalledWith('/api/articles'); });\n",
        "tests/test_cache.py":
          "def test_cache(redis_client):\n    redis_client.get('key')\n    assert True\n",
      }),
    );
    expect(calls).toEqual([]);
  });

  it("reads JAX-RS client calls of Dropwizard's resource extensions, JerseyTest and @HelidonTest", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "src/test/java/app/PeopleResourceTest.java": `class PeopleResourceTest {
    static final ResourceExtension EXT = ResourceExtension.builder().addResource(resource).build();

    @Test
    void creates() {
        Response r = EXT.target("/people").request()
            .post(Entity.json(person));
        assertThat(r.getStatus()).isEqualTo(201);
        assertThat(EXT.target("/people/1").request(MediaType.APPLICATION_JSON).get(Person.class)).isEqualTo(person);
        EXT.target("/people/1").request().method("PATCH", Entity.json(change));
    }
}
`,
        "src/test/java/app/PeopleIT.java": `@HelidonTest
class PeopleIT {
    @Inject
    WebTarget target;

    @Test
    void lists() {
        var response = target
                .path("/api/people")
                .request()
                .get();
        assertThat(response.getStatus(), is(200));
    }
}
`,
      }),
    );
    expect(calls.map((c) => `${c.file} ${c.note} ${c.line}`)).toEqual([
      "src/test/java/app/PeopleResourceTest.java POST /people 6",
      "src/test/java/app/PeopleResourceTest.java GET /people/1 9",
      "src/test/java/app/PeopleResourceTest.java PATCH /people/1 10",
      "src/test/java/app/PeopleIT.java GET /api/people 8",
    ]);
  });

  it("reads JAX-RS client calls on a WebTarget kept in a variable, as Arquillian tests write them", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "src/test/java/app/it/LoanResourceIT.java": `@ExtendWith(ArquillianExtension.class)
class LoanResourceIT {
    @ArquillianResource URL base;

    @Test
    void listsLoans() {
        final WebTarget loans = client.target(URI.create(base.toExternalForm() + "api/loans"));
        try (Response r = loans.request()
                .accept(MediaType.APPLICATION_JSON)
                .get()) {
            assertEquals(200, r.getStatus());
        }
        WebTarget one = client.target(base + "api/loans/1");
        one.request().method("PATCH", Entity.json(change));
    }
}
`,
      }),
    );
    expect(calls.map((c) => `${c.note} ${c.line}`)).toEqual([
      "GET (path not literal) 8",
      "PATCH (path not literal) 14",
    ]);
  });
  it("reads Fastify injections through a helper that takes the options object last", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "test/routes/tasks.test.ts": `it("lists tasks", async (t) => {
  const res = await app.injectWithLogin('basic@example.com', {
    method: 'PATCH',
    url: \`/api/tasks/\${id}\`,
    query: { page: '2' }
  })
  const other = await app.injectAs(user, { method: 'GET', url: '/api/me' })
  assert.strictEqual(res.statusCode, 200)
})
`,
      }),
    );
    expect(calls).toEqual([
      { file: "test/routes/tasks.test.ts", line: 2, note: "PATCH /api/tasks/${id}" },
      { file: "test/routes/tasks.test.ts", line: 7, note: "GET /api/me" },
    ]);
  });

  it("reads Go requests built with a router's own method constant and a context", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "internal/http/book_test.go": `func TestList(t *testing.T) {
	req, err := http.NewRequestWithContext(context.Background(),
		echo.GET, "/books?page=2", nil)
	require.NoError(t, err)
	rec := httptest.NewRecorder()
	assert.Equal(t, http.StatusOK, rec.Code)
}
`,
      }),
    );
    expect(calls).toEqual([
      { file: "internal/http/book_test.go", line: 2, note: "GET /books?page=2" },
    ]);
  });

  it("reads Go request URLs from fmt.Sprintf, a variable assigned before, a test table's entries, and net/http's client", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "tests/article_test.go": `func TestArticle(t *testing.T) {
	req, _ := http.NewRequest("GET", fmt.Sprintf("/v1/article/%d", id), nil)
	url := fmt.Sprintf("/v1/article/%d", id)
	req, _ = http.NewRequest("PUT", url, nil)
	path := ts.URL + "/users/" + tt.id
	req, _ = http.NewRequest(http.MethodDelete, path, nil)
	list := ts.URL + "/users" + tt.query
	res, _ := http.Get(list)
	res, _ = http.Post(ts.URL+"/login", "application/json", body)
	res, _ = http.Get(remote)
	if url == "" {
		t.Fatal("no url")
	}
}

func TestTable(t *testing.T) {
	tests := []struct {
		name   string
		method string
		url    string
		body   map[string]string
	}{
		{name: "list", method: http.MethodGet, url: "/api/items"},
		{
			name:   "create",
			body:   map[string]string{"a": "b"},
			method: "POST",
			url:    "/api/items",
		},
		{name: "one", url: fmt.Sprintf("/api/items/%d", 1), method: echo.GET},
	}
	for _, tc := range tests {
		req := httptest.NewRequest(tc.method, tc.url, nil)
		other := httptest.NewRequest(http.MethodPatch, tc.url, nil)
		assert.Equal(t, http.StatusOK, rec.Code)
	}
}
`,
      }),
    );
    expect(calls.map((c) => `${c.line} ${c.note ?? ""}`)).toEqual([
      "2 GET /v1/article/%d",
      "4 PUT /v1/article/%d",
      "6 DELETE /users/${}",
      "33 GET /api/items",
      "33 POST /api/items",
      "33 GET /api/items/%d",
      "34 PATCH /api/items",
      "34 PATCH /api/items/%d",
      "8 GET /users",
      "9 POST /login",
    ]);
  });

  it("reads Go requests of gofight, apitest and net/http clients sent to the test server", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "router/server_test.go": `import "github.com/appleboy/gofight/v2"

func TestVersion(t *testing.T) {
	r := gofight.New()
	r.GET("/version").
		SetDebug(true).
		Run(routerEngine(), func(r gofight.HTTPResponse, rq gofight.HTTPRequest) {
			assert.Equal(t, http.StatusOK, r.Code)
		})
	r.POST("/api/push").SetJSON(gofight.D{"a": 1}).Run(routerEngine(), check)
}
`,
        "web/web_test.go": `import "github.com/steinfletcher/apitest"

func TestPages(t *testing.T) {
	getUser := apitest.NewMock().Get("http://users.example/users/1").RespondWith().End()
	apitest.New().
		Mocks(getUser).
		Handler(newApp().Router).
		Get("/podcasts/search").
		Expect(t).
		Status(http.StatusOK).
		End()
	apitest.New("create").Handler(h).Postf("/podcasts/%s/episodes", id).Expect(t).End()
	apitest.New().Handler(h).Method(http.MethodDelete).URL("/podcasts/1").Expect(t).End()
}
`,
        "api/api_test.go": `func TestClients(t *testing.T) {
	ts := httptest.NewServer(newRouter())
	res, _ := ts.Client().Get(ts.URL + "/health")
	res, _ = http.DefaultClient.Get(ts.URL + "/ready")
	client := &http.Client{}
	res, _ = client.Post(ts.URL+"/items", "application/json", body)
	value, _ := c.Get("user")
	if res.StatusCode != http.StatusOK {
		t.Fatal(res.StatusCode)
	}
}
`,
      }),
    );
    expect(calls.map((c) => `${c.file}:${c.line} ${c.note ?? ""}`)).toEqual([
      "router/server_test.go:5 GET /version",
      "router/server_test.go:10 POST /api/push",
      "web/web_test.go:8 GET /podcasts/search",
      "web/web_test.go:12 POST /podcasts/%s/episodes",
      "web/web_test.go:13 DELETE /podcasts/1",
      "api/api_test.go:3 GET /health",
      "api/api_test.go:4 GET /ready",
      "api/api_test.go:6 POST /items",
    ]);
  });

  it("reads the tables of a shared helper's type that the tests of other packages fill, one entry alone too", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "internal/test/api.go": `package test

type APITestCase struct {
	Name         string
	Method, URL  string
	Body         string
	WantStatus   int
}

func Endpoint(t *testing.T, router http.Handler, tc APITestCase) {
	req, _ := http.NewRequest(tc.Method, tc.URL, bytes.NewBufferString(tc.Body))
	res := httptest.NewRecorder()
	router.ServeHTTP(res, req)
	assert.Equal(t, tc.WantStatus, res.Code, "status mismatch")
}
`,
        "internal/album/api_test.go": `package album

func TestAPI(t *testing.T) {
	tests := []test.APITestCase{
		{"get all", "GET", "/albums", "", http.StatusOK},
		{"create", "POST", "/albums", \`{"name":"x"}\`, http.StatusCreated},
	}
	for _, tc := range tests {
		test.Endpoint(t, router, tc)
	}
}
`,
        "internal/healthcheck/api_test.go": `package healthcheck

func TestAPI(t *testing.T) {
	test.Endpoint(t, router, test.APITestCase{
		"ok", "GET", "/healthcheck", "", http.StatusOK,
	})
}
`,
      }),
    );
    expect(calls.map((c) => `${c.file}:${c.line} ${c.note ?? ""}`)).toEqual([
      "internal/test/api.go:11 GET /albums",
      "internal/test/api.go:11 POST /albums",
      "internal/test/api.go:11 GET /healthcheck",
    ]);
  });

  it("reads go-resty requests sent to the test server, with a literal path or a table's", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "router/router_test.go": `func TestRouter(t *testing.T) {
	tests := []struct {
		name   string
		method string
		route  string
	}{
		{name: "list", method: http.MethodGet, route: "/"},
	}
	for _, tt := range tests {
		server := httptest.NewServer(NewRouter())
		client := resty.New()
		_, err := client.R().SetHeader("Content-Type", "text/plain").Post(server.URL + "/update/gauge/a/1")
		resp, err := client.R().
			SetBody(tt.body).
			Execute(tt.method, server.URL+tt.route)
		assert.Equal(t, http.StatusOK, resp.StatusCode())
		other, _ := resty.New().R().Get("https://example.com/status")
	}
}
`,
      }),
    );
    expect(calls.map((c) => `${c.line} ${c.note ?? ""}`)).toEqual([
      "12 POST /update/gauge/a/1",
      "13 GET /",
    ]);
  });

  it("reads Go requests in a test file whose package starts the test server in another file", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "server/tests/main_test.go": `type MetricsSuite struct {
	suite.Suite
	srv *httptest.Server
}

func (ms *MetricsSuite) SetupTest() {
	ms.srv = httptest.NewServer(router.New())
}
`,
        "server/tests/value_test.go": `func (ms *MetricsSuite) TestValue() {
	request, err := http.NewRequest(http.MethodGet, ms.srv.URL+"/value/gauge/a", nil)
	ms.NoError(err)
}
`,
        "client/value_test.go": `func TestValue(t *testing.T) {
	request, err := http.NewRequest(http.MethodGet, "/value/gauge/a", nil)
	assert.NoError(t, err)
}
`,
      }),
    );
    expect(calls.map((c) => `${c.file}:${c.line} ${c.note ?? ""}`)).toEqual([
      "server/tests/value_test.go:2 GET /value/gauge/a",
    ]);
  });

  it("reads the Go requests a test helper makes from its callers' arguments", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "auth/api_test.go": `func TestLogin(t *testing.T) {
	res, body := testRequest(t, ts, "POST", "/login", req, "")
	res, _ = testRequest(t, ts, http.MethodGet, fmt.Sprintf("/users/%d", id), nil, token)
	res, _ = testRequest(t, ts, "DELETE", "/users/1", nil, token)
	if res.StatusCode != http.StatusOK {
		t.Errorf("got %d", res.StatusCode)
	}
}

func testRequest(t *testing.T, ts *httptest.Server, method, path string, body io.Reader, token string) (*http.Response, string) {
	req, err := http.NewRequest(method, ts.URL+path, body)
	return nil, ""
}
`,
      }),
    );
    expect(calls.map((c) => `${c.line} ${c.note ?? ""}`)).toEqual([
      "2 POST /login",
      "3 GET /users/%d",
      "4 DELETE /users/1",
    ]);
  });

  it("reads unkeyed Go test-table entries by the struct's field order, and tables and helpers in another test file of the package, a helper's table-field arguments too", () => {
    const notes = (files: Record<string, string>) =>
      findApiTestCalls(scanContextFrom(files)).map((c) => `${c.file}:${c.line} ${c.note ?? ""}`);
    expect(
      notes({
        "album/api_test.go": `func TestAlbums(t *testing.T) {
	tests := []struct {
		name         string
		method, url  string
		body         string
		header       http.Header
		want         int
		query        struct{ page int }
	}{
		{"list", "GET", "/albums", "", nil, http.StatusOK, struct{ page int }{1}},
		{"one", http.MethodGet, fmt.Sprintf("/albums/%d", 7), "", nil, http.StatusOK, struct{ page int }{}},
		{name: "keyed", method: "DELETE", url: "/albums/1"},
	}
	for _, tc := range tests {
		req := httptest.NewRequest(tc.method, tc.url, strings.NewReader(tc.body))
		assert.Equal(t, tc.want, rec.Code)
	}
}

func TestAlbumServer(t *testing.T) {
	cases := []struct {
		name string
		url  string
	}{
		{"cover", "/albums/1/cover"},
	}
	for _, tt := range cases {
		url := srv.URL + tt.url
		req, _ := http.NewRequest(http.MethodPost, url, nil)
		assert.NoError(t, err)
	}
}
`,
        "user/cases_test.go": `type apiCase struct {
	Name   string
	Method string
	URL    string \`json:"url"\`
	Status int
}

var userCases = map[string]apiCase{
	"create": {"create", "POST", "/users", http.StatusCreated},
	"update": {"update", http.MethodPut, "/users/1", http.StatusOK},
}
`,
        "user/run_test.go": `func TestUsers(t *testing.T) {
	for _, tc := range userCases {
		req, _ := http.NewRequest(tc.Method, tc.URL, nil)
		rec := httptest.NewRecorder()
		assert.Equal(t, tc.Status, rec.Code)
	}
}
`,
        "order/helpers_test.go": `func doRequest(t *testing.T, method, path string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, nil)
	return rec
}
`,
        "order/order_test.go": `func TestOrders(t *testing.T) {
	rec := doRequest(t, "GET", "/orders")
	assert.Equal(t, http.StatusOK, rec.Code)
}

func TestOrderTable(t *testing.T) {
	cases := []struct {
		url    string
		method string
		status int
	}{
		{"/orders/1", http.MethodDelete, http.StatusNoContent},
	}
	for _, v := range cases {
		rec := doRequest(t, v.method, v.url)
		assert.Equal(t, v.status, rec.Code)
	}
}
`,
      }),
    ).toEqual([
      "album/api_test.go:15 DELETE /albums/1",
      "album/api_test.go:15 GET /albums",
      "album/api_test.go:15 GET /albums/%d",
      "album/api_test.go:29 POST /albums/1/cover",
      "user/run_test.go:3 POST /users",
      "user/run_test.go:3 PUT /users/1",
      "order/order_test.go:2 GET /orders",
      "order/order_test.go:15 DELETE /orders/1",
    ]);
  });

  it("reads a C# test's route constant, a route builder of its class, and a local variable holding one", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "src/Web/Contributors/Create.cs": `namespace Web.Contributors;
public class CreateContributorRequest
{
  public const string Route = "/Contributors";
  public string Name { get; set; } = "";
}
`,
        "src/Web/Contributors/GetById.cs": `public record GetContributorByIdRequest
{
  public const string Route = "/Contributors/{ContributorId:int}";
  public static string BuildRoute(int id) => Route.Replace("{ContributorId:int}", id.ToString());
}
`,
        "tests/Functional/ContributorTests.cs": `public class ContributorTests(WebApplicationFactory<Program> factory)
{
  private const string Health = "/health";
  private readonly HttpClient _client = factory.CreateClient();

  [Fact]
  public async Task CreatesAndReads()
  {
    var created = await _client.PostAsJsonAsync(CreateContributorRequest.Route, new { Name = "a" });
    var one = await _client.GetAndDeserializeAsync<ContributorRecord>(GetContributorByIdRequest.BuildRoute(1));
    string route = GetContributorByIdRequest.BuildRoute(1000);
    _ = await _client.GetAndEnsureNotFoundAsync(route);
    var ok = await _client.GetAsync(Health);
    var other = await _client.GetAsync(unknownUrl);
    Assert.True(ok.IsSuccessStatusCode);
  }
}
`,
      }),
    );
    expect(calls.map((c) => `${c.line} ${c.note ?? ""}`)).toEqual([
      "9 POST /Contributors",
      "10 GET /Contributors/{ContributorId:int}",
      "12 GET /Contributors/{ContributorId:int}",
      "13 GET /health",
      "14 GET (path not literal)",
    ]);
  });

  it("reads a PHP test's path built from the test class's property and constants, its own or its base class's", () => {
    const calls = findApiTestCalls(
      scanContextFrom({
        "tests/TestCase.php": `<?php
abstract class TestCase extends BaseTestCase
{
    public const BASE_API_URI = '/api/v1';
}
`,
        "tests/Feature/UserTest.php": `<?php
class UserTest extends TestCase
{
    private string $baseUri = self::BASE_API_URI.'/users';

    public function test_users(): void
    {
        $this->getJson($this->baseUri)->assertOk();
        $this->getJson("$this->baseUri/$user->id")->assertOk();
        $this->patchJson("{$this->baseUri}/{$user->id}", $edits)->assertOk();
        $this->get(self::BASE_API_URI.'/countries')->assertOk();
        $this->get("$this->unknown/x")->assertOk();
    }
}
`,
      }),
    );
    expect(calls.map((c) => `${c.line} ${c.note ?? ""}`)).toEqual([
      "8 GET /api/v1/users",
      "9 GET /api/v1/users/$user->id",
      "10 PATCH /api/v1/users/{$user->id}",
      "11 GET /api/v1/countries",
      "12 GET $this->unknown/x",
    ]);
  });

  it("counts a Go testify suite that asserts through its receiver as real tests that call the API", () => {
    const suite = `package http_test

import (
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/suite"
)

type TodoSuite struct {
	suite.Suite
}

func (s *TodoSuite) TestCreate() {
	req := httptest.NewRequest("POST", "/api/todos", nil)
	rec := httptest.NewRecorder()
	app.ServeHTTP(rec, req)
	s.Equal(http.StatusBadRequest, rec.Code)
}

func TestTodoSuite(t *testing.T) {
	suite.Run(t, new(TodoSuite))
}
`;
    const files = { "internal/http/todo_controller_test.go": suite };
    expect(detect(files)?.test_files?.value).toBe(1);
    expect(findApiTestCalls(scanContextFrom(files))).toEqual([
      { file: "internal/http/todo_controller_test.go", line: 15, note: "POST /api/todos" },
    ]);
    // a suite whose methods assert nothing is no real test
    const empty = suite.replace("\ts.Equal(http.StatusBadRequest, rec.Code)\n", "");
    expect(detect({ "internal/http/todo_controller_test.go": empty })?.test_files?.value).toBe(0);
  });

  it("does not count a new Laravel app's home-page example as a real or an API test", () => {
    const ctx = scanContextFrom({
      "tests/Feature/ExampleTest.php": `<?php
class ExampleTest extends TestCase
{
    public function test_home_page_answers(): void
    {
        $response = $this->get('/');

        $response->assertStatus(200);
    }
}
`,
      "tests/Unit/ExampleTest.php":
        "<?php\nclass ExampleTest extends TestCase {\n  public function test_truth(): void { $this->assertTrue(true); }\n}\n",
    });
    expect(findApiTestCalls(ctx)).toEqual([]);
    expect(classifyTestFiles(ctx).map((v) => v.real)).toEqual([false, false]);
  });

  it("maps call names to HTTP methods", () => {
    expect(methodFromName("getJson")).toBe("GET");
    expect(methodFromName("PostAsJsonAsync")).toBe("POST");
    expect(methodFromName("exchange")).toBe("ANY");
  });
});
