import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { composeServices, microservicesDetector } from "./detect-microservices.js";
import { sourceFile } from "../../test-support/scan-context-from.js";

const detect = (files: Record<string, string>) =>
  microservicesDetector.detect(scanContextFrom(files)).signals?.microservices;

const EXPRESS_PKG = '{ "dependencies": { "express": "^4.19.0" } }';

describe("microservicesDetector", () => {
  it("does not count an app with its database as microservices", () => {
    expect(
      detect({
        "package.json": EXPRESS_PKG,
        Dockerfile: "FROM node:20\n",
        "docker-compose.yml":
          "services:\n  app:\n    build: .\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n",
      }),
    ).toEqual({ value: false, evidence: [] });
  });

  it("does not count a backend with a front-end app beside it", () => {
    expect(
      detect({
        "api/package.json": EXPRESS_PKG,
        "api/Dockerfile": "FROM node:20\n",
        "web/package.json": '{ "dependencies": { "react": "^18.0.0", "vite": "^5.0.0" } }',
        "web/Dockerfile": "FROM node:20\n",
      })?.value,
    ).toBe(false);
  });

  it("finds two services built from their own folders in Compose", () => {
    const result = detect({
      "orders/go.mod": "module example.com/orders\n",
      "billing/pom.xml": "<project></project>\n",
      "docker-compose.yml":
        "services:\n  orders:\n    build: ./orders\n  billing:\n    build:\n      context: ./billing\n  db:\n    image: postgres:16\n",
    });
    expect(result).toEqual({
      value: true,
      evidence: [
        { file: "docker-compose.yml", line: 2, note: "service orders" },
        { file: "docker-compose.yml", line: 4, note: "service billing" },
      ],
    });
  });

  it("counts Spring Cloud services that register with a discovery server, without images", () => {
    const client = (dep: string) =>
      `plugins { id 'org.springframework.boot' version '3.2.0' }\ndependencies {\n  implementation 'org.springframework.boot:spring-boot-starter-web'\n  implementation 'org.springframework.cloud:${dep}'\n}\n`;
    expect(
      detect({
        "settings.gradle": "include 'registry', 'users', 'orders'\n",
        "registry/build.gradle": client("spring-cloud-starter-netflix-eureka-server"),
        "users/build.gradle": client("spring-cloud-starter-netflix-eureka-client"),
        "users/src/main/java/shop/users/UsersApplication.java":
          "@SpringBootApplication\npublic class UsersApplication {}\n",
        "orders/src/main/kotlin/shop/orders/OrdersApplication.kt":
          "@SpringBootApplication\nclass OrdersApplication\n\nfun main(args: Array<String>) {}\n",
        "orders/pom.xml":
          "<project>\n  <dependencies>\n    <dependency>\n      <artifactId>spring-cloud-starter-consul-discovery</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n",
      }),
    ).toEqual({
      value: true,
      evidence: [
        {
          file: "users/build.gradle",
          line: 4,
          note: "service users (spring-cloud-starter-netflix-eureka-client)",
        },
        {
          file: "orders/pom.xml",
          line: 4,
          note: "service orders (spring-cloud-starter-consul-discovery)",
        },
      ],
    });
    // one service registering itself, and a parent build that only lists the dependency
    expect(
      detect({
        "pom.xml":
          "<project>\n  <packaging>pom</packaging>\n  <artifactId>spring-cloud-starter-netflix-eureka-client</artifactId>\n</project>\n",
        "users/build.gradle": client("spring-cloud-starter-netflix-eureka-client"),
        "orders/build.gradle": `// ${client("spring-cloud-starter-netflix-eureka-client").split("\n")[3] ?? ""}\n`,
      })?.value,
    ).toBe(false);
  });

  it("does not count library modules that declare a broker client but run nothing", () => {
    const module = (artifact: string) =>
      `dependencies {\n  optional("org.springframework.kafka:${artifact}")\n}\n`;
    expect(
      detect({
        "module/boot-kafka/build.gradle": module("spring-kafka"),
        "module/boot-kafka/src/main/java/boot/kafka/KafkaAutoConfiguration.java":
          "public class KafkaAutoConfiguration {}\n",
        "module/boot-amqp/build.gradle": module("spring-rabbit"),
      })?.value,
    ).toBe(false);
    expect(
      detect({
        "pkg/events/go.mod":
          "module example.com/events\n\nrequire github.com/segmentio/kafka-go v0.4.47\n",
        "pkg/events/publisher.go": "package events\n",
        "src/Shop.Messaging/Shop.Messaging.csproj":
          '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="RabbitMQ.Client" Version="6.8.1" />\n  </ItemGroup>\n</Project>\n',
      })?.value,
    ).toBe(false);
  });

  it("counts backend folders that talk through a message broker, not one app with a queue", () => {
    const service = (broker: string) =>
      `{ "dependencies": { "express": "^4.18.1", "${broker}": "^1.0.0" } }`;
    expect(
      detect({
        "auth-service/package.json": service("amqplib"),
        "order-service/package.json": service("amqplib"),
        "worker/requirements.txt": "pika==1.3.2\nrequests==2.31.0\n",
      }),
    ).toEqual({
      value: true,
      evidence: [
        { file: "auth-service/package.json", line: 1, note: "service auth-service (amqplib)" },
        { file: "order-service/package.json", line: 1, note: "service order-service (amqplib)" },
        { file: "worker/requirements.txt", line: 1, note: "service worker (pika)" },
      ],
    });
    expect(
      detect({
        "package.json": service("kafkajs"),
        "web/package.json": '{ "dependencies": { "react": "^18.0.0" } }',
        "scripts/requirements.txt": "# pika==1.3.2\nrequests==2.31.0\n",
        "libs/events/package.json":
          '{ "name": "@shop/events", "dependencies": { "kafkajs": "^2.0.0" } }',
      })?.value,
    ).toBe(false);
  });

  it("finds two application workloads in Kubernetes manifests", () => {
    const deploy = (name: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n        - name: ${name}\n          image: ghcr.io/acme/${name}:1.2.0\n`;
    expect(
      detect({
        "k8s/users.yaml": deploy("users"),
        "k8s/orders.yaml": deploy("orders"),
        "k8s/db.yaml": "kind: StatefulSet\nspec:\n  containers:\n    - image: postgres:16\n",
      })?.value,
    ).toBe(true);
  });

  it("does not count vendored platform installs, image settings or template values as services", () => {
    const deploy = (name: string, image: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n        - name: ${name}\n          image: ${image}\n`;
    const mesh = `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: proxies.mesh.io\n---\n${deploy("meshd", "docker.io/mesh/meshd:1.0")}`;
    const dashboard = `# Source: dash/templates/deployment.yaml\n${deploy("dash", "quay.io/dash/dash:v2").replace("metadata:\n", "metadata:\n  labels:\n    helm.sh/chart: dash-server-2.1.0\n")}`;
    const settings =
      'kind: ConfigMap\ndata:\n  image:\n    description: the proxy image\n---\nkind: Job\nspec:\n  containers:\n    - image: "{{ .ProxyImage }}"\n';
    expect(
      detect({
        "k8s/app/deployment.yaml": deploy("notes", "acme/notes-app:2.0.0"),
        "k8s/platform/mesh.yaml": mesh,
        "k8s/platform/dashboard.yaml": dashboard,
        "k8s/platform/settings.yaml": settings,
      }),
    ).toEqual({ value: false, evidence: [] });
  });

  it("finds the apps of a NestJS monorepo that import a transport client", () => {
    const files = {
      "package.json":
        '{ "dependencies": { "@nestjs/core": "^10.0.0", "@nestjs/microservices": "^10.0.0" } }',
      "nest-cli.json": JSON.stringify({
        monorepo: true,
        projects: {
          gateway: { type: "application", root: "apps/gateway" },
          users: { type: "application", root: "apps/users" },
          common: { type: "library", root: "libs/common" },
        },
      }),
      "apps/gateway/src/app.module.ts": "import { ClientsModule } from '@nestjs/microservices';\n",
      "apps/users/src/main.ts": "import { Transport } from '@nestjs/microservices';\n",
      "libs/common/src/rmq.ts": "import { Transport } from '@nestjs/microservices';\n",
    };
    const result = detect(files);
    expect(result?.value).toBe(true);
    expect(result?.evidence.map((e) => e.file)).toEqual([
      "apps/gateway/src/app.module.ts",
      "apps/users/src/main.ts",
    ]);
  });

  it("finds Nx node apps that import a transport client, with one root package.json", () => {
    const nxApp = (executor: string) =>
      `{ "projectType": "application", "targets": { "serve": { "executor": "${executor}" } } }`;
    const files = {
      "package.json":
        '{ "dependencies": { "@nestjs/core": "^10.0.0", "@nestjs/microservices": "^10.0.0" } }',
      "apps/gateway/project.json": nxApp("@nx/js:node"),
      "apps/gateway/src/main.ts": "import { ClientsModule } from '@nestjs/microservices';\n",
      "apps/orders/project.json": nxApp("@nrwl/node:execute"),
      "apps/orders/src/main.ts":
        "import { NestFactory } from '@nestjs/core';\nimport { Transport } from '@nestjs/microservices';\n",
      "apps/web/project.json": nxApp("@nx/angular:webpack-browser"),
      "apps/web/src/main.ts": "import { Transport } from '@nestjs/microservices';\n",
      "libs/contracts/project.json": '{ "projectType": "library" }',
      "libs/contracts/src/index.ts": "import { Transport } from '@nestjs/microservices';\n",
    };
    const result = detect(files);
    expect(result?.value).toBe(true);
    expect(result?.evidence.map((e) => `${e.file}:${e.line}`)).toEqual([
      "apps/gateway/src/main.ts:1",
      "apps/orders/src/main.ts:2",
    ]);
    // One Node app beside an Angular app and a library is one service.
    const single = { ...files, "apps/orders/project.json": nxApp("@nx/jest:jest") };
    expect(detect(single)?.value).toBe(false);
  });
});

describe("composeServices", () => {
  it("reads each service's code folder from its build context and Dockerfile", () => {
    const file = sourceFile(
      "deploy/compose.yaml",
      "services:\n  api:\n    build:\n      context: ..\n      dockerfile: services/api/Dockerfile\n  db:\n    image: postgres\n",
    );
    expect(composeServices(file).map((s) => [s.name, s.dir, s.image])).toEqual([
      ["api", "services/api", undefined],
      ["db", undefined, "postgres"],
    ]);
  });

  it("does not count an app beside an OpenTelemetry collector as microservices", () => {
    const deploy = (image: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: ${image}\n`;
    expect(
      detect({
        "gitops/app.yaml": deploy("ghcr.io/acme/shop-api:1.0.0"),
        "gitops/otel.yaml": deploy("otel/opentelemetry-collector-contrib:0.98.0"),
      }),
    ).toEqual({ value: false, evidence: [] });
  });

  const WEB_SDK = '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n';

  it("counts the backend projects a .NET Aspire AppHost runs, not its Blazor front end", () => {
    const result = detect({
      "src/Shop.AppHost/Shop.AppHost.csproj": '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
      "src/Shop.AppHost/Program.cs": [
        "var builder = DistributedApplication.CreateBuilder(args);",
        'var stock = builder.AddProject<Projects.Stock_API>("stock-api");',
        'var billing = builder.AddProject<Projects.Billing_Worker>("billing");',
        'builder.AddProject<Projects.Shop_Web>("web").WithReference(stock);',
        "builder.Build().Run();",
        "",
      ].join("\n"),
      "src/Stock.API/Stock.API.csproj": WEB_SDK,
      "src/Billing-Worker/Billing-Worker.csproj":
        '<Project Sdk="Microsoft.NET.Sdk.Worker"></Project>\n',
      "src/Shop.Web/Shop.Web.csproj": WEB_SDK,
      "src/Shop.Web/Components/App.razor": "<h1>Shop</h1>\n",
    });
    expect(result).toEqual({
      value: true,
      evidence: [
        { file: "src/Shop.AppHost/Program.cs", line: 2, note: "Aspire project Stock_API" },
        { file: "src/Shop.AppHost/Program.cs", line: 3, note: "Aspire project Billing_Worker" },
      ],
    });
  });

  it("does not add up two AppHosts that each run one API (two templates in one repository)", () => {
    const host = (project: string) =>
      `var builder = DistributedApplication.CreateBuilder(args);\nbuilder.AddProject<Projects.${project}>("web");\n`;
    expect(
      detect({
        "full/Full.AppHost/Program.cs": host("Full_Web"),
        "full/Full.Web/Full.Web.csproj": WEB_SDK,
        "minimal/Minimal.AppHost/Program.cs": host("Minimal_Web"),
        "minimal/Minimal.Web/Minimal.Web.csproj": WEB_SDK,
      }),
    ).toEqual({ value: false, evidence: [] });
  });

  it("does not count Aspire's starter (one API and its web front end) as microservices", () => {
    expect(
      detect({
        "App.AppHost/Program.cs":
          'var builder = DistributedApplication.CreateBuilder(args);\nvar api = builder.AddProject<Projects.App_ApiService>("apiservice");\nbuilder.AddProject<Projects.App_Web>("webfrontend").WithReference(api);\n',
        "App.ApiService/App.ApiService.csproj": WEB_SDK,
        "App.Web/App.Web.csproj": WEB_SDK,
        "App.Web/Components/Pages/Home.razor": "<h1>Home</h1>\n",
      }),
    ).toEqual({ value: false, evidence: [] });
  });
});
