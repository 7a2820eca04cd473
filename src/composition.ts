/**
 * The one composition root: builds the database, repositories and services once, for every
 * entrypoint (`devladder serve`, `migrate`, `admin`, and later `worker`). Each service gets only
 * the dependencies it declares.
 */
import type { Config } from "./config.js";
import { resolveCommit } from "./analyzer/source/resolve-commit.js";
import { loadRoadmap } from "./content/content-loader.js";
import type { Roadmap } from "./content/content.schema.js";
import { analysisJobHandler } from "./jobs/analysis-job.js";
import { inProcessQueue, type InProcessQueueOptions } from "./jobs/in-process-queue.js";
import type { JobLimits, JobQueue } from "./jobs/job-queue.js";
import { pgBossQueue } from "./jobs/pg-boss-queue.js";
import { analysesService } from "./services/analyses.service.js";
import { authService } from "./services/auth.service.js";
import type { Caller } from "./services/caller.js";
import { systemClock, type Clock } from "./services/clock.js";
import { grantsService } from "./services/grants.service.js";
import { scryptHasher, type ScryptCost } from "./services/password-hash.js";
import { planService } from "./services/plan.service.js";
import { profileService } from "./services/profile.service.js";
import { progressService } from "./services/progress.service.js";
import { repositoriesService } from "./services/repositories.service.js";
import { accessTokens } from "./services/tokens.js";
import { usersService } from "./services/users.service.js";
import { endorsementsService } from "./services/endorsements.service.js";
import { growthService } from "./services/growth.service.js";
import { certificationsService } from "./services/certifications.service.js";
import { practiceService } from "./services/practice.service.js";
import { learnerEvidenceLoader } from "./services/learner-evidence.js";
import { readinessService } from "./services/readiness.service.js";
import { candidatesService } from "./services/candidates.service.js";
import { accountService } from "./services/account.service.js";
import { learnerVisibility } from "./services/learner-visibility.js";
import { openDatabase, type Store } from "./store/database.js";
import { analysesRepository } from "./store/analyses.repository.js";
import { grantsRepository } from "./store/grants.repository.js";
import { migrateToLatest, type MigrationOutcome } from "./store/migrations/migrations.js";
import { profilesRepository } from "./store/profiles.repository.js";
import { progressRepository } from "./store/progress.repository.js";
import { refreshTokensRepository } from "./store/refresh-tokens.repository.js";
import { repositoriesRepository } from "./store/repositories.repository.js";
import { usersRepository } from "./store/users.repository.js";
import { verifiedSkillsRepository } from "./store/verified-skills.repository.js";
import { endorsementsRepository } from "./store/endorsements.repository.js";
import { growthRepository } from "./store/growth.repository.js";
import { certificationsRepository } from "./store/certifications.repository.js";
import { practiceRepository } from "./store/practice.repository.js";
import { analysisEvidenceRepository } from "./store/analysis-evidence.repository.js";
import { candidatesRepository } from "./store/candidates.repository.js";
import { accountRepository } from "./store/account.repository.js";
import {
  inProcessInvalidationBus,
  postgresInvalidationBus,
  type InvalidationBus,
} from "./store/invalidation-bus.js";
import {
  cachedProfilesRepository,
  cachedUsersRepository,
  invalidatingAccountRepository,
} from "./services/cached-repositories.js";
import { readCache } from "./services/read-cache.js";

export interface CompositionOptions {
  readonly clock?: Clock;
  /** tests lower the scrypt cost to keep runs fast; production uses the default */
  readonly scryptCost?: ScryptCost;
  readonly roadmap?: Roadmap;
  /** an already-open store (tests share one per dialect) */
  readonly store?: Store;
  /** where job workers report what they cannot tell a user (default: stderr) */
  readonly log?: (line: string) => void;
  /** lease and polling of the SQLite queue (tests shorten them to see a restart quickly) */
  readonly inProcessQueue?: Pick<InProcessQueueOptions, "leaseMs" | "pollMs" | "graceMs">;
}

export function createServices(config: Config, options: CompositionOptions = {}) {
  const clock = options.clock ?? systemClock;
  const roadmap = options.roadmap ?? loadRoadmap();
  const store = options.store ?? openDatabase(config.database);
  const { db, dialect } = store;

  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));

  // the caller's account and profile, read by every authenticated request, are cached per user
  // and forgotten on every write, in this process at once and in others through the bus (issue 4)
  const invalidations: InvalidationBus =
    config.database.kind === "postgres"
      ? postgresInvalidationBus({ connectionString: config.database.url, db, log })
      : inProcessInvalidationBus();
  const users = cachedUsersRepository(
    usersRepository(db, dialect),
    readCache({ bus: invalidations, clock }),
    invalidations,
  );
  const refreshTokens = refreshTokensRepository(db);
  const grantRows = grantsRepository(db, dialect);
  const profiles = cachedProfilesRepository(
    profilesRepository(db),
    readCache({ bus: invalidations, clock }),
    invalidations,
  );
  const progress = progressRepository(db);

  const grants = grantsService({ grants: grantRows, users, clock });
  const isGranted = (caller: Caller, learnerId: string) => grants.isGranted(caller, learnerId);

  // analyses as jobs (issue 5): pg-boss on PostgreSQL, the in-process queue on SQLite
  const repositoryRows = repositoriesRepository(db, dialect);
  const analysisRows = analysesRepository(db);
  const jobLimits: JobLimits = {
    attempts: config.jobs.attempts,
    timeoutMs: config.jobs.timeoutSeconds * 1000,
    retryDelayMs: config.jobs.retryDelaySeconds * 1000,
  };
  const queue: JobQueue =
    config.database.kind === "postgres"
      ? pgBossQueue({ connectionString: config.database.url, limits: jobLimits, log })
      : inProcessQueue({ analyses: analysisRows, clock, log, ...options.inProcessQueue });
  const runAnalysis = analysisJobHandler({
    analyses: analysisRows,
    repositories: repositoryRows,
    roadmap,
    clock,
    limits: jobLimits,
    log,
  });
  let closing: Promise<void> | undefined;
  // career evidence (issue 5): endorsements, growth, certifications, practice, readiness
  const visibility = learnerVisibility({ profiles, isGranted });
  const endorsementRows = endorsementsRepository(db, dialect);
  const growthRows = growthRepository(db);
  const certificationRows = certificationsRepository(db);
  const practiceCards = practiceRepository(db);
  const learnerEvidence = learnerEvidenceLoader({
    analyses: analysisEvidenceRepository(db),
    endorsements: endorsementRows,
    growth: growthRows,
    certifications: certificationRows,
    progress,
    roadmap,
    clock,
  });
  return {
    config,
    roadmap,
    clock,
    store,
    invalidations,
    migrate: (): Promise<MigrationOutcome> => migrateToLatest(db, dialect),
    auth: authService({
      users,
      refreshTokens,
      passwords: scryptHasher(options.scryptCost),
      accessTokens: accessTokens(config.jwtSecret),
      clock,
    }),
    users: usersService({ users, clock }),
    grants,
    profiles: profileService({ profiles, roadmap, clock, isGranted }),
    progress: progressService({ progress, roadmap, clock, isGranted }),
    plans: planService({ profiles, progress, roadmap, clock }),
    endorsements: endorsementsService({
      endorsements: endorsementRows,
      roadmap,
      clock,
      isGranted,
      visibility,
    }),
    growth: growthService({ growth: growthRows, roadmap, clock, isGranted, visibility }),
    certifications: certificationsService({
      certifications: certificationRows,
      roadmap,
      clock,
      visibility,
    }),
    practice: practiceService({ practice: practiceCards, progress, roadmap, clock }),
    readiness: readinessService({ evidence: learnerEvidence, visibility }),
    candidates: candidatesService({
      candidates: candidatesRepository(db),
      evidence: learnerEvidence,
      roadmap,
    }),
    account: accountService({
      accounts: invalidatingAccountRepository(accountRepository(db), invalidations),
      evidence: learnerEvidence,
      roadmap,
      clock,
    }),
    repositories: repositoriesService({
      repositories: repositoryRows,
      analyses: analysisRows,
      visibility,
      clock,
    }),
    analyses: analysesService({
      analyses: analysisRows,
      repositories: repositoryRows,
      verifiedSkills: verifiedSkillsRepository(db),
      profiles,
      visibility,
      queue,
      resolveCommit: (location) => resolveCommit(location),
      roadmap,
      clock,
    }),
    jobs: {
      queue,
      limits: jobLimits,
      /** runs `count` analysis workers in this process until close() */
      startWorkers: (count: number): Promise<void> => queue.work(runAnalysis, count),
    },
    // workers first: a job that is still running may need the database to record its outcome
    close: (): Promise<void> =>
      (closing ??= (async () => {
        try {
          await queue.stop();
        } finally {
          try {
            await invalidations.close();
          } finally {
            await store.close();
          }
        }
      })()),
  };
}

export type Services = ReturnType<typeof createServices>;
