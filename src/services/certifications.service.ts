/**
 * A learner's certifications from the catalogue: planned, in progress or earned, with dates and
 * a credential URL. Whether an earned one is still current is derived on every read (see
 * domain/certification-validity.ts), never stored, so it cannot go stale. Earning one marks the
 * roadmap skills it covers as done, in the same transaction as the certification itself.
 * Certifications are showcase data: whoever may see the learner's profile sees them.
 */
import type { Certification, Roadmap } from "../content/content.schema.js";
import { dayNumberOf, utcDateOf } from "../domain/calendar-date.js";
import {
  certificationValidity,
  type CertificationValidity,
} from "../domain/certification-validity.js";
import { invalidInput, notFound, type ErrorDetail } from "../errors.js";
import type { CertificationsRepository } from "../store/certifications.repository.js";
import type { CertificationStatus, UserCertificationRow } from "../store/database.types.js";
import type { Caller } from "./caller.js";
import type { Clock } from "./clock.js";
import type { LearnerVisibility } from "./learner-visibility.js";
import { requireKnownId } from "./roadmap-ids.js";

export interface CertificationInput {
  readonly status: CertificationStatus;
  readonly targetDate?: string | null | undefined;
  readonly startedOn?: string | null | undefined;
  readonly earnedOn?: string | null | undefined;
  readonly credentialUrl?: string | null | undefined;
}

export interface LearnerCertification {
  readonly row: UserCertificationRow;
  readonly catalog: Certification;
  readonly validity: CertificationValidity;
}

export interface CertificationsServiceDeps {
  readonly certifications: CertificationsRepository;
  readonly roadmap: Roadmap;
  readonly clock: Clock;
  readonly visibility: LearnerVisibility;
}

export function certificationsService({
  certifications,
  roadmap,
  clock,
  visibility,
}: CertificationsServiceDeps) {
  const catalog = new Map(roadmap.certifications.map((c) => [c.id, c]));
  const skillIds = new Set(roadmap.skills.map((s) => s.id));

  const describe = (row: UserCertificationRow, today: string): LearnerCertification | [] => {
    const entry = catalog.get(row.certification_id);
    // a certification dropped from a later catalogue is left out rather than shown half-known
    if (!entry) return [];
    return {
      row,
      catalog: entry,
      validity: certificationValidity(
        row.status === "earned" ? row.earned_on : null,
        entry.validityMonths,
        today,
      ),
    };
  };

  async function listOf(userId: string): Promise<LearnerCertification[]> {
    const today = utcDateOf(clock.now());
    return (await certifications.listFor([userId])).flatMap((row) => describe(row, today));
  }

  return {
    list: (caller: Caller) => listOf(caller.id),

    async listFor(caller: Caller, learnerId: string): Promise<LearnerCertification[]> {
      if (!(await visibility.canSeeShowcase(caller, learnerId))) throw notFound("no such learner");
      return listOf(learnerId);
    },

    async save(
      caller: Caller,
      certificationId: string,
      input: CertificationInput,
    ): Promise<LearnerCertification & { readonly markedDone: readonly string[] }> {
      requireKnownId(
        certificationId,
        [...catalog.keys()],
        "params.certificationId",
        "certification",
      );
      const entry = catalog.get(certificationId);
      if (!entry) throw notFound("no such certification");
      const now = clock.now();
      const today = utcDateOf(now);
      checkDates(input, today);
      const row: UserCertificationRow = {
        user_id: caller.id,
        certification_id: certificationId,
        status: input.status,
        target_date: input.targetDate ?? null,
        started_on: input.startedOn ?? null,
        earned_on: input.earnedOn ?? null,
        credential_url: input.credentialUrl ?? null,
        updated_at: now.toISOString(),
      };
      const covered = input.status === "earned" ? entry.skills.filter((s) => skillIds.has(s)) : [];
      const saved = await certifications.save(row, covered);
      return {
        row: saved.certification,
        catalog: entry,
        validity: certificationValidity(saved.certification.earned_on, entry.validityMonths, today),
        markedDone: saved.markedDone,
      };
    },

    async remove(caller: Caller, certificationId: string): Promise<void> {
      if (!(await certifications.remove(caller.id, certificationId))) {
        throw notFound("no such certification on your list");
      }
    },
  };
}

function checkDates(input: CertificationInput, today: string): void {
  const problems: ErrorDetail[] = [];
  const dates = {
    targetDate: input.targetDate,
    startedOn: input.startedOn,
    earnedOn: input.earnedOn,
  };
  for (const [where, value] of Object.entries(dates)) {
    if (value !== undefined && value !== null && dayNumberOf(value) === null) {
      problems.push({
        where,
        problem: `'${value}' is not a calendar date`,
        accepted: "YYYY-MM-DD",
      });
    }
  }
  if (problems.length > 0) throw invalidInput("the certification is not valid", problems);

  const earnedOn = input.earnedOn ?? null;
  if (input.status === "earned" && earnedOn === null) {
    problems.push({ where: "earnedOn", problem: "is missing", accepted: "the date you earned it" });
  }
  if (input.status !== "earned" && earnedOn !== null) {
    problems.push({
      where: "earnedOn",
      problem: `is set while the status is '${input.status}'`,
      accepted: "null, or status 'earned'",
    });
  }
  if (input.status !== "earned" && input.credentialUrl) {
    problems.push({
      where: "credentialUrl",
      problem: "a credential exists only once earned",
      accepted: "null, or status 'earned'",
    });
  }
  if (earnedOn !== null && earnedOn > today) {
    problems.push({ where: "earnedOn", problem: "is in the future", accepted: "today or earlier" });
  }
  if (input.startedOn && input.startedOn > today) {
    problems.push({
      where: "startedOn",
      problem: "is in the future",
      accepted: "today or earlier",
    });
  }
  if (input.startedOn && earnedOn !== null && input.startedOn > earnedOn) {
    problems.push({
      where: "startedOn",
      problem: "is after earnedOn",
      accepted: "a date on or before earnedOn",
    });
  }
  if (problems.length > 0) throw invalidInput("the certification is not valid", problems);
}

export type CertificationsService = ReturnType<typeof certificationsService>;
