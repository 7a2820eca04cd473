import { describe, expect, it } from "vitest";
import type { Endpoint } from "../../report.js";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { jvmStackDetector } from "./jvm-stack-detector.js";

function detect(files: Record<string, string>) {
  return jvmStackDetector.detect(scanContextFrom(files));
}

/** `METHOD path line` of each endpoint, unresolved ones marked, in report order. */
function routes(files: Record<string, string>): string[] {
  return (detect(files).endpoints ?? []).map(
    (e: Endpoint) => `${e.method} ${e.path} ${e.line}${e.resolved ? "" : " unresolved"}`,
  );
}

const JAVA_IMPORTS = `package demo.web;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import static org.springframework.web.servlet.function.RequestPredicates.*;
import static org.springframework.web.servlet.function.RouterFunctions.*;
`;

describe("Spring functional endpoints", () => {
  it("reads route(…) and andRoute(…) with plain and combined verb predicates", () => {
    const found = routes({
      "src/main/java/demo/web/BookRoutes.java": `${JAVA_IMPORTS}
@Configuration
class BookRoutes {
  @Bean
  RouterFunction<ServerResponse> books(BookHandler h) {
    return route(GET("/books"), h::all)
        .andRoute(RequestPredicates.POST("/books").and(accept(APPLICATION_JSON)), h::add)
        .andRoute(GET("/books/{id}").or(GET("/book/{id}")), h::one)
        .andRoute(DELETE("/books/{id}"), req -> noContent().build());
  }
}
`,
    });
    expect(found).toEqual([
      "GET /book/{id} 13",
      "GET /books 11",
      "POST /books 12",
      "DELETE /books/{id} 14",
      "GET /books/{id} 13",
    ]);
  });

  it("applies the builder's path(…) and nest(…) prefixes to the routes inside them only", () => {
    const found = routes({
      "src/main/java/demo/web/Api.java": `${JAVA_IMPORTS}
@Configuration
class Api {
  @Bean
  RouterFunction<ServerResponse> api(PersonHandler h) {
    return route()
        .GET("/health", h::health)
        .path("/api", b -> b
            .nest(path("/v1").and(accept(APPLICATION_JSON)), v1 -> v1
                .GET("/people/{id}", accept(APPLICATION_JSON), h::one)
                .GET(h::index))
            .POST("/people", h::add))
        .build();
  }
}
`,
    });
    expect(found).toEqual([
      "POST /api/people 17",
      "GET /api/v1 16",
      "GET /api/v1/people/{id} 15",
      "GET /health 12",
    ]);
  });

  it("gives the prefix of nest(…), path(…) and add(…) to routes a variable or method of the file holds", () => {
    const found = routes({
      "src/main/java/demo/web/Routes.java": `${JAVA_IMPORTS}
class Routes {
  RouterFunction<ServerResponse> all(PostHandler posts, UserHandler users, TagHandler tags) {
    RouterFunction<ServerResponse> postRoutes = route(GET("/"), posts::all)
        .andRoute(GET("/{id}"), posts::one);
    return nest(path("/posts"), postRoutes)
        .andNest(path("/users"), userRoutes(users))
        .and(route().path("/api", b -> b.add(tagRoutes(tags))).build());
  }
  RouterFunction<ServerResponse> userRoutes(UserHandler users) {
    return route(GET("/{name}"), users::one);
  }
  private RouterFunction<ServerResponse> tagRoutes(TagHandler tags) {
    return route().path("/tags", b -> b.GET("", tags::all)).build();
  }
  RouterFunction<ServerResponse> health() {
    return route(GET("/health"), req -> ok().build());
  }
}
`,
    });
    expect(found).toEqual([
      "GET /api/tags 19",
      "GET /health 22",
      "GET /posts 9",
      "GET /posts/{id} 10",
      "GET /users/{name} 16",
    ]);
  });

  it("gives the outer prefix to routes another class defines and this one nests", () => {
    const found = routes({
      "src/main/java/demo/web/ApiRoutes.java": `${JAVA_IMPORTS}
@Configuration
class ApiRoutes {
  @Bean
  RouterFunction<ServerResponse> api(UserRoutes userRoutes, RouterFunction<ServerResponse> orderRouter) {
    return nest(path("/api"), userRoutes.routes())
        .andNest(path("/shop"), orderRouter);
  }
}
`,
      "src/main/java/demo/web/UserRoutes.java": `${JAVA_IMPORTS}
@Component
class UserRoutes {
  RouterFunction<ServerResponse> routes() {
    return route(GET("/users"), h::all).andRoute(GET("/users/{id}"), h::one);
  }
}
`,
      "src/main/java/demo/web/OrderConfig.java": `${JAVA_IMPORTS}
@Configuration
class OrderConfig {
  @Bean
  RouterFunction<ServerResponse> orderRouter(OrderHandler h) {
    return route().GET("/orders", h::all).build();
  }
}
`,
      "src/main/kotlin/demo/Routes.kt": `package demo
import org.springframework.web.reactive.function.server.coRouter
class Routes(private val tags: TagRoutes) {
  fun routes() = coRouter {
    "/v2".nest {
      add(tags.routes())
      noteRoutes()
    }
  }
}
`,
      "src/main/kotlin/demo/TagRoutes.kt": `package demo
import org.springframework.web.reactive.function.server.coRouter
class TagRoutes(private val h: TagHandler) {
  fun routes() = coRouter { GET("/tags", h::all) }
}
`,
      "src/main/kotlin/demo/NoteRoutes.kt": `package demo
import org.springframework.web.reactive.function.server.CoRouterFunctionDsl
fun CoRouterFunctionDsl.noteRoutes() {
  GET("/notes") { ok().buildAndAwait() }
}
`,
    });
    expect(found).toEqual([
      "GET /api/users 10",
      "GET /api/users/{id} 10",
      "GET /shop/orders 11",
      "GET /v2/notes 4",
      "GET /v2/tags 4",
    ]);
  });

  it("reads the Kotlin router and coRouter DSL with string, path and predicate nests", () => {
    const found = routes({
      "src/main/kotlin/demo/Routes.kt": `package demo
import org.springframework.http.MediaType.APPLICATION_JSON
import org.springframework.web.reactive.function.server.coRouter
import org.springframework.web.reactive.function.server.router

fun pages(h: PageHandler) = router {
    GET("/") { ok().render("index") }
    (GET("/about") and accept(TEXT_HTML)).invoke(h::about)
}

fun api(h: TodoHandler) = coRouter {
    (accept(APPLICATION_JSON) and "api").nest {
        "/todos".nest {
            GET("", h::all)
            GET("/{id}", h::one)
            POST("", h::add)
        }
        path("/tags").nest {
            GET("/{tag}") { ok().bodyValueAndAwait(h.tagged(it.pathVariable("tag"))) }
        }
    }
    accept(APPLICATION_JSON).nest { DELETE("/todos/{id}", h::remove) }
}
`,
    });
    expect(found).toEqual([
      "GET / 7",
      "GET /about 8",
      "GET /api/tags/{tag} 19",
      "GET /api/todos 14",
      "POST /api/todos 16",
      "GET /api/todos/{id} 15",
      "DELETE /todos/{id} 22",
    ]);
  });

  it("resolves Kotlin string templates in paths through constants and lists the rest unresolved", () => {
    const found = routes({
      "src/main/kotlin/demo/Paths.kt": `package demo
object Paths {
  const val API = "/api"
  const val USERS = "$API/users"
}
`,
      "src/main/kotlin/demo/Routes.kt": `package demo
import org.springframework.web.reactive.function.server.coRouter
const val BASE = "/v1"
fun routes(h: UserHandler) = coRouter {
  GET("$BASE/users", h::all)
  GET("\${Paths.USERS}/{id}", h::one)
  "$BASE/admin".nest { GET("/stats", h::stats) }
  (2020..2024).forEach { year -> GET("/$year/talks", h::talks) }
}
`,
    });
    expect(found).toEqual([
      "GET /<year>/talks 8 unresolved",
      "GET /api/users/{id} 6",
      "GET /v1/admin/stats 7",
      "GET /v1/users 5",
    ]);
  });

  it("takes the string a Kotlin DSL extension passes to this.GET(…) for the route's path", () => {
    const found = routes({
      "src/main/kotlin/demo/Hello.kt": `package demo
import org.springframework.web.reactive.function.server.CoRouterFunctionDsl
fun CoRouterFunctionDsl.hello() = this.GET("/hello") { ok().bodyValueAndAwait("hi") }
`,
    });
    expect(found).toEqual(["GET /hello 3"]);
  });

  it("reads Kotlin's any-method routes and method(…) predicates", () => {
    const found = routes({
      "src/main/kotlin/demo/Routes.kt": `package demo
import org.springframework.http.HttpMethod
import org.springframework.web.reactive.function.server.router
fun routes(h: Handler) = router {
  "/ping" { ok().build() }
  path("/rpc") { h.rpc(it) }
  "/api".nest {
    (method(HttpMethod.PUT) and "/items") { h.put(it) }
    method(HttpMethod.DELETE, h::clear)
  }
}
`,
      "src/main/java/demo/web/Legacy.java": `${JAVA_IMPORTS}
class Legacy {
  RouterFunction<ServerResponse> legacy(H h) {
    return route(method(HttpMethod.GET).and(path("/old")), h::old)
        .andRoute(path("/older").and(RequestPredicates.method(HttpMethod.POST)), h::older);
  }
}
`,
    });
    expect(found).toEqual([
      "DELETE /api 9",
      "PUT /api/items 8",
      "GET /old 9",
      "POST /older 10",
      "ANY /ping 5",
      "ANY /rpc 6",
    ]);
  });

  it("resolves constant paths and reports other expressions as unresolved", () => {
    const found = routes({
      "src/main/java/demo/web/Paths.java": `package demo.web;
public final class Paths {
  public static final String ORDERS = "/orders";
}
`,
      "src/main/java/demo/web/OrderRoutes.java": `${JAVA_IMPORTS}
class OrderRoutes {
  RouterFunction<ServerResponse> orders(OrderHandler h, String base) {
    return route()
        .GET(Paths.ORDERS, h::all)
        .POST(Paths.ORDERS + "/{id}/cancel", h::cancel)
        .GET(base + "/legacy", h::legacy)
        .build();
  }
}
`,
    });
    expect(found).toEqual([
      "GET /<base>/legacy 12 unresolved",
      "GET /orders 10",
      "POST /orders/{id}/cancel 11",
    ]);
  });

  it("puts the servlet context path in front and counts JSON and page routes for rest_api", () => {
    const files = {
      "src/main/resources/application.properties": "server.servlet.context-path=/shop\n",
      "src/main/kotlin/demo/Routes.kt": `package demo
import org.springframework.web.servlet.function.router
fun routes(h: ItemHandler) = router {
    GET("/items", h::all)
}
`,
    };
    const found = detect(files);
    expect(found.endpoints?.map((e) => e.path)).toEqual(["/shop/items"]);
    expect(found.signals?.rest_api).toEqual({
      value: true,
      evidence: [{ file: "src/main/kotlin/demo/Routes.kt", line: 4, note: "functional route" }],
    });

    const pagesOnly = detect({
      "src/main/kotlin/demo/Pages.kt": `package demo
import org.springframework.web.reactive.function.server.router
fun pages() = router {
    GET("/") { ok().render("index") }
    GET("/about") { ok().render("about") }
}
`,
    });
    expect(pagesOnly.endpoints).toHaveLength(2);
    expect(pagesOnly.signals?.rest_api?.value).toBe(false);
  });

  it("follows a handler given by reference into its class to tell a view from a body", () => {
    const router = `package demo
import org.springframework.web.reactive.function.server.coRouter
class Routes(private val pages: PageHandler, private val api: ApiHandler) {
  fun routes() = coRouter {
    GET("/", pages::index)
    GET("/about") { pages.about(it, "about") }
    GET("/help", pages::help)
    POST("/contact", pages::contact)
    POST("/profile", pages::save)
    GET("/api/items", api::items)
  }
}
`;
    const pageHandler = `package demo
import org.springframework.web.reactive.function.server.ServerRequest
import org.springframework.web.reactive.function.server.ServerResponse
import org.springframework.web.reactive.function.server.renderAndAwait
class PageHandler {
  suspend fun index(req: ServerRequest): ServerResponse = ok().renderAndAwait("index")
  suspend fun about(req: ServerRequest, name: String): ServerResponse =
    req.session()
      ?.let { view(name) }
      ?: view("anonymous")
  private suspend fun view(name: String) = ok().renderAndAwait(name)
  fun help(req: ServerRequest) = ok().htmlView(Mono.just(helpPage()))
  suspend fun contact(req: ServerRequest): ServerResponse = seeOther(URI("/thanks")).buildAndAwait()
  suspend fun save(req: ServerRequest): ServerResponse {
    val form = req.formData()
    val name = form.first("name").trim().lowercase().take(40)
    val mail = form.first("mail").trim().lowercase().take(80)
    users.save(users.find(name).copy(mail = sanitize(mail)))
    return view("profile")
  }
}
`;
    const extensions = `package demo
import org.springframework.web.reactive.function.server.ServerResponse
fun <T> ServerResponse.BodyBuilder.htmlView(page: Publisher<T>) = contentType(TEXT_HTML).body(page)
`;
    const apiHandler = `package demo
import org.springframework.web.reactive.function.server.ServerResponse
class ApiHandler {
  suspend fun items(req: ServerRequest): ServerResponse = ok().json().bodyValueAndAwait(listOf(1))
}
`;
    const site = detect({
      "src/main/kotlin/demo/Routes.kt": router,
      "src/main/kotlin/demo/PageHandler.kt": pageHandler,
      "src/main/kotlin/demo/Extensions.kt": extensions,
      "src/main/kotlin/demo/ApiHandler.kt": apiHandler,
    });
    expect(site.endpoints).toHaveLength(6);
    // five routes render (or redirect a form), one writes JSON: a site, not an API
    expect(site.signals?.rest_api?.value).toBe(false);

    const api = detect({
      "src/main/kotlin/demo/Routes.kt": router,
      "src/main/kotlin/demo/PageHandler.kt": pageHandler.replace(
        /\b(renderAndAwait|htmlView|seeOther)\(/g,
        "bodyValue(",
      ),
      "src/main/kotlin/demo/ApiHandler.kt": apiHandler,
    });
    expect(api.signals?.rest_api?.value).toBe(true);
  });

  it("follows Java method references and own-class references to their handler methods", () => {
    const found = detect({
      "src/main/java/demo/web/Routes.java": `${JAVA_IMPORTS}
@Configuration
class Routes {
  private final PostHandler postHandler;
  Routes(PostHandler postHandler) { this.postHandler = postHandler; }
  @Bean
  RouterFunction<ServerResponse> routes() {
    return route(GET("/"), postHandler::list)
        .andRoute(GET("/posts/{id}"), postHandler::show)
        .andRoute(GET("/home"), this::home);
  }
  private ServerResponse home(ServerRequest req) {
    return ServerResponse.ok().render("home");
  }
}
`,
      "src/main/java/demo/web/PostHandler.java": `package demo.web;
import org.springframework.web.servlet.function.ServerResponse;
@Component
public class PostHandler {
  public ServerResponse list(ServerRequest req) {
    return ServerResponse.ok().render("posts", Map.of("posts", repo.findAll()));
  }
  public ServerResponse show(ServerRequest req) throws Exception {
    return ServerResponse.ok().render("post");
  }
}
`,
    });
    expect(found.endpoints).toHaveLength(3);
    expect(found.signals?.rest_api?.value).toBe(false);
  });

  it("leaves out routes in test code and verb calls outside Spring's functional web package", () => {
    const found = detect({
      "src/test/kotlin/demo/RoutesTest.kt": `package demo
import org.springframework.web.reactive.function.server.router
val testRoutes = router { GET("/stub") { ok().build() } }
`,
      "src/main/java/demo/Client.java": `package demo;
class Client {
  Response route(String p) { return http.GET("/remote/" + p); }
}
`,
    });
    expect(found.endpoints).toEqual([]);
    expect(found.frameworks).toEqual([]);
  });

  it("reports plain Spring as used when functional routes are all it serves", () => {
    const found = detect({
      "src/main/java/demo/web/Web.java": `${JAVA_IMPORTS}
class Web {
  RouterFunction<ServerResponse> r(H h) { return route(GET("/x"), h::x); }
}
`,
    });
    expect(found.frameworks?.map((f) => [f.id, f.confidence])).toEqual([["spring", "used"]]);
    expect(found.endpoints?.[0]).toMatchObject({
      framework: "spring",
      file: "src/main/java/demo/web/Web.java",
    });
  });
});
