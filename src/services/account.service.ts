/**
 * The signed-in user's own account as a whole: every piece of their data as JSON (the export), a
 * JSON Resume document built from verified evidence only, and deleting the account with all its
 * data in one transaction.
 */
import type { Roadmap } from "../content/content.schema.js";
import { notFound } from "../errors.js";
import type { AccountData, AccountRepository } from "../store/account.repository.js";
import type { Caller } from "./caller.js";
import type { Clock } from "./clock.js";
import type { LearnerEvidenceLoader } from "./learner-evidence.js";
import { jsonResume, type JsonResume } from "./json-resume.js";

export interface AccountServiceDeps {
  readonly accounts: AccountRepository;
  readonly evidence: LearnerEvidenceLoader;
  readonly roadmap: Roadmap;
  readonly clock: Clock;
}

export function accountService({ accounts, evidence, roadmap, clock }: AccountServiceDeps) {
  async function dataOf(caller: Caller): Promise<AccountData> {
    const data = await accounts.exportData(caller.id);
    // the account went between authentication and this read (deleted in another request)
    if (!data) throw notFound("no such account");
    return data;
  }

  return {
    async export(caller: Caller): Promise<{ exportedAt: string; data: AccountData }> {
      return { exportedAt: clock.now().toISOString(), data: await dataOf(caller) };
    },

    async resume(caller: Caller): Promise<JsonResume> {
      const data = await dataOf(caller);
      return jsonResume({
        user: data.user,
        profile: data.profile,
        evidence: await evidence(caller.id),
        roadmap,
        now: clock.now(),
      });
    },

    async deleteAccount(caller: Caller): Promise<void> {
      if (!(await accounts.deleteAccount(caller.id))) throw notFound("no such account");
    },
  };
}

export type AccountService = ReturnType<typeof accountService>;
