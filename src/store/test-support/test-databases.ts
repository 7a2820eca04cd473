/**
 * Real databases for store, service and HTTP tests: a temp SQLite file, or a fresh PostgreSQL
 * database on the local server (created here and dropped afterwards). PostgreSQL being down is a
 * failure with a clear message, never a skip: CI (`.ci/run`) starts it.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { DatabaseConfig } from "../../config.js";
import { openDatabase, type Store } from "../database.js";
import { DIALECTS, type DialectName } from "../dialect.js";
import { migrateToLatest } from "../migrations/migrations.js";

export const TEST_DIALECTS = DIALECTS;

/** The local server the project's tests use (trust auth). */
export const POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  readonly config: DatabaseConfig;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  switch (dialect) {
    case "sqlite": {
      const dir = mkdtempSync(join(tmpdir(), "devladder-db-"));
      return {
        config: { kind: "sqlite", file: join(dir, "test.db") },
        drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
      };
    }
    case "postgres": {
      const name = `devladder_test_${randomBytes(6).toString("hex")}`;
      await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
      const url = new URL(POSTGRES_ADMIN_URL);
      url.pathname = `/${name}`;
      return {
        config: { kind: "postgres", url: url.toString() },
        drop: async () => {
          await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        },
      };
    }
  }
}

/** A migrated store on a fresh database; `cleanup` closes it and drops the database. */
export async function openTestStore(
  dialect: DialectName,
): Promise<{ store: Store; config: DatabaseConfig; cleanup: () => Promise<void> }> {
  const database = await createTestDatabase(dialect);
  const store = openDatabase(database.config, { poolSize: 4 });
  await migrateToLatest(store.db, store.dialect);
  return {
    store,
    config: database.config,
    cleanup: async () => {
      await store.close();
      await database.drop();
    },
  };
}

async function withAdmin<T>(action: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL} (${error instanceof Error ? error.message : String(error)}). ` +
        "The store tests run on both SQLite and PostgreSQL: start the local server (.ci/run does).",
      { cause: error },
    );
  }
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}
