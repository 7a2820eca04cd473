/**
 * A learner lets a mentor see their profile and progress, and can take that back at any time.
 * Only learners grant: mentors, recruiters and admins have no learning records to share (an
 * admin sees every learner anyway), so they are refused with a 403 that says why.
 */
import { DevladderError, notFound } from "../errors.js";
import type { GrantWithUser, GrantsRepository } from "../store/grants.repository.js";
import type { UsersRepository } from "../store/users.repository.js";
import { normalizeEmail } from "./auth.service.js";
import type { Caller } from "./caller.js";
import type { Clock } from "./clock.js";
import { pageOf, pageQuery, type Page, type PageRequest } from "./pagination.js";

export interface GrantsServiceDeps {
  readonly grants: GrantsRepository;
  readonly users: UsersRepository;
  readonly clock: Clock;
}

/** `refusal` says what only that role does, for the 403 everyone else gets */
function requireRole(caller: Caller, role: "learner" | "mentor", refusal: string): void {
  if (caller.role !== role) throw new DevladderError("forbidden", refusal);
}

const LEARNERS_GRANT =
  "only learners give mentors access to their progress, and this is not a learner account";

export function grantsService({ grants, users, clock }: GrantsServiceDeps) {
  return {
    async grant(caller: Caller, mentorEmail: string): Promise<GrantWithUser> {
      requireRole(caller, "learner", LEARNERS_GRANT);
      const mentor = await users.findByEmail(normalizeEmail(mentorEmail));
      if (!mentor || mentor.role !== "mentor" || mentor.disabled_at !== null) {
        throw notFound("no mentor with that email", [
          { where: "mentorEmail", problem: "no mentor account has this email" },
        ]);
      }
      const grant = {
        learner_id: caller.id,
        mentor_id: mentor.id,
        created_at: clock.now().toISOString(),
      };
      if (!(await grants.create(grant))) {
        throw new DevladderError("conflict", "this mentor already has access");
      }
      return {
        grant,
        user: { id: mentor.id, email: mentor.email, display_name: mentor.display_name },
      };
    },

    async revoke(caller: Caller, mentorId: string): Promise<void> {
      requireRole(caller, "learner", LEARNERS_GRANT);
      if (!(await grants.remove(caller.id, mentorId))) throw notFound("no such grant");
    },

    async listMentors(caller: Caller, request: PageRequest): Promise<Page<GrantWithUser>> {
      requireRole(caller, "learner", LEARNERS_GRANT);
      const rows = await grants.listForLearner(caller.id, pageQuery(request));
      return pageOf(rows, request, (g) => g.user.id);
    },

    async listMentees(caller: Caller, request: PageRequest): Promise<Page<GrantWithUser>> {
      requireRole(caller, "mentor", "only mentors have mentees, and this is not a mentor account");
      const rows = await grants.listForMentor(caller.id, pageQuery(request));
      return pageOf(rows, request, (g) => g.user.id);
    },

    /** whether `caller` (as a mentor) has been granted access to the learner */
    async isGranted(caller: Caller, learnerId: string): Promise<boolean> {
      if (caller.role !== "mentor") return false;
      return grants.exists(learnerId, caller.id);
    },
  };
}

export type GrantsService = ReturnType<typeof grantsService>;
