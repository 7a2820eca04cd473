/**
 * The fixture corpus, end to end: each fixture is written into a real temp git repository and
 * analysed by `analyze`, exactly as `devladder analyze <dir>` would, and the report must hold the
 * fixture's frameworks, its endpoints and the value of every one of the catalogue's signals.
 *
 * The expectations state what is true of each fixture's files, decided by reading them, not what
 * the analyzer happened to print. A fixture states the signals its files show (expectSignals);
 * every signal it leaves out is expected absent, and asserted like the others. Where a detector
 * still disagrees, the fixture's entry in KNOWN_MISMATCHES names the signal; that assertion is
 * inverted (it must still be wrong), so the entry has to go as soon as the detector is fixed.
 *
 * The traps the issue asks for, and the fixtures that set them:
 * - a frontend-only app calling an API: node-frontend-only
 * - front-end code that looks like backend facts: node-frontend-only, fullstack-express-react,
 *   node-express-react-ui, node-nextjs-fullstack (client modules among a Next.js app's routes)
 * - a web-framework library with an examples/ folder: node-framework-library
 * - a CLI tool: node-cli-tool
 * - a docs/spec repository: docs-openapi-spec
 * - server-rendered MVC apps with no JSON API: node-ssr-mvc, python-django-ssr, java-spring-mvc-ssr
 * - placeholder vs real-looking secrets: secrets-placeholders-vs-real (and signals-spring-boot)
 * - tests that are empty stubs: node-empty-test-stubs (and the empty generated tests beside real
 *   ones in signals-django-drf and signals-spring-boot, the empty test of java-spring-boot-api)
 * - mount prefixes split across files: node-express-api, node-fastify-api, node-nestjs-api,
 *   node-koa-api, node-hono-api, python-django-drf, python-flask-api, python-fastapi-api,
 *   go-gin-api, go-chi-api, kotlin-spring-gradle, kotlin-webflux-router (functional routing),
 *   dotnet-aspnetcore-api
 * - routes in tests and HTTP-client calls that are not endpoints: node-express-api, go-gin-api,
 *   java-spring-boot-api, java-jaxrs-api, kotlin-webflux-router, python-flask-api, php-laravel-api,
 *   dotnet-aspnetcore-api, node-trpc-api (tRPC client hooks)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRoadmap } from "../content/content-loader.js";
import { SIGNAL_IDS, type SignalId } from "../content/signals.js";
import { analyze } from "./analyze.js";
import type { EvidenceReport } from "./report.js";
import * as docsOpenapiSpec from "./test-support/fixtures/docs-openapi-spec.js";
import * as dotnetAspnetcoreApi from "./test-support/fixtures/dotnet-aspnetcore-api.js";
import * as fullstackExpressReact from "./test-support/fixtures/fullstack-express-react.js";
import * as goChiApi from "./test-support/fixtures/go-chi-api.js";
import * as goEchoApi from "./test-support/fixtures/go-echo-api.js";
import * as goGinApi from "./test-support/fixtures/go-gin-api.js";
import * as goNethttpApi from "./test-support/fixtures/go-nethttp-api.js";
import * as javaJaxrsApi from "./test-support/fixtures/java-jaxrs-api.js";
import * as javaSpringBootApi from "./test-support/fixtures/java-spring-boot-api.js";
import * as javaSpringMvcSsr from "./test-support/fixtures/java-spring-mvc-ssr.js";
import * as kotlinSpringGradle from "./test-support/fixtures/kotlin-spring-gradle.js";
import * as kotlinWebfluxRouter from "./test-support/fixtures/kotlin-webflux-router.js";
import * as nodeCliTool from "./test-support/fixtures/node-cli-tool.js";
import * as nodeEmptyTestStubs from "./test-support/fixtures/node-empty-test-stubs.js";
import * as nodeExpressApi from "./test-support/fixtures/node-express-api.js";
import * as nodeExpressReactUi from "./test-support/fixtures/node-express-react-ui.js";
import * as nodeFastifyApi from "./test-support/fixtures/node-fastify-api.js";
import * as nodeFrameworkLibrary from "./test-support/fixtures/node-framework-library.js";
import * as nodeFrontendOnly from "./test-support/fixtures/node-frontend-only.js";
import * as nodeHonoApi from "./test-support/fixtures/node-hono-api.js";
import * as nodeKoaApi from "./test-support/fixtures/node-koa-api.js";
import * as nodeNestjsApi from "./test-support/fixtures/node-nestjs-api.js";
import * as nodeNextjsFullstack from "./test-support/fixtures/node-nextjs-fullstack.js";
import * as nodeSsrMvc from "./test-support/fixtures/node-ssr-mvc.js";
import * as nodeTrpcApi from "./test-support/fixtures/node-trpc-api.js";
import * as phpLaravelApi from "./test-support/fixtures/php-laravel-api.js";
import * as pythonDjangoDrf from "./test-support/fixtures/python-django-drf.js";
import * as pythonDjangoSsr from "./test-support/fixtures/python-django-ssr.js";
import * as pythonFastapiApi from "./test-support/fixtures/python-fastapi-api.js";
import * as pythonFlaskApi from "./test-support/fixtures/python-flask-api.js";
import * as rubyRailsApi from "./test-support/fixtures/ruby-rails-api.js";
import * as secretsPlaceholdersVsReal from "./test-support/fixtures/secrets-placeholders-vs-real.js";
import * as signalsDjangoDrf from "./test-support/fixtures/signals-django-drf.js";
import * as signalsNodePrisma from "./test-support/fixtures/signals-node-prisma.js";
import * as signalsSpringBoot from "./test-support/fixtures/signals-spring-boot.js";
import type {
  ExpectedSignals,
  StackExpectation,
} from "./test-support/fixtures/stack-expectation.js";
import { makeRepo, type FileMap, type TempRepo } from "./test-support/make-repo.js";

interface CorpusFixture {
  readonly files: FileMap;
  readonly expected: StackExpectation;
  readonly signals: ExpectedSignals;
  /** raw credentials committed in the fixture, which no report may contain */
  readonly rawSecrets?: readonly string[];
}

const CORPUS: readonly (readonly [string, CorpusFixture])[] = [
  ["docs-openapi-spec", docsOpenapiSpec],
  ["dotnet-aspnetcore-api", dotnetAspnetcoreApi],
  ["fullstack-express-react", fullstackExpressReact],
  ["go-chi-api", goChiApi],
  ["go-echo-api", goEchoApi],
  ["go-gin-api", goGinApi],
  ["go-nethttp-api", goNethttpApi],
  ["java-jaxrs-api", javaJaxrsApi],
  ["java-spring-boot-api", javaSpringBootApi],
  ["java-spring-mvc-ssr", javaSpringMvcSsr],
  ["kotlin-spring-gradle", kotlinSpringGradle],
  ["kotlin-webflux-router", kotlinWebfluxRouter],
  ["node-cli-tool", nodeCliTool],
  ["node-empty-test-stubs", nodeEmptyTestStubs],
  ["node-express-api", nodeExpressApi],
  ["node-express-react-ui", nodeExpressReactUi],
  ["node-fastify-api", nodeFastifyApi],
  ["node-framework-library", nodeFrameworkLibrary],
  ["node-frontend-only", nodeFrontendOnly],
  ["node-hono-api", nodeHonoApi],
  ["node-koa-api", nodeKoaApi],
  ["node-nestjs-api", nodeNestjsApi],
  ["node-nextjs-fullstack", nodeNextjsFullstack],
  ["node-ssr-mvc", nodeSsrMvc],
  ["node-trpc-api", nodeTrpcApi],
  ["php-laravel-api", phpLaravelApi],
  ["python-django-drf", pythonDjangoDrf],
  ["python-django-ssr", pythonDjangoSsr],
  ["python-fastapi-api", pythonFastapiApi],
  ["python-flask-api", pythonFlaskApi],
  ["ruby-rails-api", rubyRailsApi],
  ["secrets-placeholders-vs-real", secretsPlaceholdersVsReal],
  ["signals-django-drf", signalsDjangoDrf],
  ["signals-node-prisma", signalsNodePrisma],
  ["signals-spring-boot", signalsSpringBoot],
];

/**
 * Signals whose detector (in a folder being calibrated by someone else) still reports a value
 * other than the fixture's truth, with what is wrong. The expectation in the fixture stays true;
 * the test asserts the detector still gets it wrong, so a fix makes the test name the entry to
 * delete. Keep this short.
 */
const KNOWN_MISMATCHES: Readonly<Record<string, Partial<Record<SignalId, string>>>> = {};

const checks = loadRoadmap().checks;

function sorted<T>(values: readonly T[]): T[] {
  return [...values].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Lists are compared as sets: the order in which detectors report them carries no meaning. */
function comparable(value: unknown): unknown {
  return Array.isArray(value) ? sorted(value) : value;
}

function isPresent(value: unknown): boolean {
  return (
    value === true ||
    (typeof value === "number" && value > 0) ||
    (Array.isArray(value) && value.length > 0)
  );
}

describe("the fixture corpus, analysed end to end from real git repositories", () => {
  it("lists every fixture once, and every known mismatch belongs to a listed fixture", () => {
    const names = CORPUS.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of Object.keys(KNOWN_MISMATCHES)) expect(names).toContain(name);
  });

  for (const [name, fixture] of CORPUS) {
    describe(name, () => {
      let repo: TempRepo | undefined;
      let report: EvidenceReport;
      const mismatches = KNOWN_MISMATCHES[name] ?? {};

      beforeAll(async () => {
        repo = makeRepo(fixture.files);
        report = await analyze(repo.dir, checks);
      });
      afterAll(() => repo?.cleanup());

      it("states a stack expectation consistent with its signal expectation", () => {
        expect(fixture.signals.http_endpoints).toBe(fixture.expected.http_endpoints);
        expect(fixture.signals.rest_api).toBe(fixture.expected.rest_api);
      });

      it("reports exactly the expected frameworks with their category and confidence", () => {
        const actual = report.frameworks.map(({ id, category, confidence }) => ({
          id,
          category,
          confidence,
        }));
        expect(actual).toEqual(
          [...fixture.expected.frameworks].sort((a, b) => a.id.localeCompare(b.id)),
        );
      });

      it("reports exactly the expected endpoints", () => {
        // Compared as sets: the report orders with localeCompare, detectors by code point.
        expect(sorted(report.endpoints)).toEqual(sorted(fixture.expected.endpoints));
      });

      it("gives every signal of the catalogue exactly its true value", () => {
        expect(Object.keys(report.signals).sort()).toEqual([...SIGNAL_IDS].sort());
        const actual: Record<string, unknown> = {};
        const wanted: Record<string, unknown> = {};
        for (const id of SIGNAL_IDS) {
          if (id in mismatches) continue;
          actual[id] = comparable(report.signals[id].value);
          wanted[id] = comparable(fixture.signals[id]);
        }
        expect(actual).toEqual(wanted);
      });

      const known = Object.keys(mismatches) as SignalId[];
      if (known.length > 0) {
        it(`still gets ${known.join(", ")} wrong (remove the KNOWN_MISMATCHES entry once fixed)`, () => {
          for (const id of known) {
            expect(
              comparable(report.signals[id].value),
              `${name}: ${id} now matches the truth; delete it from KNOWN_MISMATCHES`,
            ).not.toEqual(comparable(fixture.signals[id]));
          }
        });
      }

      it("backs every present signal with evidence in files of the fixture", () => {
        const paths = Object.keys(fixture.files);
        for (const id of SIGNAL_IDS) {
          const { value, evidence } = report.signals[id];
          if (!isPresent(value)) continue;
          expect(evidence.length, `${id} has no evidence`).toBeGreaterThan(0);
          for (const e of evidence) expect(paths, `${id} points at ${e.file}`).toContain(e.file);
        }
      });

      const rawSecrets = fixture.rawSecrets ?? [];
      if (rawSecrets.length > 0) {
        it("never shows a committed credential unmasked anywhere in the report", () => {
          const json = JSON.stringify(report);
          for (const raw of rawSecrets) {
            expect(json).not.toContain(raw);
            // Not even a recognisable middle part: masks keep at most the first and last four.
            expect(json).not.toContain(raw.slice(4, -4));
          }
        });
      }
    });
  }
});
