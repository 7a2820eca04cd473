/**
 * How Node handlers write a JSON response, shared by the router-graph routes (json-responses.ts)
 * and the Next.js route files (next-routes.ts). Kept apart from json-responses.ts, which loads
 * the TypeScript parser, so that reading Next.js routes does not.
 */
export const JSON_MARKERS: readonly RegExp[] = [
  // res.json(data), res.status(201).json(data), c.json(data); not `await response.json()`
  /\.jsonp?\s*\(\s*[^)\s]/g,
  // res.send({ ... }) / reply.send(users); a string argument is text, not JSON
  /\b(?:res|response|reply)(?:\.(?:status|code)\s*\([^)]*\))?\s*\.send\s*\(\s*[{[A-Za-z_$]/g,
  // koa: ctx.body = { ... } or a value that is not a string literal (also named `context`)
  /\b(?:ctx|context)\.(?:response\.)?body\s*=\s*(?!['"`])[{[A-Za-z_$]/g,
];
