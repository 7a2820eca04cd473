import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificationsRepository } from "./certifications.repository.js";
import type { Store } from "./database.js";
import { TEST_DIALECTS, openTestStore } from "./test-support/test-databases.js";
import { insertTestUser } from "./test-support/test-users.js";

const NOW = "2026-11-24T10:00:00.000Z";

describe.each(TEST_DIALECTS)("certifications repository on %s", (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await openTestStore(dialect));
    // a progress write for the skill 'refuse-me' fails inside the database, the way a lost
    // connection or a constraint would, so the test can watch the whole save roll back
    if (dialect === "sqlite") {
      await sql`CREATE TRIGGER refuse_progress BEFORE INSERT ON progress
        WHEN NEW.skill_id = 'refuse-me' BEGIN SELECT RAISE(ABORT, 'refused'); END`.execute(
        store.db,
      );
    } else {
      await sql`CREATE FUNCTION refuse_progress() RETURNS trigger AS $$
        BEGIN IF NEW.skill_id = 'refuse-me' THEN RAISE EXCEPTION 'refused'; END IF;
        RETURN NEW; END $$ LANGUAGE plpgsql`.execute(store.db);
      await sql`CREATE TRIGGER refuse_progress BEFORE INSERT ON progress
        FOR EACH ROW EXECUTE FUNCTION refuse_progress()`.execute(store.db);
    }
  });
  afterAll(async () => {
    await cleanup();
  });

  const makeUser = async () => (await insertTestUser(store, { createdAt: NOW })).id;
  const earned = (userId: string) => ({
    user_id: userId,
    certification_id: "some-cert",
    status: "earned" as const,
    target_date: null,
    started_on: null,
    earned_on: "2026-11-01",
    credential_url: null,
    updated_at: NOW,
  });

  it("writes the certification and the skills it marks done together", async () => {
    const userId = await makeUser();
    const saved = await certificationsRepository(store.db).save(earned(userId), ["a-skill"]);
    expect(saved.markedDone).toEqual(["a-skill"]);
    const progress = await store.db
      .selectFrom("progress")
      .select(["skill_id", "status"])
      .where("user_id", "=", userId)
      .execute();
    expect(progress).toEqual([{ skill_id: "a-skill", status: "done" }]);
  });

  it("keeps neither when marking a skill done fails", async () => {
    const userId = await makeUser();
    const repository = certificationsRepository(store.db);
    await expect(repository.save(earned(userId), ["a-skill", "refuse-me"])).rejects.toThrow(
      /refused/,
    );
    expect(await repository.find(userId, "some-cert")).toBeUndefined();
    const progress = await store.db
      .selectFrom("progress")
      .select("skill_id")
      .where("user_id", "=", userId)
      .execute();
    expect(progress).toEqual([]);
  });
});
