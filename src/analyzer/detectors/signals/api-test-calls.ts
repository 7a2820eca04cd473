/**
 * Tests that exercise the app's HTTP endpoints (api_tests, tested_endpoints and api_error_tests
 * are derived from them): each stack's test harness calls, with "METHOD /path" notes.
 */
import type { Evidence } from "../../report.js";
import { evidence, type ScanContext, type SourceFile } from "../../scan-context.js";
import type { ConstantTable } from "../stack-jvm/jvm-constants.js";
import { contains } from "../stack-text/keyword-search.js";
import { ModulePaths } from "../stack-node/module-paths.js";
import { mayCallTheApi } from "./detect-tests.js";
import { csConstantPath, csRouteConstants } from "./cs-route-constants.js";
import { builtComposeServices } from "./detect-microservices.js";
import { phpMemberPath, phpTestConstants } from "./php-test-paths.js";
import {
  CS_EXTS,
  esc,
  GO_EXTS,
  JS_EXTS,
  JVM_EXTS,
  PHP_EXTS,
  PY_EXTS,
  RB_EXTS,
} from "./signal-kit.js";
import {
  argumentsAt,
  constantPath,
  continuedPath,
  controllerActionPath,
  rswagPath,
  GO_METHOD,
  goVariableCalls,
  jvmProjectConstants,
  methodFromName,
  namedRoutePath,
  REVERSE_CALL,
  reversedInto,
  type CallSite,
  type GoCall,
} from "./test-call-paths.js";

interface ApiCallPattern {
  readonly exts: readonly string[];
  /** the file must contain one of these before the pattern runs */
  readonly when: readonly string[];
  /** global regex */
  readonly re: RegExp;
  /** method and literal path (undefined when not a literal) of a match */
  readonly read: (m: RegExpExecArray, site: CallSite) => readonly [string, string | undefined];
  /** the calls of a match whose path is held elsewhere (a variable, a test table), if known */
  readonly readMany?: (m: RegExpExecArray, site: CallSite) => readonly GoCall[];
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
  /**
   * a `when` word in another test file of the Go package counts too (a suite whose test server
   * one file starts for the others)
   */
  readonly whenInPackage?: boolean;
  /** classes the repository derives from a `when` word (group 1, 2 or 3) count as `when` words too */
  readonly derived?: RegExp;
  /**
   * besides files with a `when` word, test files with one of these are searched for `derived`
   * classes (the app's own typed clients of other local services are not test fixtures)
   */
  readonly derivedWhen?: readonly string[];
}

const byName =
  (methodGroup: number, pathGroup: number) =>
  (m: RegExpExecArray): readonly [string, string | undefined] => [
    methodFromName(m[methodGroup] ?? ""),
    m[pathGroup],
  ];

const HTTP_VERB = "get|post|put|patch|delete|head|options";

/** The call of a JavaScript match whose method name is group 1, its path evaluated (js-test-paths.ts). */
function jsCalls(m: RegExpExecArray, site: CallSite): GoCall[] {
  const name = m[1] ?? "";
  const path = site.jsPath?.(site.file, m.index + m[0].lastIndexOf(`.${name}`) + 1);
  return path === undefined ? [] : [[methodFromName(name), path]];
}

/**
 * A test that registers the route it calls on a router of its own
 * (`r := gin.Default(); r.GET("/ping", …)` then `http.NewRequest("GET", "/ping", nil)`) tests
 * that inline handler, not the application's API.
 */
function servesItself(file: SourceFile, path: string): boolean {
  if (!file.text.includes(path)) return false;
  const quoted = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    `\\.(?:GET|POST|PUT|PATCH|DELETE|Get|Post|Put|Patch|Delete|HandleFunc|${HTTP_VERB})\\s*\\(\\s*["'\`]${quoted}["'\`]\\s*,\\s*(?:func\\b|function\\b|async\\b|\\(|[\\w$]+\\s*=>)`,
  ).test(file.text);
}

/** A base URL of the app on this machine, its port read at run time or written in. */
const LOCAL_BASE_URL = /['"`]https?:\/\/(?:localhost|127\.0\.0\.1)(?::\d+)?:?['"`$]/;

/** Laravel's request methods of a test case. */
const PHP_TEST_VERB =
  "getJson|postJson|putJson|patchJson|deleteJson|get|post|put|patch|delete|json";
/** Laravel test-case methods that set a request up and return the test case for the call. */
const PHP_REQUEST_SETUP =
  "actingAs|be|withHeaders?|withToken|withBasicAuth|withoutToken|withCookies?|withUnencryptedCookies?|withSession|withoutMiddleware|withMiddleware|withoutExceptionHandling|withExceptionHandling|withServerVariables|withCredentials|from|followingRedirects";

/** A route name with the test class's members put in (`{$this->route}.update` → `user.update`). */
function phpRouteName(site: CallSite, name: string): string {
  if (!name.includes("$this->") || site.phpConstants === undefined) return name;
  return phpMemberPath(site.file, `"${name}"`, site.phpConstants) ?? name;
}
/**
 * `class TodoApplication : WebApplicationFactory<Program>` in a file of its own: tests that use
 * TodoApplication are API tests too; so are those that use a class holding the factory in a
 * static member (`ProgramTest.NewClient` over `static WebApplicationFactory<Program>`), and those
 * that use a fixture whose HttpClient's base address is the app on this machine (`BaseAddress =
 * new Uri("http://127.0.0.1:9999")`, the app started with Docker Compose for the tests).
 */
const CS_TEST_HOST_CLASS =
  /\bclass\s+(\w+)\s*(?:<[^>]*>)?\s*:\s*(?:WebApplicationFactory|TestServer)\b|\bclass\s+(\w+)(?=[^{;]{0,300}\{[^}]{0,300}?\bstatic\s+(?:readonly\s+)?(?:WebApplicationFactory|TestServer)\b)|\bclass\s+(\w+)(?=[^{;]{0,300}\{[\s\S]{0,3000}?\bBaseAddress\s*=\s*new\s+Uri\s*\(\s*\$?"https?:\/\/(?:localhost|127\.0\.0\.1)\b)/g;
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
 * Python test-client calls on a client named by `client` (a regex). The path is a literal (an
 * f-string's placeholders may hold the other quote: `f"/items/{item['id']}"`),
 * Django's reverse("name") of a named route, or a variable that holds one
 * (`url = reverse("post-list")`, `self.url` set in setUp).
 */
function pythonClientCalls(client: string, when: readonly string[]): ApiCallPattern {
  return {
    exts: PY_EXTS,
    when,
    re: new RegExp(
      `\\b${client}\\.(${HTTP_VERB})\\s*\\(\\s*(?:f?(['"])(/(?:[^'"{\\n]|\\{[^{}\\n]{0,80}\\}){0,200}|\\{[^{}'"]*\\}/[^'"]*)\\2|${REVERSE_CALL}|((?:self\\.)?[A-Za-z_]\\w*)\\s*(\\(?))?`,
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
    // supertest with a path that is no literal: a constant, a constant object's property, a
    // template of them (`request(app).get(ROUTES.ROOT)`, `` .post(`${API}/users`) ``); read only
    // where it evaluates to a path, since `.get(key)` of a Map or a header is no call.
    exts: JS_EXTS,
    when: ["supertest"],
    re: new RegExp(`\\.(${HTTP_VERB})\\s*\\(\\s*(?=[A-Za-z_$]|\`\\$\\{)`, "g"),
    read: (m) => [methodFromName(m[1] ?? ""), undefined],
    readMany: (m, site) => jsCalls(m, site),
    knownPathsOnly: true,
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
    readMany: (m, site) => (m[3] === undefined ? jsCalls(m, site) : []),
    // supertest files are covered, call by call, by the patterns above
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
    // fetch to a base URL of the app this test started on this machine, held in a variable:
    // `const url = "http://localhost:" + app.server.address().port;` then
    // `fetch(url + "/v1/auth/signin", { method: "POST" })` or fetch(`${url}/v1/users`).
    exts: JS_EXTS,
    when: ["fetch("],
    re: /\bfetch\s*\(\s*(?:[\w.]{1,40}\s*\+\s*(['"`])(\/[^'"`]*)\1|`\$\{[\w.]{1,40}\}(\/[^`$]*)`)(?:\s*,\s*\{[\s\S]{0,200}?\bmethod\s*:\s*['"`](\w+)['"`])?/g,
    read: (m) => [(m[4] ?? "GET").toUpperCase(), m[2] ?? m[3]],
    applies: (f) => LOCAL_BASE_URL.test(f.text),
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
      `\\bperform\\s*\\(\\s*(?:MockMvcRequestBuilders\\.)?(${HTTP_VERB}|multipart)\\s*\\(\\s*(?:"([^"$]*)")?`,
      "g",
    ),
    read: (m) => [m[1] === "multipart" ? "POST" : methodFromName(m[1] ?? ""), m[2]],
    constantArgument: true,
  },
  {
    // Kotlin's MockMvc DSL: `mockMvc.get("/articles") { … }`, `mvc.post("/users") { content = … }`
    // (extension functions of MockMvc, the receiver named as such fields are).
    exts: ["kt"],
    when: ["MockMvc"],
    re: new RegExp(
      `\\b\\w{0,30}?(?:Mvc|MVC|mvc)\\s*\\.\\s*(${HTTP_VERB}|multipart)\\s*\\(\\s*(?:"([^"$]*)")?`,
      "g",
    ),
    read: (m) => [m[1] === "multipart" ? "POST" : methodFromName(m[1] ?? ""), m[2]],
    constantArgument: true,
  },
  {
    exts: JVM_EXTS,
    when: ["TestRestTemplate"],
    constantArgument: true,
    // Kotlin's reified extensions take the type first (`getForEntity<String>("/x")`); exchange
    // names its method in an argument after the URL (`HttpMethod.DELETE`).
    re: /\.(getForEntity|getForObject|postForEntity|postForObject|postForLocation|put|delete|patchForObject|exchange)\s*(?:<[^<>()\n]{0,80}>)?\s*\(\s*(?:"([^"$]*)")?/g,
    read: (m, site) => [
      m[1] === "exchange"
        ? (/^HttpMethod\.([A-Z]+)$/.exec(
            argumentsAt(site.file.text, m.index + m[0].length)[1] ?? "",
          )?.[1] ?? "ANY")
        : methodFromName(m[1] ?? ""),
      m[2],
    ],
  },
  {
    exts: JVM_EXTS,
    when: ["WebTestClient"],
    constantArgument: true,
    re: new RegExp(`\\.(${HTTP_VERB})\\s*\\(\\s*\\)\\s*\\.uri\\s*\\(\\s*(?:"([^"$]*)")?`, "g"),
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
    whenInPackage: true,
    // The method as http.MethodGet, "GET", or a router's own constant (echo.GET, fiber.MethodGet),
    // or a variable (a request helper's `method`, a table's `tc.method`). The URL as a literal,
    // after the test server's URL, a fmt.Sprintf format, or a variable (see goVariableCalls).
    re: new RegExp(
      `\\b(?:httptest|http)\\.NewRequest(?:WithContext\\s*\\(\\s*[\\w.()]+?\\s*,|\\s*\\()\\s*(?:${GO_METHOD}|([A-Za-z_][\\w.]*))\\s*,\\s*(?:"([^"]*)"|(?:\\w+\\.){0,3}\\w+\\.URL\\s*\\+\\s*"([^"]*)"|fmt\\.Sprintf\\s*\\(\\s*"([^"]*)"|(?:(?:\\w+\\.){0,3}\\w+\\.URL\\s*\\+\\s*)?([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)?)\\s*[,)])?`,
      "g",
    ),
    read: (m) => [methodFromName(m[1] ?? m[2] ?? m[3] ?? ""), m[5] ?? m[6] ?? m[7]],
    readMany: (m, site) => {
      const variable = m[8];
      // `ts.URL` alone is the test server's root; `tc.URL` a table's field: only a table gives paths.
      if (variable === undefined || variable === "nil") return [];
      const named = m[1] ?? m[2] ?? m[3];
      return goVariableCalls(
        site,
        m.index,
        variable,
        named === undefined ? undefined : methodFromName(named),
        m[4],
      );
    },
  },
  {
    // net/http's own client sent to the test server: http.Get(ts.URL + "/hello"),
    // http.Post(path, "application/json", body) with `path := ts.URL + "/users"`, and the same
    // methods of a client: http.DefaultClient, the server's ts.Client(), a `client` variable.
    exts: GO_EXTS,
    when: ["httptest"],
    whenInPackage: true,
    re: /\b(?:http(?:\.DefaultClient)?|\w+\.Client\(\s*\)|\w*[cC]lient)\.(Get|Head|Post|PostForm)\s*\(\s*(?:(?:\w+\.){0,3}\w+\.URL\s*\+\s*"([^"]*)"|([A-Za-z_]\w*)\s*[,)])/g,
    read: (m) => [methodFromName(m[1] ?? ""), m[2]],
    knownPathsOnly: true,
    readMany: (m, site) =>
      m[3] === undefined
        ? []
        : goVariableCalls(site, m.index, m[3], methodFromName(m[1] ?? ""), undefined),
  },
  {
    // go-resty sent to the test server: client.R().SetBody(b).Post(server.URL + "/update"),
    // .Execute(tt.method, server.URL+tt.route) with the URL from a test table. Go ends a line
    // of a call chain with its dot.
    exts: GO_EXTS,
    when: ["httptest"],
    whenInPackage: true,
    applies: (f) => f.text.includes(".R()"),
    re: /\.R\(\)[^;]{0,300}?\.\s*(Get|Post|Put|Patch|Delete|Head|Options|Execute)\(\s*(?:(?:\w+\.Method(\w+)|"(\w+)"|([A-Za-z_][\w.]*))\s*,\s*)?(?:\w+\.){0,3}\w+\.URL\s*\+\s*(?:"([^"]*)"|([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)\s*\))/g,
    read: (m) => [methodFromName((m[1] === "Execute" ? (m[2] ?? m[3]) : m[1]) ?? ""), m[5]],
    knownPathsOnly: true,
    readMany: (m, site) => {
      if (m[6] === undefined) return [];
      const named = m[1] === "Execute" ? (m[2] ?? m[3]) : m[1];
      return goVariableCalls(
        site,
        m.index,
        m[6],
        named === undefined ? undefined : methodFromName(named),
        m[4],
      );
    },
  },
  {
    // gofight (appleboy/gofight): r.GET("/users").SetJSON(…).Run(engine, func(…) { … })
    exts: GO_EXTS,
    when: ["gofight"],
    re: /\.(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\(\s*"([^"]*)"\s*\)/g,
    read: (m) => [m[1] ?? "ANY", m[2]],
  },
  {
    // steinfletcher/apitest: apitest.New().Handler(h).Get("/users").Expect(t)…End(), a path
    // with Getf's verbs, or .Method(http.MethodPost).URL("/users"); Go ends a line of a chain with
    // its dot. The request is looked for
    // in the chain up to its End(), so a mock's `apitest.NewMock().Get(…)` is never read.
    exts: GO_EXTS,
    when: ["apitest"],
    re: /\bapitest\.New\([^()]*\)(?:(?!apitest\.|\.End\()[\s\S]){0,400}?\.\s*(?:(Get|Post|Put|Patch|Delete|Head|Options)f?\(\s*"([^"]*)"|Method\(\s*(?:http\.Method(\w+)|"(\w+)")\s*\)\s*\.\s*URL\(\s*"([^"]*)")/g,
    read: (m) => [methodFromName(m[1] ?? m[3] ?? m[4] ?? ""), m[2] ?? m[5]],
    // cited at the request's line, not the chain's first
    readMany: (m) => {
      const [method, path] = [methodFromName(m[1] ?? m[3] ?? m[4] ?? ""), m[2] ?? m[5] ?? ""];
      const at = m[0].lastIndexOf(m[1] ?? "Method(");
      return [[method, path, m.index + at]];
    },
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
      rswagPath(site.file.text, m.index, m[3]) ??
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
    // The path is a literal or a named route: `route('posts.show', $post)`, its name possibly
    // holding a member of the test class (`route("{$this->route}.update", $user)`). The call is
    // on the test case, also at the end of a chain that sets the request up
    // (`$this->withHeaders([...])->post(…)`, `$this->actingAs($user)\n->getJson(…)`).
    re: new RegExp(
      String.raw`(?:\$this->|\bthis\(\)->|(?<![\w>$])|(?<=->)(?=${PHP_TEST_VERB}\s*\()(?<=\$this->(?:${PHP_REQUEST_SETUP})\b[^;]{0,400}?->))(${PHP_TEST_VERB})\s*\(\s*(?:(['"])([^'"]*)\2|route\s*\(\s*(['"])((?:[\w.-]|\{\$this->\w+\}|\$this->\w+){1,80})\4)?(?:\s*,\s*(['"])([^'"]*)\6)?`,
      "g",
    ),
    read: (m, site) =>
      m[1] === "json"
        ? [(m[3] ?? "ANY").toUpperCase(), m[7]]
        : [
            methodFromName(m[1] ?? ""),
            // A path of the test class's members: `"$this->baseUri/tokens"`, `self::API.'/x'`.
            (site.phpConstants === undefined
              ? undefined
              : phpMemberPath(
                  site.file,
                  argumentsAt(site.file.text, m.index + m[0].indexOf("(") + 1)[0] ?? "",
                  site.phpConstants,
                )) ??
              m[3] ??
              (m[5] === undefined ? undefined : site.routeNames.get(phpRouteName(site, m[5]))),
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
    // The path is a literal or a route constant (`CreateContributorRequest.Route`, see
    // cs-route-constants.ts).
    re: /\.(GetAsync|PostAsync|PutAsync|DeleteAsync|PatchAsync|GetFromJsonAsync|PostAsJsonAsync|PutAsJsonAsync|PatchAsJsonAsync|GetStringAsync|(?:Get|Post|Put|Patch|Delete)And\w*Async)(?:<[^()]*?>)?\s*\(\s*(?:\$?"([^"]*)"|([A-Za-z_][\w.]*))?/g,
    read: (m, site) => [
      methodFromName(m[1] ?? ""),
      m[2] ??
        (m[3] === undefined || site.csConstants === undefined
          ? undefined
          : csConstantPath(site.file, m.index, m[3], site.csConstants())),
    ],
    derived: CS_TEST_HOST_CLASS,
    derivedWhen: ["BaseAddress"],
  },
  {
    // A request built first and sent with SendAsync: `new HttpRequestMessage(HttpMethod.Post,
    // "/logout")`, `new(HttpMethod.Get, "/me")`, `new HttpRequestMessage(new HttpMethod("PATCH"), …)`.
    exts: CS_EXTS,
    when: ["WebApplicationFactory", "TestServer"],
    re: /\bnew\s*(?:HttpRequestMessage\s*)?\(\s*(?:HttpMethod\.(\w+)|new\s+HttpMethod\s*\(\s*"(\w+)"\s*\))\s*,\s*(?:\$?"([^"]*)"|([A-Za-z_][\w.]*))?/g,
    read: (m, site) => [
      methodFromName(m[1] ?? m[2] ?? ""),
      m[3] ??
        (m[4] === undefined || site.csConstants === undefined
          ? undefined
          : csConstantPath(site.file, m.index, m[4], site.csConstants())),
    ],
    derived: CS_TEST_HOST_CLASS,
    derivedWhen: ["BaseAddress"],
  },
];

/**
 * The other Go test files of a test file's directory: a Go package's tests share its test
 * tables and request helpers across files. Indexed on first use.
 */
function goTestPackages(ctx: ScanContext): (file: SourceFile) => readonly SourceFile[] {
  let byDir: Map<string, SourceFile[]> | undefined;
  return (file) => {
    if (byDir === undefined) {
      byDir = new Map();
      for (const f of ctx.files) {
        if (!f.path.endsWith("_test.go")) continue;
        const dir = f.path.slice(0, f.path.lastIndexOf("/") + 1);
        const list = byDir.get(dir) ?? [];
        list.push(f);
        byDir.set(dir, list);
      }
    }
    const dir = file.path.slice(0, file.path.lastIndexOf("/") + 1);
    return (byDir.get(dir) ?? []).filter((f) => f !== file);
  };
}

const API_EXTS = new Set(API_CALLS.flatMap((p) => p.exts));

/** The path a JavaScript call's argument evaluates to, by its method name's offset. */
export type JsPathReader = (file: SourceFile, nameAt: number) => string | undefined;

/**
 * The reader of JavaScript test paths that are no literal (js-test-paths.ts), for the
 * repositories whose JavaScript may call the app through supertest: the TypeScript parser it
 * needs takes hundreds of milliseconds to load.
 */
export async function jsPathReader(ctx: ScanContext): Promise<JsPathReader | undefined> {
  // Only test code is read for calls (mayCallTheApi), so only its files can need the parser.
  const needed = ctx.files.some(
    (f) =>
      f.role === "test" &&
      JS_EXTS.includes(f.ext) &&
      (contains(f.text, "supertest") || contains(f.text, "request(")),
  );
  return needed ? (await import("./js-test-paths.js")).jsTestPaths(ctx) : undefined;
}

/**
 * `require("./server")`, `from "../helpers/agent"`, or through a path alias
 * (`from "@tests/setup/server"`, `"~/test/agent"`): a module of the repository.
 */
const LOCAL_IMPORT = /(?:\bfrom\s*|\brequire\(\s*)['"]((?:\.{1,2}|@[\w-]*|~)\/[^'"]+)['"]/g;

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
  jsPath?: JsPathReader,
): Evidence[] {
  const out: Evidence[] = [];
  const seen = new Set<string>();
  const modules = new ModulePaths(ctx);
  const derivedByPattern = new Map<RegExp, string[]>();
  const derivedWords = (pattern: ApiCallPattern): readonly string[] => {
    if (pattern.derived === undefined) return [];
    let words = derivedByPattern.get(pattern.derived);
    if (words === undefined) {
      const found = new Set<string>();
      for (const f of ctx.files) {
        const holds = (w: string) => f.text.includes(w);
        const searched =
          pattern.when.some(holds) ||
          (f.role === "test" && (pattern.derivedWhen ?? []).some(holds));
        if (!pattern.exts.includes(f.ext) || !searched) continue;
        for (const m of f.text.matchAll(pattern.derived)) {
          const name = m[1] ?? m[2] ?? m[3];
          if (name !== undefined) found.add(name);
        }
      }
      words = [...found];
      derivedByPattern.set(pattern.derived, words);
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
  let jvmConstantTable: ConstantTable | undefined;
  const jvmConstants = () => (jvmConstantTable ??= jvmProjectConstants(ctx.files));
  const goPackage = goTestPackages(ctx);
  let goTestFileList: readonly SourceFile[] | undefined;
  const goTestFiles = () =>
    (goTestFileList ??= ctx.files.filter((f) => f.path.endsWith("_test.go")));
  let csConstantTable: ReadonlyMap<string, string> | undefined;
  const csConstants = () => (csConstantTable ??= csRouteConstants(ctx.files));
  let phpConstantTable: ReadonlyMap<string, string | null> | undefined;
  const phpConstants = () => (phpConstantTable ??= phpTestConstants(ctx.files));
  const patterns = [...API_CALLS];
  for (const more of [composeHostCalls(ctx), pytestFixtureClientCalls(ctx)]) {
    if (more !== undefined) patterns.push(more);
  }
  for (const file of ctx.files) {
    if (!API_EXTS.has(file.ext)) continue;
    if (!mayCallTheApi(file)) continue;
    for (const pattern of patterns) {
      if (!pattern.exts.includes(file.ext)) continue;
      if (
        !pattern.when.some((w) => contains(file.text, w)) &&
        !derivedWords(pattern).some((w) => contains(file.text, w)) &&
        !(pattern.whenImported === true && importsWord(file, pattern.when)) &&
        !(
          pattern.whenInPackage === true &&
          goPackage(file).some((f) => pattern.when.some((w) => contains(f.text, w)))
        )
      ) {
        continue;
      }
      if (pattern.applies && !pattern.applies(file)) continue;
      pattern.re.lastIndex = 0;
      for (let m = pattern.re.exec(file.text); m !== null; m = pattern.re.exec(file.text)) {
        const site = {
          file,
          routeNames,
          goPackage,
          goTestFiles,
          csConstants,
          phpConstants,
          jsPath,
        };
        const many = pattern.readMany?.(m, site) ?? [];
        const calls: readonly (readonly [string, string | undefined, number?, SourceFile?])[] =
          many.length > 0
            ? many
            : [pattern.read(m, site)].map(([method, literal]) => [
                method,
                literal !== undefined
                  ? continuedPath(file, m, literal)
                  : pattern.constantArgument === true
                    ? constantPath(file, m.index + m[0].length, constants, jvmConstants)
                    : undefined,
              ]);
        for (const [method, path, at, where] of calls) {
          if (path === undefined && pattern.knownPathsOnly === true) continue;
          if (path !== undefined && servesItself(file, path)) continue;
          const e = evidence(
            where ?? file,
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
