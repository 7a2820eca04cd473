/**
 * Forward-only migrations, listed statically (not discovered from the file system, which would
 * differ between src/ and dist/). Never edit or reorder a released migration: add a new one.
 * Names sort in the order they run.
 */
import { Migrator, type Kysely, type Migration, type MigrationResultSet } from "kysely";
import { DevladderError } from "../../errors.js";
import type { DialectRules } from "../dialect.js";
import type { Database } from "../database.types.js";
import * as m0001 from "./0001-accounts-profiles-progress.js";
import * as m0002 from "./0002-repositories-analyses.js";
import * as m0003 from "./0003-career-evidence.js";
import * as m0004 from "./0004-progress-known-before-start.js";

type DialectMigration = {
  up(db: Kysely<unknown>, dialect: DialectRules): Promise<void>;
};

const MIGRATIONS: Readonly<Record<string, DialectMigration>> = {
  "0001-accounts-profiles-progress": m0001,
  "0002-repositories-analyses": m0002,
  "0003-career-evidence": m0003,
  "0004-progress-known-before-start": m0004,
};

export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS);

export interface MigrationOutcome {
  /** names applied by this run, in order; empty when the database was already up to date */
  readonly applied: readonly string[];
}

export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: DialectRules,
): Promise<MigrationOutcome> {
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(MIGRATIONS)) {
    migrations[name] = { up: (target) => migration.up(target, dialect) };
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === "Error");
    throw new DevladderError(
      "internal",
      `database migration ${failed?.migrationName ?? "(unknown)"} failed`,
      [],
      { cause: result.error },
    );
  }
  return {
    applied: (result.results ?? [])
      .filter((r) => r.status === "Success")
      .map((r) => r.migrationName),
  };
}
