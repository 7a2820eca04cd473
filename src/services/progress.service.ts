/**
 * A learner's progress per skill (pending | learning | done | skipped) with a private note, bulk
 * updates that apply all-or-nothing, and the history of status changes. A done skill can be
 * marked as known before the plan started (ticked at onboarding), which the plan does not count
 * as progress.
 */
import type { Roadmap } from "../content/content.schema.js";
import { closestIds } from "../content/closest-ids.js";
import { invalidInput, notFound, type ErrorDetail } from "../errors.js";
import type { ProgressHistoryRow, ProgressRow, ProgressStatus } from "../store/database.types.js";
import type { ProgressRepository } from "../store/progress.repository.js";
import { canViewProgress } from "./access.js";
import type { Caller } from "./caller.js";
import type { Clock } from "./clock.js";
import { pageOf, pageQuery, type Page, type PageRequest } from "./pagination.js";

export interface ProgressUpdate {
  readonly skillId: string;
  readonly status: ProgressStatus;
  /** omitted: keep the current note */
  readonly note?: string | undefined;
  /**
   * Only with status done. Omitted: kept while the skill stays done (so re-sending done with a
   * new note does not turn a known skill into progress made today), false otherwise.
   */
  readonly knownBeforeStart?: boolean | undefined;
}

/** the fields of an update a problem can point at */
export type ProgressUpdateField = "skillId" | "knownBeforeStart";

export const MAX_BULK_CHANGES = 200;

/** progress pages are keyed by skill id, a kebab-case word */
const isSkillKey = (key: string) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(key) && key.length <= 100;

export interface ProgressServiceDeps {
  readonly progress: ProgressRepository;
  readonly roadmap: Roadmap;
  readonly clock: Clock;
  readonly isGranted: (caller: Caller, learnerId: string) => Promise<boolean>;
}

export function progressService({ progress, roadmap, clock, isGranted }: ProgressServiceDeps) {
  const skillIds = new Set(roadmap.skills.map((s) => s.id));

  return {
    async list(caller: Caller, request: PageRequest): Promise<Page<ProgressRow>> {
      const rows = await progress.page(caller.id, pageQuery(request, isSkillKey));
      return pageOf(rows, request, (r) => r.skill_id);
    },

    /** Another learner's progress, for a granted mentor or an admin; 404 for anyone else. */
    async listFor(
      caller: Caller,
      learnerId: string,
      request: PageRequest,
    ): Promise<Page<ProgressRow>> {
      const granted = await isGranted(caller, learnerId);
      if (!canViewProgress(caller, learnerId, { granted })) throw notFound("no such learner");
      const rows = await progress.page(learnerId, pageQuery(request, isSkillKey));
      return pageOf(rows, request, (r) => r.skill_id);
    },

    /**
     * Applies every update or none: unknown skills or a skill named twice are all reported at
     * once, before anything is written, and the writes share one transaction.
     */
    async update(
      caller: Caller,
      updates: readonly ProgressUpdate[],
      where: (index: number, field: ProgressUpdateField) => string = (i, field) =>
        `changes[${i}].${field}`,
    ): Promise<ProgressRow[]> {
      const problems: ErrorDetail[] = [];
      const seen = new Set<string>();
      updates.forEach((update, index) => {
        if (!skillIds.has(update.skillId)) {
          const near = closestIds(update.skillId, [...skillIds]);
          problems.push({
            where: where(index, "skillId"),
            problem: `unknown skill '${update.skillId}'`,
            accepted:
              near.length > 0
                ? `a roadmap skill id, e.g. ${near.join(", ")}`
                : "a roadmap skill id",
          });
        } else if (seen.has(update.skillId)) {
          problems.push({
            where: where(index, "skillId"),
            problem: `'${update.skillId}' appears more than once`,
            accepted: "each skill at most once per request",
          });
        }
        seen.add(update.skillId);
        if (update.knownBeforeStart === true && update.status !== "done") {
          problems.push({
            where: where(index, "knownBeforeStart"),
            problem: `a skill with status '${update.status}' cannot be known before the start`,
            accepted: "true only with status 'done'; false or omitted with any status",
          });
        }
      });
      if (problems.length > 0) throw invalidInput("no progress was changed", problems);

      const current = new Map((await progress.listForUser(caller.id)).map((r) => [r.skill_id, r]));
      return progress.apply(
        caller.id,
        updates.map((u) => {
          const was = current.get(u.skillId);
          return {
            skillId: u.skillId,
            status: u.status,
            note: u.note ?? was?.note ?? "",
            knownBeforeStart:
              u.status === "done" &&
              (u.knownBeforeStart ?? (was?.status === "done" && was.known_before_start === 1)),
          };
        }),
        clock.now().toISOString(),
      );
    },

    async history(caller: Caller, request: PageRequest): Promise<Page<ProgressHistoryRow>> {
      const rows = await progress.history(caller.id, pageQuery(request));
      return pageOf(rows, request, (r) => r.id);
    },
  };
}

export type ProgressService = ReturnType<typeof progressService>;
