/**
 * Serves the built web app (web/, built by Vite into dist/web) from the API's own process: the
 * files as they are, and index.html for any other GET that is not part of the API, so the app's
 * client-side routes (/roadmap, /plan, …) survive a reload or a shared link. API, docs and health
 * paths keep their problem+json 404, as do missing files (a path with an extension).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsync, FastifyReply } from "fastify";

/** dist/web beside the compiled dist/api: the Vite output (see web/vite.config.ts). */
export const WEB_ASSETS_DIR = fileURLToPath(new URL("../../web/", import.meta.url));

export function hasWebApp(root: string): boolean {
  return existsSync(join(root, "index.html"));
}

const SERVER_PATHS = /^\/(api|docs)(\/|$)|^\/(healthz|readyz)\/?$/;
const FILE_LIKE = /\/[^/]*\.[a-z0-9]+$/i;

// The app loads only its own scripts and styles and talks only to this origin. Inline styles are
// allowed because React sets the progress bars' widths through the style attribute.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

function htmlHeaders(reply: FastifyReply): void {
  void reply
    .header("cache-control", "no-cache")
    .header("content-security-policy", CONTENT_SECURITY_POLICY)
    .header("x-content-type-options", "nosniff")
    .header("referrer-policy", "same-origin");
}

export const webAppPlugin: FastifyPluginAsync<{ root: string }> = async (app, { root }) => {
  await app.register(fastifyStatic, {
    root,
    // one route per built file (read at start-up): the catch-all below stays free for the app
    wildcard: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      if (path.endsWith(".html")) htmlHeaders(reply);
      // Vite names every asset by its content hash, so a name never changes what it holds
      else if (/[\\/]assets[\\/]/.test(path)) {
        void reply.header("cache-control", "public, max-age=31536000, immutable");
      } else void reply.header("cache-control", "no-cache");
    },
  });

  app.get("/*", { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    if (SERVER_PATHS.test(path) || FILE_LIKE.test(path)) return reply.callNotFound();
    htmlHeaders(reply);
    return reply.sendFile("index.html");
  });
};
