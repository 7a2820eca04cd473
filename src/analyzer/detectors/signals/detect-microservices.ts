/**
 * microservices: two or more separately deployable backend services in the repository.
 *
 * A service is a folder that builds its own image and holds a backend manifest (pom.xml,
 * build.gradle, go.mod, requirements.txt, pyproject.toml, Gemfile, composer.json, *.csproj,
 * Cargo.toml, or a package.json that is not a front-end app). Services are found two ways:
 * Compose services built from the repository (`build:` with their context or Dockerfile folder)
 * and folders that have both a Dockerfile and a backend manifest. Kubernetes workloads count when
 * two or more Deployments/StatefulSets run different images that are not infrastructure. A .NET
 * Aspire AppHost (`builder.AddProject<Projects.Catalog_API>(…)`) counts the projects it runs that
 * are not Blazor front ends. Backend folders whose manifests declare a Spring Cloud discovery
 * client or a message-broker client count when two or more do, with or without images.
 * App + database (+ cache, queue, proxy) is one service, not microservices; so is a backend with
 * a front-end app beside it.
 */
import { joinRepoPath, nearestDir, parentDir } from "../../repo-path.js";
import type { Evidence } from "../../report.js";
import {
  lineInFile,
  type Detector,
  type ScanContext,
  type SourceFile,
} from "../../scan-context.js";
import { isComposeFile, isDockerfile } from "./detect-containers.js";
import { boolSignal, fileEvidence, findPattern, JS_EXTS, jsImport } from "./signal-kit.js";
import { isServerManifest } from "../manifests/project-manifests.js";
import { nestCliAppDirs } from "../../nest-cli-projects.js";
import { nxNodeAppDirs } from "../../nx-projects.js";

const FRONTEND_DEPS = /"(?:react|react-dom|vue|@angular\/core|svelte|solid-js|preact|vite)"\s*:/;
const BACKEND_DEPS =
  /"(?:express|fastify|@nestjs\/core|koa|hono|@hapi\/hapi|restify|@apollo\/server|apollo-server|graphql-yoga|kafkajs|amqplib|bullmq|socket\.io|ws|@grpc\/grpc-js)"\s*:/;
const INFRA_IMAGE =
  /^(?:[\w.-]+\/)*(?:postgres|postgis|mysql|mariadb|mongo|mongodb|redis|valkey|memcached|rabbitmq|kafka|cp-kafka|zookeeper|cp-zookeeper|nats|elasticsearch|opensearch|kibana|logstash|nginx|traefik|haproxy|envoy|caddy|minio|localstack|mailhog|mailpit|adminer|pgadmin4?|prometheus|grafana|jaeger|all-in-one|otel-collector|opentelemetry-collector(?:-contrib|-k8s)?|loki|tempo|promtail|fluent-bit|fluentd|alertmanager|node-exporter|consul|vault|keycloak|busybox|alpine|mssql\/server|cassandra|dynamodb-local|azurite|selenium|wiremock)(?::|$)/;

function isBackendManifest(file: SourceFile): boolean {
  if (isServerManifest(file)) return true;
  if (file.name !== "package.json") return false;
  if (BACKEND_DEPS.test(file.text)) return true;
  // A package.json with a front-end framework and no server framework is a web client.
  return (
    !FRONTEND_DEPS.test(file.text) &&
    /"(?:start|serve)"\s*:\s*"[^"]*\b(?:node|ts-node|tsx|nest)\b/.test(file.text)
  );
}

function backendDirs(ctx: ScanContext, workspaceApps: ReadonlySet<string>): Set<string> {
  const dirs = new Set<string>(workspaceApps);
  for (const file of ctx.files) {
    if (file.role === "app" && isBackendManifest(file)) dirs.add(parentDir(file.path));
  }
  return dirs;
}

interface ComposeService {
  readonly name: string;
  readonly offset: number;
  /** folder that holds the service's code: the Dockerfile's folder, else the build context */
  readonly dir: string | undefined;
  readonly image: string | undefined;
}

/** Services of a Compose file, read by indentation (enough for the keys needed here). */
export function composeServices(file: SourceFile): ComposeService[] {
  const lines = file.text.split("\n");
  const services: ComposeService[] = [];
  let offset = 0;
  let inServices = false;
  let serviceIndent = -1;
  let current:
    | { name: string; offset: number; context?: string; dockerfile?: string; image?: string }
    | undefined;
  const base = parentDir(file.path);
  const flush = (): void => {
    if (!current) return;
    const dockerfileDir = current.dockerfile?.includes("/") ? parentDir(current.dockerfile) : "";
    // A build context outside the repository is no folder of it.
    const context = current.context === undefined ? null : joinRepoPath(base, current.context);
    const dir = context === null ? undefined : (joinRepoPath(context, dockerfileDir) ?? undefined);
    services.push({ name: current.name, offset: current.offset, dir, image: current.image });
    current = undefined;
  };
  for (const line of lines) {
    const lineOffset = offset;
    offset += line.length + 1;
    if (/^\s*(?:#|$)/.test(line)) continue;
    const indent = line.length - line.trimStart().length;
    if (indent === 0) {
      flush();
      inServices = /^services\s*:/.test(line);
      serviceIndent = -1;
      continue;
    }
    if (!inServices) continue;
    if (serviceIndent === -1) serviceIndent = indent;
    if (indent === serviceIndent) {
      flush();
      const name = /^\s*["']?([\w.-]+)["']?\s*:/.exec(line)?.[1];
      if (name) current = { name, offset: lineOffset };
      continue;
    }
    if (!current) continue;
    const build = /^\s*build\s*:\s*["']?([^"'\s#{]+)?/.exec(line);
    if (build) current.context = build[1] ?? current.context ?? ".";
    const context = /^\s*context\s*:\s*["']?([^"'\s#]+)/.exec(line);
    if (context?.[1]) current.context = context[1];
    const dockerfile = /^\s*dockerfile\s*:\s*["']?([^"'\s#]+)/.exec(line);
    if (dockerfile?.[1]) current.dockerfile = dockerfile[1];
    const image = /^\s*image\s*:\s*["']?([^"'\s#]+)/.exec(line);
    if (image?.[1]) current.image = image[1];
  }
  flush();
  return services;
}

/** Names of the Compose services built from the repository's own folders (their hostnames). */
export function builtComposeServices(ctx: ScanContext): string[] {
  const names = new Set<string>();
  for (const file of ctx.files) {
    if (file.role !== "app" || !isComposeFile(file)) continue;
    for (const svc of composeServices(file)) if (svc.dir !== undefined) names.add(svc.name);
  }
  return [...names];
}

/** `builder.AddProject<Projects.Catalog_API>("catalog-api")` in an Aspire AppHost. */
const ASPIRE_PROJECT = /\.AddProject\s*<\s*Projects\.(\w+)\s*>\s*\(/g;

/** Aspire names a project's class after its file name, with dots and dashes made underscores. */
function aspireProjectName(csprojPath: string): string {
  const base = csprojPath.slice(csprojPath.lastIndexOf("/") + 1).replace(/\.csproj$/i, "");
  return base.replace(/[.\- ]/g, "_");
}

/**
 * The backend projects of the Aspire AppHost that runs two or more, by folder. Projects holding
 * `.razor` components are Blazor front ends: the starter template's API plus web front end is
 * one service. Each AppHost is one application: two templates in one repository, each with a
 * host running one API, are not microservices.
 */
function aspireServices(ctx: ScanContext, backends: Set<string>): Map<string, Evidence> {
  let largest = new Map<string, Evidence>();
  const hosts = ctx.files.filter(
    (f) => f.role === "app" && f.ext === "cs" && f.text.includes("DistributedApplication"),
  );
  if (hosts.length === 0) return largest;
  const projectDirs = new Map<string, string>();
  for (const file of ctx.files) {
    if (file.ext === "csproj") projectDirs.set(aspireProjectName(file.path), parentDir(file.path));
  }
  const razorPaths = ctx.files.filter((f) => f.ext === "razor").map((f) => f.path);
  const isFrontEnd = (dir: string): boolean =>
    razorPaths.some((path) => dir === "" || path.startsWith(`${dir}/`));
  for (const host of hosts) {
    const found = new Map<string, Evidence>();
    ASPIRE_PROJECT.lastIndex = 0;
    for (let m = ASPIRE_PROJECT.exec(host.text); m !== null; m = ASPIRE_PROJECT.exec(host.text)) {
      const dir = projectDirs.get(m[1] ?? "");
      if (dir === undefined || !backends.has(dir) || found.has(dir) || isFrontEnd(dir)) continue;
      found.set(dir, {
        file: host.path,
        line: lineInFile(host, m.index),
        note: `Aspire project ${m[1] ?? ""}`,
      });
    }
    if (found.size > largest.size) largest = found;
  }
  return largest.size >= 2 ? largest : new Map<string, Evidence>();
}

/**
 * What a service declares to reach the other services of its system: a Spring Cloud discovery
 * client (Eureka, Consul, Zookeeper, Kubernetes), or a message-broker client (RabbitMQ, Kafka,
 * NATS, NestJS microservice transports), in any backend manifest.
 */
const SERVICE_LINK =
  /spring-cloud-starter-(?:netflix-eureka-client|consul-discovery|zookeeper-discovery|kubernetes-[\w-]*discovery[\w-]*)|spring-cloud-stream|spring-boot-starter-amqp|spring-(?:kafka|rabbit)\b|["'](?:amqplib|amqp-connection-manager|kafkajs|nats|@nestjs\/microservices)["'][ \t]*:|^(?:pika|aio-pika|kafka-python|confluent-kafka|aiokafka|nats-py)\b|github\.com\/(?:rabbitmq\/amqp091-go|streadway\/amqp|segmentio\/kafka-go|IBM\/sarama|Shopify\/sarama|nats-io\/nats\.go)|Include="(?:RabbitMQ\.Client|MassTransit[\w.]*|Confluent\.Kafka)"|gem[ \t]+["'](?:bunny|sneakers|ruby-kafka|karafka)["']/m;
const RUNS_AS_PROCESS =
  /"(?:start|dev|serve|start:dev|start:prod)"\s*:|"(?:express|fastify|@nestjs\/core|koa|hono|@hapi\/hapi)"\s*:/;
const JVM_BUILDS = new Set(["pom.xml", "build.gradle", "build.gradle.kts"]);
const GO_MAIN = /^package main\b/m;
const DOTNET_PROGRAM = /Sdk="Microsoft\.NET\.Sdk\.(?:Web|Worker)"|<OutputType>\s*Exe/;
const JVM_MAIN =
  /@SpringBootApplication\b|@QuarkusMain\b|\bMicronaut\.run\s*\(|\bstatic\s+void\s+main\s*\(|^fun\s+main\s*\(/m;

/**
 * Whether the manifest's folder is a program rather than a library: the modules of a framework
 * (Spring Boot's own spring-boot-kafka) or a shared client package declare broker clients too.
 * A JVM or Go module needs an entry point of its own, a .NET project the Web or Worker SDK or an
 * executable output.
 */
function runsItself(ctx: ScanContext, manifest: SourceFile, dir: string): boolean {
  if (manifest.ext === "csproj") return DOTNET_PROGRAM.test(manifest.text);
  const entry = JVM_BUILDS.has(manifest.name)
    ? { exts: ["java", "kt"], re: JVM_MAIN }
    : manifest.name === "go.mod"
      ? { exts: ["go"], re: GO_MAIN }
      : undefined;
  if (entry === undefined) return true;
  const prefix = dir === "" ? "" : `${dir}/`;
  return ctx.files.some(
    (f) =>
      f.role === "app" &&
      entry.exts.includes(f.ext) &&
      f.path.startsWith(prefix) &&
      entry.re.test(f.text),
  );
}

/** A parent build whose dependency lists its modules inherit or pick from: no service itself. */
const PARENT_BUILD = /<packaging>\s*pom\s*<\/packaging>|^\s*(?:subprojects|allprojects)\s*\{/m;

/**
 * Services by folder that find each other through a registry or a message broker: two or more
 * backend folders whose manifests declare such a link run as separate processes (each `bootRun`,
 * `npm run dev`, or a jar each) even when the repository builds no images, which the Compose
 * and Dockerfile rules cannot see.
 */
function linkedServices(ctx: ScanContext, backends: Set<string>): Map<string, Evidence> {
  const found = new Map<string, Evidence>();
  for (const file of ctx.files) {
    if (file.role !== "app" || !isBackendManifest(file)) continue;
    const dir = parentDir(file.path);
    if (!backends.has(dir) || found.has(dir) || PARENT_BUILD.test(file.text)) continue;
    // A package of a JavaScript monorepo that wraps the broker client is a library, not a
    // process: a service has a server framework or a script that starts it.
    if (file.name === "package.json" && !RUNS_AS_PROCESS.test(file.text)) continue;
    const m = SERVICE_LINK.exec(file.text);
    if (!m) continue;
    const lineStart = file.text.lastIndexOf("\n", m.index) + 1;
    if (/^\s*(?:\/\/|<!--|#)/.test(file.text.slice(lineStart, m.index))) continue;
    if (!runsItself(ctx, file, dir)) continue;
    const link = m[0].replace(/^(?:gem[ \t]+|Include=)|["':\s]/g, "");
    found.set(dir, {
      file: file.path,
      line: lineInFile(file, m.index),
      note: `service ${dir === "" ? "(root)" : dir} (${link})`,
    });
  }
  return found;
}

/** Transport clients a Node service imports to reach the others (NestJS transports, brokers). */
const JS_TRANSPORTS = [
  "@nestjs/microservices",
  "nestjs-rmq",
  "@golevelup/nestjs-rabbitmq",
  "amqplib",
  "amqp-connection-manager",
  "kafkajs",
  "nats",
].map((module) => jsImport(module));

/**
 * The apps of a JavaScript workspace with one root package.json: Nx's Node apps and the
 * applications of a NestJS monorepo's nest-cli.json.
 */
function workspaceAppDirs(ctx: ScanContext): Set<string> {
  const dirs = nxNodeAppDirs(ctx);
  for (const dir of nestCliAppDirs(ctx)) dirs.add(dir);
  return dirs;
}

/**
 * Workspace apps that import a transport client in their own code. Such a workspace declares
 * every dependency in its root package.json, so the manifest rule above cannot tell which app
 * uses the broker; the app's imports can.
 */
function workspaceLinkedServices(
  ctx: ScanContext,
  apps: ReadonlySet<string>,
): Map<string, Evidence> {
  const found = new Map<string, Evidence>();
  if (apps.size < 2) return found;
  for (const file of ctx.files) {
    if (file.role !== "app" || !JS_EXTS.includes(file.ext)) continue;
    // The workspace root is no app of its own here (see the caller).
    const app = nearestDir(parentDir(file.path), apps);
    if (app === undefined || app === "" || found.has(app)) continue;
    for (const pattern of JS_TRANSPORTS) {
      const hit = findPattern(file, pattern);
      if (hit === undefined) continue;
      found.set(app, { ...hit, note: `service ${app} (${hit.note ?? ""})` });
      break;
    }
  }
  return found;
}

const K8S_WORKLOAD = /^kind:\s*(?:Deployment|StatefulSet|DaemonSet|CronJob|Job)\s*$/m;
/** An image name on the key's own line (an `image:` mapping of settings has none). */
const K8S_IMAGE = /^[ \t]*-?[ \t]*image:[ \t]*["']?([^"'\s#]+)/gm;
/**
 * Someone else's software installed beside the app: an operator or mesh bundle that defines
 * its own resource kinds, or the rendered output of a published Helm chart (a literal chart
 * label, where the project's own chart templates write `{{ include … }}`).
 */
const VENDORED_INSTALL =
  /^kind:[ \t]*CustomResourceDefinition[ \t]*$|^[ \t]*helm\.sh\/chart:[ \t]*["']?[\w.-]+["']?[ \t]*$/m;

export const microservicesDetector: Detector = {
  id: "signals/microservices",
  detect(ctx) {
    const workspaceApps = workspaceAppDirs(ctx);
    const backends = backendDirs(ctx, workspaceApps);
    const services = new Map<string, Evidence>();

    for (const file of ctx.files) {
      if (file.role !== "app") continue;
      if (isComposeFile(file)) {
        for (const svc of composeServices(file)) {
          if (svc.dir !== undefined && backends.has(svc.dir) && !services.has(svc.dir)) {
            services.set(svc.dir, {
              file: file.path,
              line: lineInFile(file, svc.offset),
              note: `service ${svc.name}`,
            });
          }
        }
      } else if (isDockerfile(file) && !file.path.startsWith(".devcontainer/")) {
        const dir = parentDir(file.path);
        if (backends.has(dir) && !services.has(dir))
          services.set(dir, fileEvidence(file, `service ${dir === "" ? "(root)" : dir}`));
      }
    }
    for (const [dir, found] of aspireServices(ctx, backends)) {
      if (!services.has(dir)) services.set(dir, found);
    }
    const linked = linkedServices(ctx, backends);
    // The root manifest of an Nx or Nest workspace declares the dependencies of all its apps;
    // it is the workspace, not a service of its own.
    if (workspaceApps.size > 0 && !workspaceApps.has("")) linked.delete("");
    for (const [dir, found] of workspaceLinkedServices(ctx, workspaceApps)) {
      if (!linked.has(dir)) linked.set(dir, found);
    }
    if (linked.size >= 2) {
      for (const [dir, found] of linked) if (!services.has(dir)) services.set(dir, found);
    }
    if (services.size >= 2)
      return { signals: { microservices: boolSignal([...services.values()]) } };

    const images = new Map<string, Evidence>();
    for (const file of ctx.files) {
      if (
        file.role !== "app" ||
        (file.ext !== "yml" && file.ext !== "yaml") ||
        !K8S_WORKLOAD.test(file.text) ||
        VENDORED_INSTALL.test(file.text)
      )
        continue;
      K8S_IMAGE.lastIndex = 0;
      for (let m = K8S_IMAGE.exec(file.text); m !== null; m = K8S_IMAGE.exec(file.text)) {
        const image = (m[1] ?? "").replace(/:[^/]*$/, "");
        // A template value (`{{ .Values.image }}`) names no image of its own.
        if (image === "" || image.startsWith("{{") || INFRA_IMAGE.test(image) || images.has(image))
          continue;
        images.set(image, {
          file: file.path,
          line: lineInFile(file, m.index),
          note: `workload image ${image}`,
        });
      }
    }
    return { signals: { microservices: boolSignal(images.size >= 2 ? [...images.values()] : []) } };
  },
};
