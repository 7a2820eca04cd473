/**
 * The API's endpoints as typed functions over the client. A new resource (analyses, growth, …)
 * adds its own functions in the same style, next to this file.
 */
import type { ApiClient } from "./api-client.js";
import { ApiError } from "./api-error.js";
import type { LearnerRepository, VerifiedSkill } from "./analysis-types.js";
import type {
  CandidateFilters,
  CatalogCertification,
  CatalogLevel,
  CertificationBody,
  CandidateResults,
  Endorsement,
  EndorsementBody,
  GrowthComment,
  GrowthEntry,
  GrowthEntryBody,
  GrowthSummary,
  LearnerCertification,
  LearnerPlan,
  Mentee,
  MentorGrant,
  OwnProfile,
  Page,
  PracticeQuestion,
  ProfileBody,
  ProgressChange,
  ProgressEntry,
  RegisterBody,
  PublicProfile,
  Readiness,
  Roadmap,
  SharedProgressEntry,
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

/** The career levels, in ladder order; public content revalidated with its ETag like the roadmap. */
export async function levelCatalog(api: ApiClient): Promise<CatalogLevel[]> {
  const catalog = await api.json<{ items: CatalogLevel[] }>("GET", "/api/v1/catalog/levels", {
    auth: false,
  });
  return catalog.items;
}

/** The certifications a learner can track; public content, like the roadmap. */
export async function certificationCatalog(api: ApiClient): Promise<CatalogCertification[]> {
  const catalog = await api.json<{ items: CatalogCertification[] }>(
    "GET",
    "/api/v1/catalog/certifications",
    { auth: false },
  );
  return catalog.items;
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

/** Every item of a paged list, following `nextCursor` to the end. */
async function allPages<T>(
  api: ApiClient,
  path: string,
  options: { auth?: boolean } = {},
): Promise<T[]> {
  const items: T[] = [];
  const joiner = path.includes("?") ? "&" : "?";
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`;
    const page: Page<T> = await api.json("GET", `${path}${joiner}limit=100${query}`, options);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}

const learnerPath = (userId: string) => `/api/v1/learners/${encodeURIComponent(userId)}`;

export function grantMentor(api: ApiClient, mentorEmail: string): Promise<MentorGrant> {
  return api.json("POST", "/api/v1/grants", { body: { mentorEmail } });
}

export function mentorGrants(api: ApiClient): Promise<MentorGrant[]> {
  return allPages(api, "/api/v1/grants");
}

export function revokeMentor(api: ApiClient, mentorId: string): Promise<void> {
  return api.empty("DELETE", `/api/v1/grants/${encodeURIComponent(mentorId)}`);
}

export function mentees(api: ApiClient): Promise<Mentee[]> {
  return allPages(api, "/api/v1/mentees");
}

export function learnerProfile(api: ApiClient, userId: string): Promise<PublicProfile> {
  return api.json("GET", `/api/v1/profiles/${encodeURIComponent(userId)}`);
}

/** A profile through its share link; anonymous, as the link is the permission. */
export function sharedProfile(api: ApiClient, slug: string): Promise<PublicProfile> {
  return api.json("GET", `/api/v1/shared-profiles/${encodeURIComponent(slug)}`, { auth: false });
}

/** The endorsements the learner behind a share link shows, newest first. */
export function sharedEndorsements(api: ApiClient, slug: string): Promise<Endorsement[]> {
  return allPages(api, `/api/v1/shared-profiles/${encodeURIComponent(slug)}/endorsements`, {
    auth: false,
  });
}

/** The verified skills of the learner behind a share link, with their evidence. */
export async function sharedVerifiedSkills(api: ApiClient, slug: string): Promise<VerifiedSkill[]> {
  const list = await api.json<{ items: VerifiedSkill[] }>(
    "GET",
    `/api/v1/shared-profiles/${encodeURIComponent(slug)}/verified-skills`,
    { auth: false },
  );
  return list.items;
}

/** Readiness per level as the profile behind a share link shows it (private records left out). */
export function sharedReadiness(api: ApiClient, slug: string): Promise<Readiness> {
  return api.json("GET", `/api/v1/shared-profiles/${encodeURIComponent(slug)}/readiness`, {
    auth: false,
  });
}

export function learnerProgress(api: ApiClient, userId: string): Promise<SharedProgressEntry[]> {
  return allPages(api, `${learnerPath(userId)}/progress`);
}

export function learnerEndorsements(api: ApiClient, userId: string): Promise<Endorsement[]> {
  return allPages(api, `${learnerPath(userId)}/endorsements`);
}

export function endorse(
  api: ApiClient,
  userId: string,
  body: EndorsementBody,
): Promise<Endorsement> {
  return api.json("POST", `${learnerPath(userId)}/endorsements`, { body });
}

/** A mentee's repositories, each with its newest analysis (granted mentor or admin). */
export function learnerRepositories(api: ApiClient, userId: string): Promise<LearnerRepository[]> {
  return allPages(api, `${learnerPath(userId)}/repositories`);
}

export function learnerGrowth(api: ApiClient, userId: string): Promise<GrowthEntry[]> {
  return allPages(api, `${learnerPath(userId)}/growth`);
}

export function growthComments(api: ApiClient, entryId: string): Promise<GrowthComment[]> {
  return allPages(api, `/api/v1/growth/${encodeURIComponent(entryId)}/comments`);
}

export function commentOnGrowth(
  api: ApiClient,
  entryId: string,
  body: string,
): Promise<GrowthComment> {
  return api.json("POST", `/api/v1/growth/${encodeURIComponent(entryId)}/comments`, {
    body: { body },
  });
}

/** The query string of a candidate search or shortlist; empty filters are left out. */
export function candidateQuery(filters: CandidateFilters): string {
  const params = new URLSearchParams();
  if (filters.skills.length > 0) params.set("skills", filters.skills.join(","));
  if (filters.track !== null) params.set("track", filters.track);
  if (filters.level !== null) params.set("level", filters.level);
  return params.toString();
}

export function searchCandidates(
  api: ApiClient,
  filters: CandidateFilters,
): Promise<CandidateResults> {
  const query = candidateQuery(filters);
  return api.json("GET", `/api/v1/candidates?limit=50${query === "" ? "" : `&${query}`}`);
}

export function candidatesCsv(api: ApiClient, filters: CandidateFilters): Promise<Blob> {
  const query = candidateQuery(filters);
  return api.blob(`/api/v1/candidates.csv${query === "" ? "" : `?${query}`}`);
}

export function ownReadiness(api: ApiClient): Promise<Readiness> {
  return api.json("GET", "/api/v1/readiness");
}

export function learnerReadiness(api: ApiClient, userId: string): Promise<Readiness> {
  return api.json("GET", `${learnerPath(userId)}/readiness`);
}

export function ownGrowth(api: ApiClient): Promise<GrowthEntry[]> {
  return allPages(api, "/api/v1/growth");
}

export function addGrowthEntry(api: ApiClient, body: GrowthEntryBody): Promise<GrowthEntry> {
  return api.json("POST", "/api/v1/growth", { body });
}

export function deleteGrowthEntry(api: ApiClient, entryId: string): Promise<void> {
  return api.empty("DELETE", `/api/v1/growth/${encodeURIComponent(entryId)}`);
}

export function growthSummary(api: ApiClient): Promise<GrowthSummary> {
  return api.json("GET", "/api/v1/growth/summary");
}

export async function certifications(api: ApiClient): Promise<LearnerCertification[]> {
  return (await api.json<{ items: LearnerCertification[] }>("GET", "/api/v1/certifications")).items;
}

export function saveCertification(
  api: ApiClient,
  certificationId: string,
  body: CertificationBody,
): Promise<LearnerCertification & { markedDone: string[] }> {
  return api.json("PUT", `/api/v1/certifications/${encodeURIComponent(certificationId)}`, {
    body,
  });
}

export async function duePractice(api: ApiClient): Promise<PracticeQuestion[]> {
  return (await api.json<{ items: PracticeQuestion[] }>("GET", "/api/v1/practice/due")).items;
}

export function reviewPractice(
  api: ApiClient,
  question: Pick<PracticeQuestion, "skillId" | "questionIndex">,
  grade: number,
): Promise<PracticeQuestion> {
  const path = `/api/v1/practice/${encodeURIComponent(question.skillId)}/${question.questionIndex}/review`;
  return api.json("POST", path, { body: { grade } });
}
