import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "./database.js";
import type { Role } from "./database.types.js";
import { grantsRepository } from "./grants.repository.js";
import { newId } from "./ids.js";
import { migrateToLatest } from "./migrations/migrations.js";
import { profilesRepository } from "./profiles.repository.js";
import { progressRepository } from "./progress.repository.js";
import { refreshTokensRepository } from "./refresh-tokens.repository.js";
import { TEST_DIALECTS, openTestStore } from "./test-support/test-databases.js";
import { insertTestUser } from "./test-support/test-users.js";
import { usersRepository } from "./users.repository.js";

const NOW = "2026-11-24T10:00:00.000Z";

describe.each(TEST_DIALECTS)("store on %s", (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await openTestStore(dialect));
  });
  afterAll(async () => {
    await cleanup();
  });

  const makeUser = (overrides: { role?: Role; email?: string } = {}) =>
    insertTestUser(store, { ...overrides, createdAt: NOW });

  it("applies no migration twice", async () => {
    const again = await migrateToLatest(store.db, store.dialect);
    expect(again.applied).toEqual([]);
  });

  it("refuses a second account with the same email and returns null", async () => {
    const first = await makeUser({ email: `dup-${dialect}@example.test` });
    const users = usersRepository(store.db, store.dialect);
    const second = await users.create({
      ...first,
      id: newId(),
    });
    expect(second).toBeNull();
    expect((await users.findByEmail(first.email))?.id).toBe(first.id);
  });

  it("pages users by id without gaps or repeats", async () => {
    const users = usersRepository(store.db, store.dialect);
    for (let i = 0; i < 5; i += 1) await makeUser();
    const all = await users.list({ limit: 1000 });
    const paged: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await users.list({ limit: 2, ...(after ? { after } : {}) });
      if (page.length === 0) break;
      paged.push(...page.map((u) => u.id));
      after = page.at(-1)?.id;
    }
    expect(paged).toEqual(all.map((u) => u.id));
    expect(new Set(paged).size).toBe(paged.length);
  });

  it("rotates a refresh token once and revokes the family when it is used again", async () => {
    const user = await makeUser();
    const tokens = refreshTokensRepository(store.db);
    const familyId = newId();
    const token = (hash: string) => ({
      id: newId(),
      userId: user.id,
      familyId,
      tokenHash: hash,
      createdAt: NOW,
      expiresAt: "2026-12-24T10:00:00.000Z",
    });
    await tokens.insert(token(`a-${dialect}`));
    const successor = (hash: string) => ({
      id: newId(),
      tokenHash: hash,
      createdAt: NOW,
      expiresAt: "2026-12-24T10:00:00.000Z",
    });
    expect((await tokens.rotate(`a-${dialect}`, successor(`b-${dialect}`), NOW)).kind).toBe(
      "rotated",
    );
    expect((await tokens.findByHash(`b-${dialect}`))?.family_id).toBe(familyId);
    expect((await tokens.rotate(`a-${dialect}`, successor(`c-${dialect}`), NOW)).kind).toBe(
      "reused",
    );
    // the successor issued by the first rotation is revoked with its family
    expect((await tokens.findByHash(`b-${dialect}`))?.revoked_at).toBe(NOW);
    expect(await tokens.findByHash(`c-${dialect}`)).toBeUndefined();
    expect((await tokens.rotate("never-issued", successor(`d-${dialect}`), NOW)).kind).toBe(
      "unknown",
    );
  });

  it("revokes a user's refresh tokens in the same change that disables the account", async () => {
    const user = await makeUser();
    const tokens = refreshTokensRepository(store.db);
    await tokens.insert({
      id: newId(),
      userId: user.id,
      familyId: newId(),
      tokenHash: `disable-${user.id}`,
      createdAt: NOW,
      expiresAt: "2026-12-24T10:00:00.000Z",
    });
    const users = usersRepository(store.db, store.dialect);
    expect((await users.update(user.id, { disabled_at: NOW }))?.disabled_at).toBe(NOW);
    expect((await tokens.findByHash(`disable-${user.id}`))?.revoked_at).toBe(NOW);
    expect(await users.update(newId(), { disabled_at: NOW })).toBeUndefined();
  });

  it("keeps grants unique and lists them from both sides", async () => {
    const learner = await makeUser();
    const mentor = await makeUser({ role: "mentor" });
    const grants = grantsRepository(store.db, store.dialect);
    const grant = { learner_id: learner.id, mentor_id: mentor.id, created_at: NOW };
    expect(await grants.create(grant)).toBe(true);
    expect(await grants.create(grant)).toBe(false);
    expect((await grants.listForMentor(mentor.id, { limit: 10 })).map((g) => g.user.id)).toEqual([
      learner.id,
    ]);
    expect(
      (await grants.listForLearner(learner.id, { limit: 10 })).map((g) => g.user.email),
    ).toEqual([mentor.email]);
    expect(await grants.remove(learner.id, mentor.id)).toBe(true);
    expect(await grants.exists(learner.id, mentor.id)).toBe(false);
  });

  it("stores a profile's fractional weekly hours and keeps its share slug on update", async () => {
    const user = await makeUser();
    const profiles = profilesRepository(store.db);
    const profile = {
      user_id: user.id,
      track: "python",
      hours_per_week: 7.5,
      start_date: "2026-12-01",
      target_level: null,
      visibility: "private" as const,
      share_slug: `slug-${user.id}`,
      headline: "",
      updated_at: NOW,
    };
    await profiles.save(profile);
    const saved = await profiles.save({ ...profile, share_slug: "other", hours_per_week: 12.25 });
    expect(saved.hours_per_week).toBe(12.25);
    expect(saved.share_slug).toBe(`slug-${user.id}`);
    expect((await profiles.findBySlug(`slug-${user.id}`))?.user_id).toBe(user.id);
  });

  it("records history only for status changes, newest first", async () => {
    const user = await makeUser();
    const progress = progressRepository(store.db);
    await progress.apply(user.id, [{ skillId: "a", status: "learning", note: "" }], NOW);
    await progress.apply(user.id, [{ skillId: "a", status: "learning", note: "n" }], NOW);
    await progress.apply(
      user.id,
      [{ skillId: "a", status: "done", note: "n" }],
      "2026-11-25T10:00:00.000Z",
    );
    const [row] = await progress.listForUser(user.id);
    expect(row?.updated_at).toBe("2026-11-25T10:00:00.000Z");
    await progress.apply(
      user.id,
      [{ skillId: "a", status: "done", note: "edited" }],
      "2026-11-26T10:00:00.000Z",
    );
    // a note edit keeps the date the status changed
    expect((await progress.listForUser(user.id))[0]?.updated_at).toBe("2026-11-25T10:00:00.000Z");
    const history = await progress.history(user.id, { limit: 10 });
    expect(history.map((h) => [h.from_status, h.to_status])).toEqual([
      ["learning", "done"],
      [null, "learning"],
    ]);
    const second = await progress.history(user.id, { limit: 10, after: history[0]?.id ?? "" });
    expect(second.map((h) => h.to_status)).toEqual(["learning"]);
  });

  it("writes nothing of a bulk change when one of its rows fails", async () => {
    const user = await makeUser();
    const progress = progressRepository(store.db);
    const broken = { skillId: "b", status: "done" as const, note: null as unknown as string };
    await expect(
      progress.apply(user.id, [{ skillId: "a", status: "done", note: "" }, broken], NOW),
    ).rejects.toThrow();
    expect(await progress.listForUser(user.id)).toEqual([]);
    expect(await progress.history(user.id, { limit: 10 })).toEqual([]);
  });
});
