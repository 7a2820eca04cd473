/**
 * The growth log: a learner records what they did along the three dimensions of the growth
 * framework (Impact, Mastery, Collaboration), when, with links to proof; granted mentors comment
 * on entries; the promotion summary compares the counts with what each career level asks.
 * Entries are working records: the learner, granted mentors and admins see them.
 */
import type { Roadmap } from "../content/content.schema.js";
import { dayNumberOf, utcDateOf } from "../domain/calendar-date.js";
import { growthSummary, type LevelGrowthSummary } from "../domain/growth-summary.js";
import { DevladderError, invalidInput, notFound } from "../errors.js";
import type {
  GrowthCommentWithAuthor,
  GrowthCounts,
  GrowthDimensionId,
  GrowthEntry,
  GrowthRepository,
} from "../store/growth.repository.js";
import { newId } from "../store/ids.js";
import type { Caller } from "./caller.js";
import type { Clock } from "./clock.js";
import type { LearnerVisibility } from "./learner-visibility.js";
import { pageOf, pageQuery, type Page, type PageRequest } from "./pagination.js";

export interface GrowthEntryInput {
  readonly dimension: GrowthDimensionId;
  readonly title: string;
  readonly what: string;
  readonly happenedOn: string;
  readonly links: readonly string[];
}

export interface GrowthSummary {
  readonly counts: GrowthCounts;
  readonly levels: readonly LevelGrowthSummary[];
}

export interface GrowthServiceDeps {
  readonly growth: GrowthRepository;
  readonly roadmap: Roadmap;
  readonly clock: Clock;
  readonly isGranted: (caller: Caller, learnerId: string) => Promise<boolean>;
  readonly visibility: LearnerVisibility;
}

export function growthService({
  growth,
  roadmap,
  clock,
  isGranted,
  visibility,
}: GrowthServiceDeps) {
  /** the entry, when the caller may see its owner's records; 404 otherwise */
  async function visibleEntry(caller: Caller, entryId: string): Promise<GrowthEntry> {
    const entry = await growth.find(entryId);
    if (!entry || !(await visibility.canSeeRecords(caller, entry.user_id))) {
      throw notFound("no such growth entry");
    }
    return entry;
  }

  return {
    async create(caller: Caller, input: GrowthEntryInput): Promise<GrowthEntry> {
      const now = clock.now();
      const day = dayNumberOf(input.happenedOn);
      if (day === null) {
        throw invalidInput("the growth entry is not valid", [
          {
            where: "happenedOn",
            problem: `'${input.happenedOn}' is not a calendar date`,
            accepted: "YYYY-MM-DD",
          },
        ]);
      }
      // evidence is about work already done: a date in the future is a typo
      if (input.happenedOn > utcDateOf(now)) {
        throw invalidInput("the growth entry is not valid", [
          {
            where: "happenedOn",
            problem: "is in the future",
            accepted: "today or an earlier date",
          },
        ]);
      }
      return growth.create({
        id: newId(now.getTime()),
        user_id: caller.id,
        dimension: input.dimension,
        title: input.title,
        what: input.what,
        happened_on: input.happenedOn,
        links: input.links,
        created_at: now.toISOString(),
      });
    },

    async list(
      caller: Caller,
      learnerId: string,
      dimension: GrowthDimensionId | undefined,
      request: PageRequest,
    ): Promise<Page<GrowthEntry>> {
      if (!(await visibility.canSeeRecords(caller, learnerId))) throw notFound("no such learner");
      const rows = await growth.page(learnerId, dimension, pageQuery(request));
      return pageOf(rows, request, (r) => r.id);
    },

    async remove(caller: Caller, entryId: string): Promise<void> {
      if (!(await growth.remove(caller.id, entryId))) throw notFound("no such growth entry");
    },

    async comment(caller: Caller, entryId: string, body: string): Promise<GrowthCommentWithAuthor> {
      const entry = await visibleEntry(caller, entryId);
      // the learner and admins may read the entry, but comments are the mentor's voice
      if (!(await isGranted(caller, entry.user_id))) {
        throw new DevladderError("forbidden", "only a mentor the learner granted may comment");
      }
      const now = clock.now();
      const id = newId(now.getTime());
      await growth.addComment({
        id,
        entry_id: entryId,
        author_id: caller.id,
        body,
        created_at: now.toISOString(),
      });
      const created = await growth.findComment(id);
      // only missing if the entry was deleted between the two statements
      if (!created) throw notFound("no such growth entry");
      return created;
    },

    async comments(
      caller: Caller,
      entryId: string,
      request: PageRequest,
    ): Promise<Page<GrowthCommentWithAuthor>> {
      await visibleEntry(caller, entryId);
      const rows = await growth.comments(entryId, pageQuery(request));
      return pageOf(rows, request, (r) => r.id);
    },

    async summary(caller: Caller, learnerId: string): Promise<GrowthSummary> {
      if (!(await visibility.canSeeRecords(caller, learnerId))) throw notFound("no such learner");
      const counts = (await growth.countsFor([learnerId])).get(learnerId) ?? {
        impact: 0,
        mastery: 0,
        collaboration: 0,
      };
      return { counts, levels: growthSummary(roadmap.levels, counts) };
    },
  };
}

export type GrowthService = ReturnType<typeof growthService>;
