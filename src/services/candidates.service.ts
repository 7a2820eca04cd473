/**
 * Recruiter search over public profiles: by verified skills (every named skill proven by an
 * analysis or a visible endorsement), track and reached readiness level, ranked by evidence
 * strength (domain/evidence-strength.ts), strongest first, then by name.
 *
 * Ranking needs each candidate's full evidence, so one search judges at most MAX_SCANNED
 * candidates after the SQL prefilter; when more match, the result says `truncated` and the
 * recruiter narrows by skill or track. Nothing is dropped silently.
 */
import type { Roadmap } from "../content/content.schema.js";
import { evidenceStrength } from "../domain/evidence-strength.js";
import { DevladderError, invalidInput } from "../errors.js";
import type { CandidateRow, CandidatesRepository } from "../store/candidates.repository.js";
import type { Caller } from "./caller.js";
import type { LearnerEvidenceLoader } from "./learner-evidence.js";
import { PAGE_SIZE, type PageRequest } from "./pagination.js";
import { requireKnownId } from "./roadmap-ids.js";

export const MAX_SCANNED = 200;
export const MAX_SEARCH_SKILLS = 20;

export interface CandidateQuery {
  readonly skills: readonly string[];
  readonly track?: string | undefined;
  /** at least this level reached */
  readonly level?: string | undefined;
}

export interface Candidate {
  readonly profile: CandidateRow;
  readonly strength: number;
  readonly reachedLevel: string | null;
  readonly verifiedSkills: readonly {
    readonly skillId: string;
    readonly by: readonly ("analysis" | "endorsement")[];
  }[];
  readonly currentCertifications: readonly string[];
}

export interface CandidateResults {
  readonly items: readonly Candidate[];
  readonly nextCursor: string | null;
  readonly truncated: boolean;
}

export interface CandidatesServiceDeps {
  readonly candidates: CandidatesRepository;
  readonly evidence: LearnerEvidenceLoader;
  readonly roadmap: Roadmap;
}

export function candidatesService({ candidates, evidence, roadmap }: CandidatesServiceDeps) {
  const levelOrder = new Map(roadmap.levels.map((l) => [l.id, l.order]));
  // a handful of levels: an unknown one is answered with all of them, in ladder order
  const levelIds = [...roadmap.levels].sort((a, b) => a.order - b.order).map((l) => l.id);

  function check(caller: Caller, query: CandidateQuery): void {
    if (caller.role !== "recruiter" && caller.role !== "admin") {
      throw new DevladderError("forbidden", "candidate search is for recruiters");
    }
    if (query.skills.length > MAX_SEARCH_SKILLS) {
      throw invalidInput("too many skills", [
        {
          where: "skills",
          problem: `${query.skills.length} skills`,
          accepted: `at most ${MAX_SEARCH_SKILLS}`,
        },
      ]);
    }
    const skillIds = roadmap.skills.map((s) => s.id);
    query.skills.forEach((s) => requireKnownId(s, skillIds, "skills", "skill"));
    if (query.track !== undefined) {
      requireKnownId(
        query.track,
        roadmap.tracks.map((t) => t.id),
        "track",
        "track",
      );
    }
    if (query.level !== undefined && !levelOrder.has(query.level)) {
      throw invalidInput(`unknown level '${query.level}'`, [
        {
          where: "level",
          problem: `unknown level '${query.level}'`,
          accepted: `one of: ${levelIds.join(", ")}`,
        },
      ]);
    }
  }

  async function ranked(query: CandidateQuery): Promise<{ all: Candidate[]; truncated: boolean }> {
    const rows = await candidates.search(
      { track: query.track, skills: query.skills },
      MAX_SCANNED + 1,
    );
    const truncated = rows.length > MAX_SCANNED;
    const minOrder = query.level === undefined ? 0 : (levelOrder.get(query.level) ?? 0);
    const judged: Candidate[] = [];
    for (const profile of rows.slice(0, MAX_SCANNED)) {
      const found = await evidence(profile.user_id);
      const reachedOrder =
        found.readiness.reachedLevel === null
          ? 0
          : (levelOrder.get(found.readiness.reachedLevel) ?? 0);
      if (reachedOrder < minOrder) continue;
      const verifiedSkills = [...found.skillProofs.entries()]
        .map(([skillId, proofs]) => ({
          skillId,
          by: [...new Set(proofs.map((p) => p.kind))].sort(),
        }))
        .sort((a, b) => a.skillId.localeCompare(b.skillId));
      const current = found.certifications
        .filter((c) => c.row.status === "earned" && !c.validity.expired)
        .map((c) => c.catalog.id);
      judged.push({
        profile,
        reachedLevel: found.readiness.reachedLevel,
        verifiedSkills,
        currentCertifications: current,
        strength: evidenceStrength({
          skillsVerifiedByAnalysis: verifiedSkills.filter((s) => s.by.includes("analysis")).length,
          skillsVerifiedOnlyByEndorsement: verifiedSkills.filter((s) => !s.by.includes("analysis"))
            .length,
          currentCertifications: current.length,
          reachedLevelOrder: reachedOrder,
        }),
      });
    }
    judged.sort(
      (a, b) =>
        b.strength - a.strength ||
        a.profile.display_name.localeCompare(b.profile.display_name) ||
        a.profile.user_id.localeCompare(b.profile.user_id),
    );
    return { all: judged, truncated };
  }

  return {
    /** a page of the ranking; the cursor is the position in it */
    async search(
      caller: Caller,
      query: CandidateQuery,
      request: PageRequest,
    ): Promise<CandidateResults> {
      check(caller, query);
      const limit = request.limit ?? PAGE_SIZE.default;
      const start = request.cursor === undefined ? 0 : offsetOf(request.cursor);
      const { all, truncated } = await ranked(query);
      const end = start + limit;
      return {
        items: all.slice(start, end),
        nextCursor: end < all.length ? Buffer.from(String(end)).toString("base64url") : null,
        truncated,
      };
    },

    /** the whole ranking (at most MAX_SCANNED), for the CSV shortlist */
    async shortlist(caller: Caller, query: CandidateQuery): Promise<CandidateResults> {
      check(caller, query);
      const { all, truncated } = await ranked(query);
      return { items: all, nextCursor: null, truncated };
    },
  };
}

function offsetOf(cursor: string): number {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^\d{1,6}$/.test(text)) {
    throw invalidInput("the cursor is not one this server issued", [
      { where: "cursor", problem: "is malformed", accepted: "the nextCursor of a previous page" },
    ]);
  }
  return Number(text);
}

export type CandidatesService = ReturnType<typeof candidatesService>;
