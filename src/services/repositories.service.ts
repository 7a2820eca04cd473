/**
 * The repositories a learner links for analysis. A learner links an https:// URL; an admin may
 * also link anything else the analyzer accepts: a path on the server, file://, ssh. Paths and
 * ssh are kept from learners because they would reach with the server's own files and keys.
 * URLs that carry credentials are refused: the service would have to keep them.
 * Who else sees a learner's repositories, with the latest analysis of each, is the rule for
 * working records (learner-visibility.ts): a granted mentor and an admin; anyone else gets a 404.
 */
import { resolve } from "node:path";
import { classifySourceInput } from "../analyzer/source/source-input.js";
import { DevladderError, invalidInput, notFound } from "../errors.js";
import type { AnalysesRepository } from "../store/analyses.repository.js";
import type { AnalysisRow, RepositoryKind, RepositoryRow } from "../store/database.types.js";
import { newId } from "../store/ids.js";
import type { RepositoriesRepository } from "../store/repositories.repository.js";
import type { Caller } from "./caller.js";
import type { Clock } from "./clock.js";
import type { LearnerVisibility } from "./learner-visibility.js";
import { pageOf, pageQuery, type Page, type PageRequest } from "./pagination.js";

export interface RepositoriesServiceDeps {
  readonly repositories: RepositoriesRepository;
  readonly analyses: Pick<AnalysesRepository, "listForRepository">;
  readonly visibility: Pick<LearnerVisibility, "canSeeRecords">;
  readonly clock: Clock;
}

export interface RepositoryWithLatest {
  readonly repository: RepositoryRow;
  /** the newest analysis, whatever its status; null before the first */
  readonly latest: AnalysisRow | null;
}

const LEARNER_FORM = "an https:// URL of a git repository, e.g. https://github.com/ada/shop.git";

export function repositoriesService({
  repositories,
  analyses,
  visibility,
  clock,
}: RepositoriesServiceDeps) {
  /** The caller's own repository; 404 for anyone else's, so others' ids reveal nothing. */
  const own = async (caller: Caller, id: string): Promise<RepositoryRow> => {
    const row = await repositories.findById(id);
    if (!row || row.owner_id !== caller.id) throw notFound("no such repository");
    return row;
  };

  return {
    async link(caller: Caller, location: string): Promise<RepositoryRow> {
      if (caller.role !== "learner" && caller.role !== "admin") {
        throw new DevladderError("forbidden", "only learners and admins link repositories");
      }
      const { kind, canonical } = checkLocation(caller, location.trim());
      const row = await repositories.create({
        id: newId(clock.now().getTime()),
        owner_id: caller.id,
        kind,
        location: canonical,
        created_at: clock.now().toISOString(),
      });
      if (!row) throw new DevladderError("conflict", "you have already linked this repository");
      return row;
    },

    async list(caller: Caller, request: PageRequest): Promise<Page<RepositoryRow>> {
      const rows = await repositories.listForOwner(caller.id, pageQuery(request));
      return pageOf(rows, request, (r) => r.id);
    },

    /** A learner's repositories, each with its latest analysis, for whoever may see their records. */
    async ofLearner(
      caller: Caller,
      learnerId: string,
      request: PageRequest,
    ): Promise<Page<RepositoryWithLatest>> {
      if (!(await visibility.canSeeRecords(caller, learnerId))) throw notFound("no such learner");
      const rows = await repositories.listForOwner(learnerId, pageQuery(request));
      const page = pageOf(rows, request, (r) => r.id);
      // one small query per repository: a page holds at most 100, and a learner links a few
      const items = await Promise.all(
        page.items.map(async (repository) => ({
          repository,
          latest: (await analyses.listForRepository(repository.id, { limit: 1 }))[0] ?? null,
        })),
      );
      return { items, nextCursor: page.nextCursor };
    },

    own,

    /** Unlinks it; its analyses and the skills they verified go with it. */
    async remove(caller: Caller, id: string): Promise<void> {
      const row = await own(caller, id);
      await repositories.remove(row.id);
    },
  };
}

function checkLocation(
  caller: Caller,
  location: string,
): { kind: RepositoryKind; canonical: string } {
  // the analyzer's own rules first: no options, helpers, control characters, odd schemes
  const source = classifySourceInput(location);
  const where = "url";
  if (source.kind === "remote") {
    const https = /^https:\/\//i.test(source.url);
    if (https) {
      const url = new URL(source.url);
      if (url.username !== "" || url.password !== "") {
        throw invalidInput("the URL carries credentials", [
          { where, problem: "has a user name or token in it", accepted: LEARNER_FORM },
        ]);
      }
      return { kind: "url", canonical: source.url };
    }
    if (caller.role !== "admin") {
      throw invalidInput("only https:// URLs can be linked", [
        { where, problem: "is not an https:// URL", accepted: LEARNER_FORM },
      ]);
    }
    return { kind: /^file:/i.test(source.url) ? "path" : "url", canonical: source.url };
  }
  if (caller.role !== "admin") {
    throw invalidInput("only an admin may link a path on the server", [
      { where, problem: "is a path, not a URL", accepted: LEARNER_FORM },
    ]);
  }
  if (!source.path.startsWith("/")) {
    throw invalidInput("a server path must be absolute", [
      { where, problem: "is a relative path", accepted: "an absolute path, e.g. /srv/git/shop" },
    ]);
  }
  return { kind: "path", canonical: resolve(source.path) };
}

export type RepositoriesService = ReturnType<typeof repositoriesService>;
