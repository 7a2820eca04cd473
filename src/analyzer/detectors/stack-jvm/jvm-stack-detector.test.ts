import { describe, expect, it } from "vitest";
import { observeStack } from "../stack-text/stack-fixture-check.js";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import * as javaJaxrsApi from "../../test-support/fixtures/java-jaxrs-api.js";
import * as javaSpringBootApi from "../../test-support/fixtures/java-spring-boot-api.js";
import * as javaSpringMvcSsr from "../../test-support/fixtures/java-spring-mvc-ssr.js";
import * as kotlinSpringGradle from "../../test-support/fixtures/kotlin-spring-gradle.js";
import { jvmStackDetector } from "./index.js";

describe("jvmStackDetector on the fixture apps", () => {
  it.each([
    ["java-spring-boot-api", javaSpringBootApi.javaSpringBootApi, javaSpringBootApi.expected],
    ["kotlin-spring-gradle", kotlinSpringGradle.kotlinSpringGradle, kotlinSpringGradle.expected],
    ["java-spring-mvc-ssr", javaSpringMvcSsr.javaSpringMvcSsr, javaSpringMvcSsr.expected],
    ["java-jaxrs-api", javaJaxrsApi.javaJaxrsApi, javaJaxrsApi.expected],
  ])(
    "reports exactly the frameworks, endpoints and JSON verdict of %s",
    (_name, files, expected) => {
      expect(observeStack(jvmStackDetector, files)).toEqual(expected);
    },
  );
});

function detect(files: Record<string, string>) {
  return jvmStackDetector.detect(scanContextFrom(files), {});
}

describe("jvmStackDetector", () => {
  it("reports Spring Boot from the build and the bootstrap class, not plain Spring", () => {
    const found = detect(javaSpringBootApi.javaSpringBootApi);
    expect(found.frameworks?.map((f) => f.id)).toEqual(["spring-boot"]);
    expect(found.frameworks?.[0]?.evidence).toContainEqual({
      file: "src/main/java/com/example/shop/ShopApplication.java",
      line: 7,
      note: "@SpringBootApplication",
    });
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
    const paths = (detect(javaSpringBootApi.javaSpringBootApi).endpoints ?? []).map((e) => e.path);
    expect(paths).not.toContain("/shop/api/charges/{id}");
    expect(
      paths.some((p) => p.includes("refunds") || p.includes("legacy") || p.includes("bulk")),
    ).toBe(false);
    expect(paths).not.toContain("/probe");
  });

  it("keeps a path built from an unknown constant as unresolved, showing the expression", () => {
    const health = detect(javaSpringBootApi.javaSpringBootApi).endpoints?.find((e) =>
      e.path.includes("HEALTH"),
    );
    expect(health).toMatchObject({ path: "/shop/<PlatformPaths.HEALTH>", resolved: false });
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

  it("applies each module's own context path in a multi-module build", () => {
    const found = detect({
      "orders/pom.xml": "<artifactId>spring-boot-starter-web</artifactId>",
      "orders/src/main/resources/application.yml":
        "server:\n  servlet:\n    context-path: /orders\n",
      "orders/src/main/java/o/OrderApi.java": `@RestController class OrderApi { @GetMapping("/list") List<String> l() { return List.of(); } }`,
      "users/pom.xml": "<artifactId>spring-boot-starter-web</artifactId>",
      "users/src/main/java/u/UserApi.java": `@RestController class UserApi { @GetMapping("/list") List<String> l() { return List.of(); } }`,
    });
    expect(found.endpoints?.map((e) => e.path)).toEqual(["/list", "/orders/list"]);
    expect(found.frameworks?.map((f) => [f.id, f.confidence])).toEqual([
      ["spring-boot", "declared"],
    ]);
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
});
