/**
 * A granted mentor endorses one of a learner's skills with a comment and a link to the evidence
 * (a pull request, a design document). The learner sees all of theirs and may hide any: a hidden
 * endorsement is shown to no one else and counts toward nothing (readiness, search), because the
 * learner chose not to stand on it.
 */
import type { Roadmap } from "../content/content.schema.js";
import { DevladderError, notFound } from "../errors.js";
import type {
  EndorsementWithMentor,
  EndorsementsRepository,
} from "../store/endorsements.repository.js";
import { newId } from "../store/ids.js";
import type { Caller } from "./caller.js";
import type { Clock } from "./clock.js";
import type { LearnerVisibility } from "./learner-visibility.js";
import { pageOf, pageQuery, type Page, type PageRequest } from "./pagination.js";
import { requireKnownId } from "./roadmap-ids.js";

export interface EndorsementInput {
  readonly skillId: string;
  readonly comment: string;
  readonly evidenceUrl: string;
}

export interface EndorsementsServiceDeps {
  readonly endorsements: EndorsementsRepository;
  readonly roadmap: Roadmap;
  readonly clock: Clock;
  readonly isGranted: (caller: Caller, learnerId: string) => Promise<boolean>;
  readonly visibility: LearnerVisibility;
}

export function endorsementsService({
  endorsements,
  roadmap,
  clock,
  isGranted,
  visibility,
}: EndorsementsServiceDeps) {
  const skillIds = roadmap.skills.map((s) => s.id);
  return {
    async endorse(
      caller: Caller,
      learnerId: string,
      input: EndorsementInput,
    ): Promise<EndorsementWithMentor> {
      if (caller.role !== "mentor")
        throw new DevladderError("forbidden", "only a mentor may endorse");
      // a mentor without a grant learns nothing about whether the learner exists
      if (!(await isGranted(caller, learnerId))) throw notFound("no such learner");
      requireKnownId(input.skillId, skillIds, "skillId", "skill");
      const now = clock.now();
      const row = await endorsements.create({
        id: newId(now.getTime()),
        learner_id: learnerId,
        mentor_id: caller.id,
        skill_id: input.skillId,
        comment: input.comment,
        evidence_url: input.evidenceUrl,
        hidden_at: null,
        created_at: now.toISOString(),
      });
      if (!row) throw new DevladderError("conflict", "you have already endorsed this skill");
      return found(await endorsements.find(row.id));
    },

    /** The caller's own endorsements, hidden ones included (flagged). */
    async listOwn(caller: Caller, request: PageRequest): Promise<Page<EndorsementWithMentor>> {
      const rows = await endorsements.page(caller.id, { includeHidden: true }, pageQuery(request));
      return pageOf(rows, request, (r) => r.id);
    },

    /** A learner's endorsements as others see them: hidden ones left out. */
    async listFor(
      caller: Caller,
      learnerId: string,
      request: PageRequest,
    ): Promise<Page<EndorsementWithMentor>> {
      if (!(await visibility.canSeeShowcase(caller, learnerId))) throw notFound("no such learner");
      const rows = await endorsements.page(
        learnerId,
        { includeHidden: caller.id === learnerId },
        pageQuery(request),
      );
      return pageOf(rows, request, (r) => r.id);
    },

    /** The visible endorsements of the learner behind a share link, while the link is open. */
    async listThroughLink(
      slug: string,
      request: PageRequest,
    ): Promise<Page<EndorsementWithMentor>> {
      const learnerId = await visibility.learnerBehindLink(slug);
      if (learnerId === null) throw notFound("no such profile");
      const rows = await endorsements.page(learnerId, { includeHidden: false }, pageQuery(request));
      return pageOf(rows, request, (r) => r.id);
    },

    async setHidden(
      caller: Caller,
      endorsementId: string,
      hidden: boolean,
    ): Promise<EndorsementWithMentor> {
      const row = await endorsements.find(endorsementId);
      if (row?.learner_id !== caller.id) throw notFound("no such endorsement");
      // hiding twice keeps the first time, so the record says when it was first hidden
      const hiddenAt = hidden ? (row.hidden_at ?? clock.now().toISOString()) : null;
      await endorsements.setHidden(endorsementId, hiddenAt);
      return found(await endorsements.find(endorsementId));
    },
  };
}

/** A row read back right after writing it can only be missing if the account went meanwhile. */
function found(row: EndorsementWithMentor | undefined): EndorsementWithMentor {
  if (!row) throw notFound("no such endorsement");
  return row;
}

export type EndorsementsService = ReturnType<typeof endorsementsService>;
