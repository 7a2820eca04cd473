import { Migrator, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Store } from "../database.js";
import { newId } from "../ids.js";
import {
  TEST_DIALECTS,
  createTestDatabase,
  type TestDatabase,
} from "../test-support/test-databases.js";
import * as m0001 from "./0001-accounts-profiles-progress.js";
import * as m0002 from "./0002-repositories-analyses.js";
import * as m0003 from "./0003-career-evidence.js";
import { migrateToLatest } from "./migrations.js";

const NOW = "2026-11-24T10:00:00.000Z";

describe.each(TEST_DIALECTS)("migration 0004 on %s", (dialect) => {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    store = openDatabase(database.config, { poolSize: 2 });
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it("marks progress saved before it as not known before the start", async () => {
    // the database as it was released with 0003, holding a learner's done skill
    const rules = store.dialect;
    const released = new Migrator({
      db: store.db,
      provider: {
        getMigrations: () =>
          Promise.resolve({
            "0001-accounts-profiles-progress": { up: (db: Kysely<unknown>) => m0001.up(db, rules) },
            "0002-repositories-analyses": { up: (db: Kysely<unknown>) => m0002.up(db, rules) },
            "0003-career-evidence": { up: (db: Kysely<unknown>) => m0003.up(db, rules) },
          }),
      },
    });
    expect((await released.migrateToLatest()).error).toBeUndefined();
    const userId = newId();
    const old = store.db as unknown as Kysely<{
      users: Record<string, string | null>;
      progress: Record<string, string>;
    }>;
    await old
      .insertInto("users")
      .values({
        id: userId,
        email: `${userId}@example.test`,
        password_hash: "hash",
        role: "learner",
        display_name: "Test User",
        created_at: NOW,
        disabled_at: null,
      })
      .execute();
    await old
      .insertInto("progress")
      .values({
        user_id: userId,
        skill_id: "git-basics",
        status: "done",
        note: "",
        updated_at: NOW,
      })
      .execute();

    expect((await migrateToLatest(store.db, store.dialect)).applied).toEqual([
      "0004-progress-known-before-start",
    ]);
    const row = await store.db
      .selectFrom("progress")
      .selectAll()
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "done", updated_at: NOW, known_before_start: 0 });
  });
});
