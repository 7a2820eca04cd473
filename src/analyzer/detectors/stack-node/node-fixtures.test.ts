import { describe, expect, it } from "vitest";
import * as expressApi from "../../test-support/fixtures/node-express-api.js";
import * as fastifyApi from "../../test-support/fixtures/node-fastify-api.js";
import * as nestjsApi from "../../test-support/fixtures/node-nestjs-api.js";
import * as koaApi from "../../test-support/fixtures/node-koa-api.js";
import * as honoApi from "../../test-support/fixtures/node-hono-api.js";
import * as trpcApi from "../../test-support/fixtures/node-trpc-api.js";
import * as nextjsFullstack from "../../test-support/fixtures/node-nextjs-fullstack.js";
import * as frontendOnly from "../../test-support/fixtures/node-frontend-only.js";
import * as frameworkLibrary from "../../test-support/fixtures/node-framework-library.js";
import * as cliTool from "../../test-support/fixtures/node-cli-tool.js";
import * as ssrMvc from "../../test-support/fixtures/node-ssr-mvc.js";
import type { StackExpectation } from "../../test-support/fixtures/stack-expectation.js";
import type { FileMap } from "../../test-support/make-repo.js";
import { observeAsyncStack } from "../../test-support/stack-fixture-check.js";
import { nodeStackDetector } from "./index.js";

const fixtures: readonly (readonly [string, { files: FileMap; expected: StackExpectation }])[] = [
  ["node-express-api", expressApi],
  ["node-fastify-api", fastifyApi],
  ["node-nestjs-api", nestjsApi],
  ["node-koa-api", koaApi],
  ["node-hono-api", honoApi],
  ["node-trpc-api", trpcApi],
  ["node-nextjs-fullstack", nextjsFullstack],
  ["node-frontend-only", frontendOnly],
  ["node-framework-library", frameworkLibrary],
  ["node-cli-tool", cliTool],
  ["node-ssr-mvc", ssrMvc],
];

describe("Node stack detector on the fixture corpus", () => {
  for (const [name, fixture] of fixtures) {
    it(`reports exactly the frameworks, endpoints and rest_api of ${name}`, async () => {
      expect(await observeAsyncStack(nodeStackDetector, fixture.files)).toEqual(fixture.expected);
    });
  }
});
