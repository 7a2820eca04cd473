/**
 * The one composition root: builds the database, repositories and services once, for every
 * entrypoint (`devladder serve`, `migrate`, `admin`, and later `worker`). Each service gets only
 * the dependencies it declares.
 */
import type { Config } from "./config.js";
import { loadRoadmap } from "./content/content-loader.js";
import type { Roadmap } from "./content/content.schema.js";
import { authService } from "./services/auth.service.js";
import type { Caller } from "./services/caller.js";
import { systemClock, type Clock } from "./services/clock.js";
import { grantsService } from "./services/grants.service.js";
import { scryptHasher, type ScryptCost } from "./services/password-hash.js";
import { planService } from "./services/plan.service.js";
import { profileService } from "./services/profile.service.js";
import { progressService } from "./services/progress.service.js";
import { accessTokens } from "./services/tokens.js";
import { usersService } from "./services/users.service.js";
import { openDatabase, type Store } from "./store/database.js";
import { grantsRepository } from "./store/grants.repository.js";
import { migrateToLatest, type MigrationOutcome } from "./store/migrations/migrations.js";
import { profilesRepository } from "./store/profiles.repository.js";
import { progressRepository } from "./store/progress.repository.js";
import { refreshTokensRepository } from "./store/refresh-tokens.repository.js";
import { usersRepository } from "./store/users.repository.js";

export interface CompositionOptions {
  readonly clock?: Clock;
  /** tests lower the scrypt cost to keep runs fast; production uses the default */
  readonly scryptCost?: ScryptCost;
  readonly roadmap?: Roadmap;
  /** an already-open store (tests share one per dialect) */
  readonly store?: Store;
}

export function createServices(config: Config, options: CompositionOptions = {}) {
  const clock = options.clock ?? systemClock;
  const roadmap = options.roadmap ?? loadRoadmap();
  const store = options.store ?? openDatabase(config.database);
  const { db, dialect } = store;

  const users = usersRepository(db, dialect);
  const refreshTokens = refreshTokensRepository(db);
  const grantRows = grantsRepository(db, dialect);
  const profiles = profilesRepository(db);
  const progress = progressRepository(db);

  const grants = grantsService({ grants: grantRows, users, clock });
  const isGranted = (caller: Caller, learnerId: string) => grants.isGranted(caller, learnerId);
  return {
    config,
    roadmap,
    clock,
    store,
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
    close: (): Promise<void> => store.close(),
  };
}

export type Services = ReturnType<typeof createServices>;
