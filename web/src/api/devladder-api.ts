/**
 * The API's endpoints as typed functions over the client. A new resource (analyses, growth, …)
 * adds its own functions in the same style, next to this file.
 */
import type { ApiClient } from "./api-client.js";
import { ApiError } from "./api-error.js";
import type {
  LearnerPlan,
  OwnProfile,
  Page,
  ProfileBody,
  ProgressChange,
  ProgressEntry,
  RegisterBody,
  Roadmap,
  TrackId,
  User,
} from "./api-types.js";

export function register(api: ApiClient, body: RegisterBody): Promise<{ message: string }> {
  return api.json("POST", "/api/v1/auth/register", { body, auth: false });
}

export function me(api: ApiClient): Promise<User> {
  return api.json("GET", "/api/v1/auth/me");
}

/** Your profile, or null before onboarding. */
export async function ownProfile(api: ApiClient): Promise<OwnProfile | null> {
  try {
    return await api.json<OwnProfile>("GET", "/api/v1/profile");
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function saveProfile(api: ApiClient, body: ProfileBody): Promise<OwnProfile> {
  return api.json("PUT", "/api/v1/profile", { body });
}

export function roadmap(api: ApiClient, track: TrackId): Promise<Roadmap> {
  // public content: the browser's HTTP cache revalidates it with the ETag the API sends
  return api.json("GET", `/api/v1/roadmap?track=${encodeURIComponent(track)}`, { auth: false });
}

/** Every progress entry of yours, following the pages to the end. */
export async function allProgress(api: ApiClient): Promise<ProgressEntry[]> {
  const entries: ProgressEntry[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`;
    const page: Page<ProgressEntry> = await api.json("GET", `/api/v1/progress?limit=100${query}`);
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return entries;
}

export function setProgress(
  api: ApiClient,
  skillId: string,
  change: Omit<ProgressChange, "skillId">,
): Promise<ProgressEntry> {
  return api.json("PUT", `/api/v1/progress/${encodeURIComponent(skillId)}`, { body: change });
}

export async function setManyProgress(
  api: ApiClient,
  changes: readonly ProgressChange[],
): Promise<ProgressEntry[]> {
  const result = await api.json<{ items: ProgressEntry[] }>("PATCH", "/api/v1/progress", {
    body: { changes },
  });
  return result.items;
}

export function learnerPlan(api: ApiClient): Promise<LearnerPlan> {
  return api.json("GET", "/api/v1/plan");
}

export function planCalendar(api: ApiClient): Promise<Blob> {
  return api.blob("/api/v1/plan.ics");
}
