import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "./database.js";
import { progressRepository } from "./progress.repository.js";
import { TEST_DIALECTS, openTestStore } from "./test-support/test-databases.js";
import { insertTestUser } from "./test-support/test-users.js";

const DAY1 = "2026-11-24T10:00:00.000Z";
const DAY2 = "2026-11-25T10:00:00.000Z";
const DAY3 = "2026-11-26T10:00:00.000Z";

describe.each(TEST_DIALECTS)("progress repository on %s", (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await openTestStore(dialect));
  });
  afterAll(async () => {
    await cleanup();
  });

  const makeLearner = () => insertTestUser(store, { createdAt: DAY1 });

  it("stores known-before-start only on a done skill, as 0 or 1", async () => {
    const user = await makeLearner();
    const progress = progressRepository(store.db);
    const rows = await progress.apply(
      user.id,
      [
        { skillId: "a", status: "done", note: "", knownBeforeStart: true },
        { skillId: "b", status: "learning", note: "", knownBeforeStart: true },
        { skillId: "c", status: "done", note: "" },
      ],
      DAY1,
    );
    expect(rows.map((r) => [r.skill_id, r.known_before_start])).toEqual([
      ["a", 1],
      ["b", 0],
      ["c", 0],
    ]);
  });

  it("moves the status date when the mark changes, not when only the note does, and records only status changes", async () => {
    const user = await makeLearner();
    const progress = progressRepository(store.db);
    await progress.apply(
      user.id,
      [{ skillId: "a", status: "done", note: "", knownBeforeStart: true }],
      DAY1,
    );
    const [noted] = await progress.apply(
      user.id,
      [{ skillId: "a", status: "done", note: "n", knownBeforeStart: true }],
      DAY2,
    );
    expect(noted).toMatchObject({ known_before_start: 1, updated_at: DAY1, note: "n" });
    // no longer known before the start: finished on the plan, today
    const [unmarked] = await progress.apply(
      user.id,
      [{ skillId: "a", status: "done", note: "n", knownBeforeStart: false }],
      DAY3,
    );
    expect(unmarked).toMatchObject({ known_before_start: 0, updated_at: DAY3 });
    const history = await progress.history(user.id, { limit: 10 });
    expect(history.map((h) => [h.from_status, h.to_status])).toEqual([[null, "done"]]);
  });
});
