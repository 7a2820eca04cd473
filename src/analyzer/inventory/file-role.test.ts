import { describe, expect, it } from "vitest";
import { fileRole, inExampleDir } from "./file-role.js";

describe("fileRole", () => {
  it("treats folders named for a kind of test as test code, whatever their source set", () => {
    expect(
      fileRole("smoke-test/shop-smoke-test-web/src/main/java/shop/web/HomeController.java"),
    ).toBe("test");
    expect(fileRole("integration-test/billing-app/src/main/java/billing/Api.java")).toBe("test");
    expect(fileRole("packages/api_tests/helpers.ts")).toBe("test");
    expect(fileRole("apps/store-e2e/src/cart.po.ts")).toBe("test");
    expect(fileRole("libs/test-utils/src/factory.ts")).toBe("test");
  });

  it("treats a .NET test project's fixtures and helpers as test code", () => {
    expect(fileRole("src/RinhaBackEnd.Test/ContainerFixture.cs")).toBe("test");
    expect(fileRole("Shop.Api.UnitTests/Helpers/Builders.cs")).toBe("test");
    expect(fileRole("tests/../Shop.IntegrationTests.Common/appsettings.json")).toBe("test");
    expect(fileRole("src/Shop.Api/Latest/Controller.cs")).toBe("app");
    expect(fileRole("src/Shop.Testing.Api/Program.cs")).toBe("app");
  });

  it("treats Gradle and Maven test source sets other than src/test as test code", () => {
    expect(fileRole("module/cache/src/dockerTest/resources/client.key")).toBe("test");
    expect(fileRole("module/web/src/testFixtures/java/web/FakeServer.java")).toBe("test");
    expect(fileRole("core/src/intTest/kotlin/core/RepoTests.kt")).toBe("test");
    expect(fileRole("core/src/integrationTest/java/core/Flow.java")).toBe("test");
    expect(fileRole("plugin/src/it/simple-project/pom.xml")).toBe("test");
  });

  it("treats mock servers and mock API handlers as test code, not the repository's own API", () => {
    expect(fileRole("apps/web/mock-server.ts")).toBe("test");
    expect(fileRole("tools/mockServer.js")).toBe("test");
    expect(fileRole("src/api/payments.mock.ts")).toBe("test");
    expect(fileRole("src/mocks/handlers.ts")).toBe("test");
    expect(fileRole("mirage/config.js")).toBe("test");
    expect(fileRole("internal/store/mock/store.go")).toBe("test");
    // A package named mock below a JVM source root is still judged by its source set.
    expect(fileRole("src/main/java/com/acme/mock/SandboxGateway.java")).toBe("app");
    expect(fileRole("src/mockingbird/server.ts")).toBe("app");
  });

  it("keeps application folders whose names only contain the letters t-e-s-t", () => {
    expect(fileRole("src/main/java/com/acme/latest/FeedController.java")).toBe("app");
    expect(fileRole("services/contest-api/src/server.ts")).toBe("app");
    expect(fileRole("module/shop-testcontainers/src/main/java/shop/Setup.java")).toBe("app");
    expect(fileRole("api-spec/openapi.yaml")).toBe("app");
    expect(fileRole("src/main/java/com/acme/intTest/Thing.java")).toBe("app");
  });

  it("judges JVM sources by their source set, not by package folders below it", () => {
    expect(fileRole("src/main/java/com/acme/docs/DocsController.java")).toBe("app");
    expect(fileRole("guide/src/main/java/com/acme/Demo.java")).toBe("app");
    expect(fileRole("documentation/guide/src/main/java/com/acme/Demo.java")).toBe("example");
  });

  it("keeps examples, samples and docs apart from application code", () => {
    expect(fileRole("examples/hello/app.js")).toBe("example");
    expect(fileRole("docs/modules/ROOT/pages/ssl.adoc")).toBe("example");
    expect(fileRole("src/server.ts")).toBe("app");
  });

  it("takes a sample or docs folder below routes/ for the URL segment it is", () => {
    expect(fileRole("routes/v1/sample/index.js")).toBe("app");
    expect(fileRole("src/routes/docs/+page.svelte")).toBe("app");
    expect(inExampleDir("routes/v1/sample/index.js")).toBe(false);
    // an example app's own routes stay example code
    expect(fileRole("examples/blog/routes/posts.js")).toBe("example");
  });
});
