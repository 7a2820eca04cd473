import Fastify from "fastify";
import { validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { registerErrorHandler } from "./error-handler.js";
import { isDirectionNeutral, responseSerializerCompiler } from "./response-serializer.js";

describe("response serializer", () => {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  const profile = z.object({ userId: z.string(), hoursPerWeek: z.number().int().min(1) });
  const withDefault = z.object({ name: z.string(), visibility: z.string().default("private") });
  let answer: unknown;

  beforeAll(async () => {
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(responseSerializerCompiler);
    registerErrorHandler(app);
    // the handlers send whatever the test put in `answer`, as a buggy presenter might
    app.get("/neutral", { schema: { response: { 200: profile } } }, () => answer as never);
    app.get("/default", { schema: { response: { 200: withDefault } } }, () => answer as never);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  const get = async (url: string, body: unknown) => {
    answer = body;
    const response = await app.inject({ method: "GET", url });
    return { status: response.statusCode, body: response.json<unknown>() };
  };

  it("sends only the fields the schema lists", async () => {
    const sent = await get("/neutral", { userId: "u1", hoursPerWeek: 8, passwordHash: "secret" });
    expect(sent).toEqual({ status: 200, body: { userId: "u1", hoursPerWeek: 8 } });
  });

  it("refuses a response that breaks its schema with a generic 500", async () => {
    const sent = await get("/neutral", { userId: "u1", hoursPerWeek: 0 });
    expect(sent.status).toBe(500);
    expect(sent.body).toMatchObject({ code: "internal", detail: "An unexpected error occurred." });
  });

  it("encodes a schema whose meaning depends on the direction, as the library does", async () => {
    // decoding would fill in the default; encoding checks the value the server really has
    expect((await get("/default", { name: "a", visibility: "public" })).body).toEqual({
      name: "a",
      visibility: "public",
    });
    expect((await get("/default", { name: "a" })).status).toBe(500);
  });

  it("tells direction-neutral schemas from the others", () => {
    const tree: z.ZodType = z.object({
      id: z.string(),
      get children() {
        return z.array(tree);
      },
    });
    expect(isDirectionNeutral(profile)).toBe(true);
    expect(isDirectionNeutral(tree)).toBe(true);
    expect(
      isDirectionNeutral(
        z.object({
          tags: z.array(z.enum(["a", "b"])).readonly(),
          score: z.number().nullable().optional(),
          pair: z.tuple([z.string(), z.literal(1)]),
          byId: z.record(z.string(), z.union([z.string(), z.null()])),
        }),
      ),
    ).toBe(true);
    expect(isDirectionNeutral(withDefault)).toBe(false);
    expect(isDirectionNeutral(z.object({ n: z.string().transform((s) => s.length) }))).toBe(false);
    expect(isDirectionNeutral(z.array(z.string().catch("x")))).toBe(false);
    expect(isDirectionNeutral(z.lazy(() => z.string()))).toBe(false);
  });
});
