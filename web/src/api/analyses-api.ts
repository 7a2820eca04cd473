/** The repositories and analyses endpoints as typed functions, in the style of devladder-api.ts. */
import type { ApiClient } from "./api-client.js";
import type { Analysis, EvidenceReport, Repository, VerifiedSkill } from "./analysis-types.js";
import type { Page } from "./api-types.js";

const repositoryPath = (id: string) => `/api/v1/repositories/${encodeURIComponent(id)}`;
const analysisPath = (id: string) => `/api/v1/analyses/${encodeURIComponent(id)}`;

/** Every repository you linked, following the pages to the end. */
export async function allRepositories(api: ApiClient): Promise<Repository[]> {
  const repositories: Repository[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`;
    const page: Page<Repository> = await api.json("GET", `/api/v1/repositories?limit=100${query}`);
    repositories.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return repositories;
}

export function linkRepository(api: ApiClient, url: string): Promise<Repository> {
  return api.json("POST", "/api/v1/repositories", { body: { url } });
}

export function unlinkRepository(api: ApiClient, repositoryId: string): Promise<void> {
  return api.empty("DELETE", repositoryPath(repositoryId));
}

/** Queues an analysis, or answers with the one already queued, running or reused. */
export function requestAnalysis(api: ApiClient, repositoryId: string): Promise<Analysis> {
  return api.json("POST", `${repositoryPath(repositoryId)}/analyses`);
}

/** The newest analysis of a repository, or null before the first one. */
export async function latestAnalysis(
  api: ApiClient,
  repositoryId: string,
): Promise<Analysis | null> {
  const page = await api.json<Page<Analysis>>(
    "GET",
    `${repositoryPath(repositoryId)}/analyses?limit=1`,
  );
  return page.items[0] ?? null;
}

export function analysis(api: ApiClient, analysisId: string): Promise<Analysis> {
  return api.json("GET", analysisPath(analysisId));
}

export function analysisReport(api: ApiClient, analysisId: string): Promise<EvidenceReport> {
  return api.json("GET", `${analysisPath(analysisId)}/report`);
}

/** The report as a file to download: Markdown, the JSON report, or the SVG badge. */
export function analysisDownload(
  api: ApiClient,
  analysisId: string,
  what: "md" | "json" | "badge",
): Promise<Blob> {
  const path =
    what === "badge"
      ? `${analysisPath(analysisId)}/badge.svg`
      : `${analysisPath(analysisId)}/report?format=${what}`;
  return api.blob(path);
}

/** The skills your analysed repositories prove (bounded by the roadmap, so not paged). */
export async function verifiedSkills(api: ApiClient): Promise<VerifiedSkill[]> {
  const list = await api.json<{ items: VerifiedSkill[] }>("GET", "/api/v1/skills/verified");
  return list.items;
}
