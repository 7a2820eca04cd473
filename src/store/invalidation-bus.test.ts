import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  INVALIDATION_CHANNEL,
  inProcessInvalidationBus,
  postgresInvalidationBus,
  type InvalidationBus,
} from "./invalidation-bus.js";
import { openTestStore } from "./test-support/test-databases.js";
import type { Store } from "./database.js";

/** resolves with the first notice `bus` delivers that `accept` takes */
function nextNotice(
  bus: InvalidationBus,
  accept: (userId: string | null) => boolean,
): Promise<string | null> {
  return new Promise((resolve) => {
    bus.subscribe((userId) => {
      if (accept(userId)) resolve(userId);
    });
  });
}

describe("in-process invalidation bus", () => {
  it("tells every subscriber before publish returns", async () => {
    const bus = inProcessInvalidationBus();
    const heard: (string | null)[] = [];
    bus.subscribe((userId) => heard.push(userId));
    bus.subscribe((userId) => heard.push(userId));
    const publishing = bus.publish("u1");
    expect(heard).toEqual(["u1", "u1"]);
    await publishing;
    expect(bus.live).toBe(true);
  });
});

describe("PostgreSQL invalidation bus", () => {
  let store: Store;
  let url: string;
  let cleanup: () => Promise<void>;
  const buses: InvalidationBus[] = [];
  const open = () => {
    const bus = postgresInvalidationBus({ connectionString: url, db: store.db, log: () => {} });
    buses.push(bus);
    return bus;
  };

  beforeAll(async () => {
    const opened = await openTestStore("postgres");
    if (opened.config.kind !== "postgres") throw new Error("expected a PostgreSQL store");
    ({ store, cleanup } = opened);
    url = opened.config.url;
  });
  afterAll(async () => {
    for (const bus of buses) await bus.close();
    await cleanup();
  });

  it("does not connect until asked, and is not live until it listens", async () => {
    const bus = open();
    expect(bus.live).toBe(false);
    await bus.ready();
    expect(bus.live).toBe(true);
  });

  it("forgets at once in the publishing process and tells the others once committed", async () => {
    const writer = open();
    const reader = open();
    await Promise.all([writer.ready(), reader.ready()]);
    const local: (string | null)[] = [];
    writer.subscribe((userId) => local.push(userId));
    const heard = nextNotice(reader, (userId) => userId === "user-42");
    const publishing = writer.publish("user-42");
    expect(local).toEqual(["user-42"]);
    await publishing;
    expect(await heard).toBe("user-42");
  });

  it("after losing its connection forgets everything, stops being live, and listens again", async () => {
    const bus = open();
    await bus.ready();
    const forgetAll = nextNotice(bus, (userId) => userId === null);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
              where query = ${`LISTEN ${INVALIDATION_CHANNEL}`} and datname = current_database()`.execute(
      store.db,
    );
    expect(await forgetAll).toBeNull();
    expect(bus.live).toBe(false);
    await bus.ready();
    const heard = nextNotice(bus, (userId) => userId === "user-7");
    await open().publish("user-7");
    expect(await heard).toBe("user-7");
  });
});
