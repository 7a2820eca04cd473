/**
 * Read-only content that cannot change while the process runs (the roadmap, the catalogues):
 * checked against its response schema and serialised once, then sent as-is with an ETag, so a
 * client revalidating with If-None-Match gets 304 until the content version changes.
 */
import type { FastifyReply } from "fastify";
import type { z } from "zod";

export interface CachedJson {
  readonly etag: string;
  readonly json: string;
}

/** `body` checked against `schema` now, so a content mistake fails at start-up, not per request. */
export function cacheJson<S extends z.ZodType>(
  etag: string,
  schema: S,
  body: z.input<S>,
): CachedJson {
  return { etag, json: JSON.stringify(schema.parse(body)) };
}

/** 304 when `ifNoneMatch` names the entry's tag, the JSON otherwise; either way with the ETag. */
export function sendCachedJson(
  reply: FastifyReply,
  ifNoneMatch: string | undefined,
  entry: CachedJson,
): FastifyReply {
  void reply
    .header("etag", entry.etag)
    .header("cache-control", "public, max-age=0, must-revalidate");
  if (etagMatches(ifNoneMatch, entry.etag)) return reply.code(304).send();
  // Fastify sends a string body as-is: the work of serialising was done once, in cacheJson
  return reply.type("application/json; charset=utf-8").send(entry.json);
}

/** If-None-Match compares weakly (RFC 9110 §13.1.2): W/ is ignored, `*` matches anything. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}
