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
import { isRouteCandidate } from "./js-files.js";
import { nodeFrameworks } from "./node-frameworks.js";

export async function detectNodeStack(ctx: ScanContext): Promise<Findings> {
  const frameworks = nodeFrameworks(ctx, readPackageManifests(ctx));
  const candidates = ctx.files.filter(isRouteCandidate);
  if (candidates.length === 0) {
    return { frameworks, endpoints: [], signals: { rest_api: { value: false, evidence: [] } } };
  }
  // The TypeScript parser takes hundreds of milliseconds to load; only repositories with
  // JavaScript or TypeScript route candidates pay for it.
  const { nodeEndpoints } = await import("./node-endpoints.js");
  const { endpoints, json } = nodeEndpoints(ctx, candidates);
  return {
    frameworks,
    endpoints,
    signals: { rest_api: { value: json.length > 0, evidence: json } },
  };
}

export const nodeStackDetector: AsyncDetector = {
  id: "stack-node",
  detect: (ctx) => detectNodeStack(ctx),
};
