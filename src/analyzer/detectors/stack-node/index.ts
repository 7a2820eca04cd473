/**
 * The Node.js stack detector: frameworks (manifest, then imports), HTTP endpoints with their full
 * paths, and the rest_api signal with the lines where handlers answer with JSON.
 *
 * Only application files are read for endpoints: routes in tests, examples and docs are not the
 * repository's endpoints, and HTTP client calls (axios.get, fetch, supertest's request(app).get)
 * never are, because their receivers are no routers.
 */
import type { AsyncDetector, Findings, ScanContext } from "../../scan-context.js";
import { readPackageManifests } from "../manifests/package-json.js";
import { sortEndpoints, uniquePlaces } from "../stack-text/endpoint-list.js";
import { isRouteCandidate, trpcCandidates } from "./js-files.js";
import { nextRoutes } from "./next-routes.js";
import { nodeFrameworks } from "./node-frameworks.js";

const MAX_JSON_EVIDENCE = 10;

export async function detectNodeStack(ctx: ScanContext): Promise<Findings> {
  const manifests = readPackageManifests(ctx);
  const frameworks = nodeFrameworks(ctx, manifests);
  // Next.js routes come from file names and top-level exports: no parser needed.
  const next = nextRoutes(ctx, manifests);
  const candidates = ctx.files.filter(isRouteCandidate);
  // The TypeScript parser takes hundreds of milliseconds to load; only repositories with
  // JavaScript or TypeScript route candidates pay for it.
  const routed =
    candidates.length === 0
      ? { endpoints: [], json: [] }
      : (await import("./node-endpoints.js")).nodeEndpoints(ctx, candidates);
  // tRPC procedures: only packages that depend on @trpc/server, only files that mention tRPC.
  const trpcFiles = trpcCandidates(ctx, manifests);
  const trpc =
    trpcFiles.length === 0
      ? { endpoints: [], json: [], adapterFiles: new Set<string>() }
      : (await import("./trpc-routes.js")).trpcRoutes(ctx, manifests, trpcFiles);
  // A Next.js route that hands requests to tRPC (`api/trpc/[trpc]`) is its procedures' transport,
  // listed through them, not an endpoint of its own.
  const nextEndpoints = next.endpoints.filter((e) => !trpc.adapterFiles.has(e.file));
  const json = uniquePlaces([...routed.json, ...next.json, ...trpc.json]).slice(
    0,
    MAX_JSON_EVIDENCE,
  );
  return {
    frameworks,
    endpoints: sortEndpoints([...routed.endpoints, ...nextEndpoints, ...trpc.endpoints]),
    signals: { rest_api: { value: json.length > 0, evidence: json } },
  };
}

export const nodeStackDetector: AsyncDetector = {
  id: "stack-node",
  detect: (ctx) => detectNodeStack(ctx),
};
