import { describe, expect, it } from "vitest";
import { observeStack } from "../../test-support/stack-fixture-check.js";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import * as javaJaxrsApi from "../../test-support/fixtures/java-jaxrs-api.js";
import * as javaSpringBootApi from "../../test-support/fixtures/java-spring-boot-api.js";
import * as javaSpringMvcSsr from "../../test-support/fixtures/java-spring-mvc-ssr.js";
import * as kotlinSpringGradle from "../../test-support/fixtures/kotlin-spring-gradle.js";
import * as kotlinWebfluxRouter from "../../test-support/fixtures/kotlin-webflux-router.js";
import { jvmStackDetector } from "./jvm-stack-detector.js";

describe("jvmStackDetector on the fixture apps", () => {
  it.each([
    ["java-spring-boot-api", javaSpringBootApi.files, javaSpringBootApi.expected],
    ["kotlin-spring-gradle", kotlinSpringGradle.files, kotlinSpringGradle.expected],
    ["kotlin-webflux-router", kotlinWebfluxRouter.files, kotlinWebfluxRouter.expected],
    ["java-spring-mvc-ssr", javaSpringMvcSsr.files, javaSpringMvcSsr.expected],
    ["java-jaxrs-api", javaJaxrsApi.files, javaJaxrsApi.expected],
  ])(
    "reports exactly the frameworks, endpoints and JSON verdict of %s",
    (_name, files, expected) => {
      expect(observeStack(jvmStackDetector, files)).toEqual(expected);
    },
  );
});

function detect(files: Record<string, string>) {
  return jvmStackDetector.detect(scanContextFrom(files));
}

describe("jvmStackDetector", () => {
  it("leaves out a code generator's templates that no source set of the build compiles", () => {
    const controller = (name: string) =>
      `@RestController\n@RequestMapping("/api/v1/${name}")\nclass Controller {\n  @GetMapping fun list() = listOf<String>()\n}\n`;
    const files = {
      "pom.xml":
        "<project><build><sourceDirectory>${project.basedir}/src/main/kotlin</sourceDirectory><plugins><plugin><artifactId>maven-compiler-plugin</artifactId><configuration><source>17</source></configuration></plugin></plugins></build><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n",
      "src/main/kotlin/app/address/AddressController.kt": controller("address"),
      "contributed/gen/REPLACEMEController.kt": controller("ReplacePluralLowercase"),
    };
    expect(detect(files).endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual([
      "GET /api/v1/address",
    ]);
    // A build that names its own source folders compiles what it names.
    const custom = {
      ...files,
      "pom.xml": files["pom.xml"].replace("src/main/kotlin", "contributed"),
    };
    expect(detect(custom).endpoints).toHaveLength(2);
    const gradle = {
      "build.gradle.kts":
        'plugins { id("org.springframework.boot") }\nsourceSets { main { java.srcDirs("contributed/gen") } }\n',
      "src/main/kotlin/app/address/AddressController.kt":
        files["src/main/kotlin/app/address/AddressController.kt"],
      "contributed/gen/REPLACEMEController.kt": files["contributed/gen/REPLACEMEController.kt"],
    };
    expect(detect(gradle).endpoints).toHaveLength(2);
  });

  it("reports Spring Boot from the build and the bootstrap class, not plain Spring", () => {
    const found = detect(javaSpringBootApi.files);
    expect(found.frameworks?.map((f) => f.id)).toEqual(["spring-boot"]);
    expect(found.frameworks?.[0]?.evidence).toContainEqual({
      file: "src/main/java/com/example/shop/ShopApplication.java",
      line: 7,
      note: "@SpringBootApplication",
    });
  });

  it("does not call a site of server-rendered pages a REST API for one JSON action", () => {
    const pageMethods = ["list", "show", "edit", "create", "search", "archive"]
      .map(
        (name) =>
          `    @GetMapping("/books/${name}")\n    public String ${name}(Model model) { return "books/${name}"; }\n`,
      )
      .join("");
    const site = {
      "src/main/java/lib/BookPages.java": `package lib;
@Controller
class BookPages {
${pageMethods}
    @GetMapping("/books.json")
    public @ResponseBody List<Book> asJson() { return repo.findAll(); }
}
`,
    };
    const found = detect(site);
    expect(found.endpoints).toHaveLength(7);
    expect(found.signals?.rest_api).toEqual({ value: false, evidence: [] });

    const api = {
      ...site,
      "src/main/java/lib/LoanApi.java": `package lib;
@RestController
@RequestMapping("/api/loans")
class LoanApi {
    @GetMapping public List<Loan> all() { return loans.all(); }
    @PostMapping public Loan open(@RequestBody Loan loan) { return loans.open(loan); }
}
`,
    };
    expect(detect(api).signals?.rest_api?.value).toBe(true);
  });

  it("leaves out controllers a Spring Boot starter module ships to the apps that use it", () => {
    const found = detect({
      "starter/src/main/resources/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports":
        "io.acme.audit.AuditAutoConfiguration\n",
      "starter/src/main/java/io/acme/audit/AuditController.java": `package io.acme.audit;
@RestController
@RequestMapping("\${acme.audit.path:/audit}")
public class AuditController {
    @GetMapping public List<Entry> recent() { return log.recent(); }
}
`,
      "orders/src/main/resources/META-INF/spring.factories":
        "org.springframework.boot.autoconfigure.EnableAutoConfiguration=io.acme.orders.OrdersConfig\n",
      "orders/src/main/java/io/acme/orders/OrdersApplication.java": `package io.acme.orders;
@SpringBootApplication
public class OrdersApplication {
    public static void main(String[] args) { SpringApplication.run(OrdersApplication.class, args); }
}
`,
      "orders/src/main/java/io/acme/orders/GreetingController.java": `package io.acme.orders;
@RestController
class GreetingController {
    @GetMapping("/greetings") List<String> all() { return List.of("hi"); }
}
`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual(["GET /greetings"]);
  });

  it("reads an API-first app's endpoints from the spec its build generates interfaces from", () => {
    const pom = (generator: string) => `<project>
  <build><plugins><plugin>
    <groupId>org.openapitools</groupId>
    <artifactId>openapi-generator-maven-plugin</artifactId>
    <executions><execution><configuration>
      <inputSpec>\${project.basedir}/src/main/resources/library.yaml</inputSpec>
      <generatorName>${generator}</generatorName>
      <configOptions><interfaceOnly>true</interfaceOnly><useTags>true</useTags></configOptions>
    </configuration></execution></executions>
  </plugin></plugins></build>
</project>
`;
    const app = {
      "pom.xml": pom("spring"),
      "src/main/resources/application.properties": "server.servlet.context-path=/library\n",
      "src/main/resources/library.yaml": `openapi: 3.0.1
info: { title: Library, version: "1" }
paths:
  /books:
    get: { tags: [books], operationId: listBooks, responses: { "200": { description: ok } } }
    post: { tags: [books], operationId: addBook, responses: { "201": { description: ok } } }
  /books/{bookId}:
    delete: { tags: [books], operationId: removeBook, responses: { "204": { description: ok } } }
  /loan-desk/open:
    get: { tags: [loan-desk], operationId: isOpen, responses: { "200": { description: ok } } }
`,
      "src/main/java/lib/web/BookController.java": `package lib.web;
@RestController
@RequestMapping("/api")
public class BookController implements BooksApi {
    @Override
    public ResponseEntity<List<BookDto>> listBooks() { return ResponseEntity.ok(books.all()); }

    @Override
    public ResponseEntity<BookDto> addBook(BookDto book) { return ResponseEntity.status(201).body(books.add(book)); }

    @Override
    public ResponseEntity<Void> removeBook(Integer bookId) { books.remove(bookId); return ResponseEntity.noContent().build(); }
}
`,
    };
    const found = detect(app);
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.file}:${e.line}`)).toEqual([
      "GET /library/api/books src/main/java/lib/web/BookController.java:6",
      "POST /library/api/books src/main/java/lib/web/BookController.java:9",
      "DELETE /library/api/books/{bookId} src/main/java/lib/web/BookController.java:12",
    ]);
    expect(found.signals?.rest_api?.value).toBe(true);

    // A build that generates a client from the same spec serves none of it.
    expect(detect({ ...app, "pom.xml": pom("java") }).endpoints).toEqual([]);
  });

  it("reads the endpoints of resources implementing Helidon-generated …Service interfaces", () => {
    const found = detect({
      "pom.xml": `<project><build><plugins><plugin>
  <artifactId>openapi-generator-maven-plugin</artifactId>
  <configuration>
    <inputSpec>\${project.basedir}/src/main/resources/openapi.yaml</inputSpec>
    <generatorName>java-helidon-server</generatorName>
    <library>mp</library>
  </configuration>
</plugin></plugins></build></project>
`,
      "src/main/resources/openapi.yaml": `openapi: 3.0.1
info: { title: Garden, version: "1" }
servers:
  - url: http://localhost:8080/garden/api
paths:
  /plants:
    get: { tags: [plant], operationId: listPlants, responses: { "200": { description: ok } } }
  /plants/{plantId}:
    delete: { tags: [plant], operationId: deletePlant, responses: { "204": { description: ok } } }
  /seeds:
    get: { tags: [seed], operationId: listSeeds, responses: { "200": { description: ok } } }
`,
      "src/main/java/garden/rest/PlantResource.java": `package garden.rest;
@RequestScoped
public class PlantResource implements PlantService {
    @Override
    public Response listPlants() { return Response.ok(plants.all()).build(); }

    @Override
    public Response deletePlant(Integer plantId) { plants.remove(plantId); return Response.noContent().build(); }
}
`,
    });
    expect(
      found.endpoints?.map((e) => `${e.method} ${e.path} ${e.framework} ${e.file}:${e.line}`),
    ).toEqual([
      "GET /garden/api/plants jax-rs src/main/java/garden/rest/PlantResource.java:5",
      "DELETE /garden/api/plants/{plantId} jax-rs src/main/java/garden/rest/PlantResource.java:8",
    ]);
    expect(found.signals?.rest_api?.value).toBe(true);
  });

  it("puts each module's quarkus.rest.path (properties or YAML) in front of its JAX-RS resources and generated operations", () => {
    const resource = (pkg: string, path: string) => `package ${pkg};
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
@Path("${path}")
public class Resource {
    @GET
    public List<String> all() { return List.of(); }
}
`;
    const found = detect({
      "shop/src/main/resources/application.properties":
        "quarkus.http.port=8081\n%dev.quarkus.rest.path=/dev\nquarkus.rest.path=/api\n",
      "shop/src/main/java/shop/Resource.java": resource("shop", "/items"),
      // a library module without a config of its own is served by the app that uses it
      "shop-lib/src/main/java/lib/Resource.java": resource("lib", "/shared"),
      "old/src/main/resources/application.properties": "quarkus.resteasy.path=/legacy\n",
      "old/src/main/java/old/Resource.java": resource("old", "/things"),
      "cards/pom.xml": `<project><dependencies><dependency>
  <groupId>io.quarkiverse.openapi.generator</groupId>
  <artifactId>quarkus-openapi-generator-server</artifactId>
</dependency></dependencies></project>
`,
      "cards/src/main/resources/application.yaml": `quarkus:
  http:
    root-path: /cards
  rest:
    path: \${REST_PATH:/v1}
`,
      "cards/src/main/resources/openapi/cards.yaml": `openapi: 3.0.3
info: { title: cards, version: "1" }
paths:
  /cards:
    get: { operationId: listCards, responses: { "200": { description: ok } } }
`,
      "cards/src/main/java/cards/CardResource.java": `package cards;
public class CardResource implements CardsResource {
    @Override
    public List<Card> listCards() { return cards.all(); }
}
`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.file}`)).toEqual([
      "GET /api/items shop/src/main/java/shop/Resource.java",
      "GET /cards/v1/cards cards/src/main/java/cards/CardResource.java",
      "GET /legacy/things old/src/main/java/old/Resource.java",
      "GET /shared shop-lib/src/main/java/lib/Resource.java",
    ]);

    const multiModule = detect({
      "app/src/main/resources/application.properties": "quarkus.rest.path=/api\n",
      "app/src/main/java/app/Resource.java": resource("app", "/items"),
      "lib/src/main/java/lib/Resource.java": resource("lib", "/shared"),
      "cli/src/main/resources/application.properties": "quarkus.banner.enabled=false\n",
    });
    expect(multiModule.endpoints?.map((e) => e.path)).toEqual(["/api/items", "/api/shared"]);
  });

  it("places the operations Quarkus' server generator reads from a module's openapi/ folder at their operationId", () => {
    const module = (name: string, path: string) => ({
      [`${name}/pom.xml`]: `<project><dependencies><dependency>
  <groupId>io.quarkiverse.openapi.generator</groupId>
  <artifactId>quarkus-openapi-generator-server</artifactId>
</dependency></dependencies></project>
`,
      [`${name}/src/main/resources/openapi/${name}.yaml`]: `openapi: 3.0.3
info: { title: ${name}, version: "1" }
paths:
  ${path}:
    get: { tags: [items], operationId: listItems, responses: { "200": { description: ok } } }
  ${path}/hello:
    get: { tags: [hello], operationId: hello, responses: { "200": { description: ok } } }
`,
    });
    const found = detect({
      ...module("cards", "/api/cards"),
      ...module("decks", "/api/decks"),
      "cards/src/main/java/cards/rest/CardResource.java": `package cards.rest;
public class CardResource implements ItemsResource, HelloResource {
    @Override
    public Uni<List<Card>> listItems() { return cards.all(); }

    @Override
    public String hello() { return "hi"; }
}
`,
      "decks/src/main/java/decks/rest/DeckEndpoint.java": `package decks.rest;
public class DeckEndpoint implements decks.api.ItemsResource {
    @Override
    public List<Deck> listItems() { return decks.all(); }
}
`,
    });
    expect(
      found.endpoints?.map((e) => `${e.method} ${e.path} ${e.framework} ${e.file}:${e.line}`),
    ).toEqual([
      "GET /api/cards jax-rs cards/src/main/java/cards/rest/CardResource.java:4",
      "GET /api/cards/hello jax-rs cards/src/main/java/cards/rest/CardResource.java:7",
      "GET /api/decks jax-rs decks/src/main/java/decks/rest/DeckEndpoint.java:4",
    ]);
  });

  it("calls annotated controllers without Boot plain Spring MVC", () => {
    const found = detect({
      "src/main/java/app/PingController.java": `package app;
@RestController
public class PingController {
    @GetMapping("/ping")
    public String ping() { return "pong"; }
}
`,
    });
    expect(found.frameworks?.map((f) => [f.id, f.confidence])).toEqual([["spring", "used"]]);
    expect(found.endpoints?.map((e) => [e.method, e.path, e.framework])).toEqual([
      ["GET", "/ping", "spring"],
    ]);
  });

  it("skips Feign clients, RestTemplate calls, commented-out mappings and controllers in tests", () => {
    const paths = (detect(javaSpringBootApi.files).endpoints ?? []).map((e) => e.path);
    expect(paths).not.toContain("/shop/api/charges/{id}");
    expect(
      paths.some((p) => p.includes("refunds") || p.includes("legacy") || p.includes("bulk")),
    ).toBe(false);
    expect(paths).not.toContain("/probe");
  });

  it("keeps a path built from an unknown constant as unresolved, showing the expression", () => {
    const health = detect(javaSpringBootApi.files).endpoints?.find((e) =>
      e.path.includes("HEALTH"),
    );
    expect(health).toMatchObject({ path: "/shop/<PlatformPaths.HEALTH>", resolved: false });
  });

  it("keeps a controller's prefix for methods declared after a nested class", () => {
    const found = detect({
      "src/main/java/app/web/AccountResource.java": `package app.web;

@RestController
@RequestMapping("/api")
public class AccountResource {
    private static class AccountResourceException extends RuntimeException {
        private AccountResourceException(String message) { super(message); }
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    public void registerAccount(@RequestBody ManagedUserVM user) { }

    @GetMapping("/account")
    public AdminUserDTO getAccount() { return null; }
}`,
      "src/main/java/app/web/PingResource.java": `package app.web;

import jakarta.ws.rs.*;

@Path("/ping")
public class PingResource {
    record Pong(String at) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Pong ping() { return new Pong("now"); }
}`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual([
      "GET /api/account",
      "POST /api/register",
      "GET /ping",
    ]);
  });

  it("marks every path unresolved when the context path comes from an environment variable", () => {
    const found = detect({
      "src/main/resources/application.properties": "server.servlet.context-path=${BASE_PATH}\n",
      "src/main/java/app/Api.java": `@RestController @RequestMapping("/v1") class Api {
  @GetMapping("/x") Map<String, String> x() { return Map.of(); }
}`,
    });
    expect(found.endpoints?.map((e) => [e.path, e.resolved])).toEqual([["/v1/x", false]]);
  });

  it("takes the default of an environment placeholder in the context path", () => {
    const found = detect({
      "src/main/resources/application.properties":
        "server.servlet.context-path=${BASE_PATH:/svc}\n",
      "src/main/java/app/Api.java": `@RestController class Api {
  @PostMapping({"/a", "/b"}) void x() {}
}`,
    });
    expect(found.endpoints?.map((e) => [e.method, e.path, e.resolved])).toEqual([
      ["POST", "/svc/a", true],
      ["POST", "/svc/b", true],
    ]);
  });

  it("reads mapping paths written as property placeholders from the module's config", () => {
    const found = detect({
      "src/main/resources/application.properties":
        "jwt.route.authentication.path=/auth\njwt.route.authentication.refresh = /refresh\n",
      "src/main/resources/application.yml": "api:\n  base: /api/v2\n",
      "src/main/java/app/AuthController.java": `@RestController
@RequestMapping("\${api.base}")
class AuthController {
  @RequestMapping(value = "\${jwt.route.authentication.path}", method = RequestMethod.POST)
  ResponseEntity<?> login() { return null; }
  @GetMapping("\${jwt.route.authentication.refresh}/{token}") ResponseEntity<?> refresh() { return null; }
  @GetMapping("\${ping.path:/ping}") String ping() { return "ok"; }
  @GetMapping("\${missing.path}") String other() { return "x"; }
}`,
    });
    expect(found.endpoints?.map((e) => [e.method, e.path, e.resolved])).toEqual([
      ["GET", "/api/v2/<${missing.path}>", false],
      ["POST", "/api/v2/auth", true],
      ["GET", "/api/v2/ping", true],
      ["GET", "/api/v2/refresh/{token}", true],
    ]);
  });

  it("applies each module's own context path in a multi-module build", () => {
    const webStarter = `<project><dependencies><dependency>
  <groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId>
</dependency></dependencies></project>`;
    const found = detect({
      "orders/pom.xml": webStarter,
      "orders/src/main/resources/application.yml":
        "server:\n  servlet:\n    context-path: /orders\n",
      "orders/src/main/java/o/OrderApi.java": `@RestController class OrderApi { @GetMapping("/list") List<String> l() { return List.of(); } }`,
      "users/pom.xml": webStarter,
      "users/src/main/java/u/UserApi.java": `@RestController class UserApi { @GetMapping("/list") List<String> l() { return List.of(); } }`,
    });
    expect(found.endpoints?.map((e) => e.path)).toEqual(["/list", "/orders/list"]);
    expect(found.frameworks?.map((f) => [f.id, f.confidence])).toEqual([
      ["spring-boot", "declared"],
    ]);
  });

  it("lists the logout and login-processing URLs the security configuration sets", () => {
    const found = detect({
      "pom.xml": `<project><dependencies><dependency>
  <groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-security</artifactId>
</dependency></dependencies></project>`,
      "src/main/resources/application.properties":
        "server.servlet.context-path=/shop\nspring.mvc.servlet.path=/mvc\n",
      "src/main/java/shop/SecurityConfig.java": `@Configuration
class SecurityConfig {
  @Bean SecurityFilterChain chain(HttpSecurity http) throws Exception {
    http.formLogin(form -> form.loginPage("/sign-in").loginProcessingUrl("/auth/sign-in"))
        .logout(l -> l
            .logoutUrl("/api/v1/auth/logout")
            .logoutSuccessUrl("/"));
    // .logoutUrl("/old/logout")
    return http.build();
  }
  @Bean SecurityFilterChain legacy(HttpSecurity http) throws Exception {
    return http.logout().logoutUrl(LOGOUT).and().build();
  }
}`,
      "src/main/kotlin/shop/AdminSecurity.kt": `@Configuration
class AdminSecurity {
  private val logoutUrl = "/not/a/route"
  @Bean fun admin(http: HttpSecurity) = http {
    logout {
      logoutUrl = "/admin/logout"
    }
    formLogin { loginProcessingUrl = "$base/login" }
  }.let { http.build() }
}`,
      "src/test/java/shop/SecurityTestConfig.java": `@TestConfiguration class T {
  void c(HttpSecurity http) { http.logout(l -> l.logoutUrl("/test/logout")); }
}`,
    });
    // Filters match after the context path; the DispatcherServlet's own path is not theirs.
    expect(found.endpoints).toEqual([
      {
        method: "POST",
        path: "/shop/admin/logout",
        framework: "spring-boot",
        file: "src/main/kotlin/shop/AdminSecurity.kt",
        line: 6,
        resolved: true,
      },
      {
        method: "POST",
        path: "/shop/api/v1/auth/logout",
        framework: "spring-boot",
        file: "src/main/java/shop/SecurityConfig.java",
        line: 6,
        resolved: true,
      },
      {
        method: "POST",
        path: "/shop/auth/sign-in",
        framework: "spring-boot",
        file: "src/main/java/shop/SecurityConfig.java",
        line: 4,
        resolved: true,
      },
    ]);
  });

  it("lists no Spring Security default the configuration does not write", () => {
    const found = detect({
      "src/main/java/shop/SecurityConfig.java": `@Configuration class SecurityConfig {
  @Bean SecurityFilterChain chain(HttpSecurity http) throws Exception {
    return http.formLogin(Customizer.withDefaults()).logout(Customizer.withDefaults()).build();
  }
}`,
    });
    expect(found.endpoints).toEqual([]);
  });

  it("treats @Controller with @ResponseBody as JSON", () => {
    const found = detect({
      "src/main/java/app/Api.java": `@Controller
@ResponseBody
class Api {
  @RequestMapping("/all") List<String> all() { return List.of(); }
}`,
    });
    expect(found.signals?.rest_api?.value).toBe(true);
    expect(found.endpoints?.map((e) => [e.method, e.path])).toEqual([["ANY", "/all"]]);
  });

  it("serves a generic base resource's methods under each JAX-RS subclass's @Path", () => {
    const found = detect({
      "src/main/java/app/CrudResource.java": `import javax.ws.rs.*;
public abstract class CrudResource<T extends Entity & Owned<User>> {
  @GET
  public List<T> all() { return null; }

  @DELETE
  @Path("/{id}")
  public void remove(@PathParam("id") long id) { }
}`,
      "src/main/java/app/NoteResource.java": `import javax.ws.rs.Path;
@Path("/notes")
public class NoteResource extends CrudResource<Note> { }`,
      "src/main/java/app/TagResource.java": `import javax.ws.rs.Path;
@Path("/tags")
public class TagResource extends app.CrudResource<Tag> implements Tagged { }`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.file}:${e.line}`)).toEqual([
      "GET /notes src/main/java/app/CrudResource.java:3",
      "DELETE /notes/{id} src/main/java/app/CrudResource.java:6",
      "GET /tags src/main/java/app/CrudResource.java:3",
      "DELETE /tags/{id} src/main/java/app/CrudResource.java:6",
    ]);
  });

  it("serves a JAX-RS sub-resource's methods under the path of the locator that returns it", () => {
    const found = detect({
      "src/main/java/app/Api.java": `import jakarta.ws.rs.ApplicationPath;
@ApplicationPath("api")
public class Api extends Application { }`,
      "src/main/java/app/LoansResource.java": `import jakarta.ws.rs.*;
@Path("loans")
public class LoansResource {
  @GET
  public List<Loan> all() { return null; }

  @Path("{id}")
  public LoanResource loan() { return context.getResource(LoanResource.class); }
}`,
      "src/main/java/app/LoanResource.java": `import jakarta.ws.rs.*;
public class LoanResource {
  @GET
  public Loan one() { return null; }

  @PUT
  @Path("return")
  public void giveBack() { }

  @Path("notes")
  public Class<NotesResource> notes() { return NotesResource.class; }
}`,
      "src/main/java/app/NotesResource.java": `import jakarta.ws.rs.*;
public class NotesResource {
  @POST
  public void add(Note note) { }
}`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.file}:${e.line}`)).toEqual([
      "GET /api/loans src/main/java/app/LoansResource.java:4",
      "GET /api/loans/{id} src/main/java/app/LoanResource.java:3",
      "POST /api/loans/{id}/notes src/main/java/app/NotesResource.java:3",
      "PUT /api/loans/{id}/return src/main/java/app/LoanResource.java:6",
    ]);
  });
  it("serves a Kotlin base controller's mappings under each subclass's @RequestMapping", () => {
    const found = detect({
      "src/main/kotlin/app/BaseController.kt": `abstract class BaseController<T : Any>(private val service: CrudService<T>) {
    @GetMapping("/{id}")
    fun one(@PathVariable id: Long): T = service.find(id)
}`,
      "src/main/kotlin/app/BookController.kt": `@RestController
@RequestMapping("/api/books")
class BookController(service: BookService) : BaseController<Book>(service)`,
    });
    expect(found.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual(["GET /api/books/{id}"]);
    expect(found.signals?.rest_api?.value).toBe(true);
  });

  it('does not take Retrofit\'s @GET("…") client annotations for JAX-RS resources', () => {
    const found = detect({
      "src/main/java/app/GitHub.java": `import retrofit2.http.GET;
import retrofit2.http.Path;
interface GitHub {
  @GET("users/{user}/repos")
  Call<List<Repo>> repos(@Path("user") String user);
}`,
    });
    expect(found.endpoints).toEqual([]);
    expect(found.frameworks).toEqual([]);
  });

  it("ignores controllers in examples/ and samples/ folders", () => {
    const found = detect({
      "samples/demo/src/main/java/demo/Api.java": `@RestController class Api { @GetMapping("/x") String x() { return ""; } }`,
    });
    expect(found.endpoints).toEqual([]);
    expect(found.signals?.rest_api?.value).toBe(false);
  });

  it("takes Spring Boot as declared from its starters, parent or plugins, not from its BOM alone", () => {
    const declared = (files: Record<string, string>) =>
      detect(files).frameworks?.map((f) => [f.id, f.evidence[0]?.line, f.evidence[0]?.note]);
    const bom = `<project><dependencyManagement><dependencies><dependency>
  <groupId>org.springframework.boot</groupId>
  <artifactId>spring-boot-dependencies</artifactId>
</dependency></dependencies></dependencyManagement></project>`;
    expect(declared({ "pom.xml": bom })).toEqual([]);
    expect(
      declared({
        "build.gradle": `plugins {
    id 'org.springframework.boot' version '3.3.0'
}
dependencies {
    implementation group: 'org.glassfish.jersey.core', name: 'jersey-server', version: '3.1.0'
}
`,
      }),
    ).toEqual([
      ["spring-boot", 2, "org.springframework.boot"],
      ["jax-rs", 5, "jersey-server"],
    ]);
  });
});
