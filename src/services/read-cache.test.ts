import { describe, expect, it } from "vitest";
import { inProcessInvalidationBus, type InvalidationBus } from "../store/invalidation-bus.js";
import type { Clock } from "./clock.js";
import { READ_CACHE_TTL_MS, readCache } from "./read-cache.js";

/** a clock tests move by hand */
function manualClock(start = Date.parse("2026-11-24T10:00:00Z")) {
  let now = start;
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (ms: number) => (now += ms) };
}

/** a load that counts its calls and answers what the "table" holds now */
function countingLoad(table: Map<string, string>) {
  const calls: string[] = [];
  return {
    calls,
    load: (id: string) => () => {
      calls.push(id);
      return Promise.resolve(table.get(id));
    },
  };
}

describe("read cache", () => {
  it("answers a second read from memory", async () => {
    const cache = readCache<string>({
      bus: inProcessInvalidationBus(),
      clock: manualClock().clock,
    });
    const table = new Map([["u1", "learner"]]);
    const { calls, load } = countingLoad(table);
    expect(await cache.get("u1", load("u1"))).toBe("learner");
    table.set("u1", "admin"); // written around the repositories: not announced
    expect(await cache.get("u1", load("u1"))).toBe("learner");
    expect(calls).toEqual(["u1"]);
  });

  it("hands every reader the same frozen row, so no reader can change it for the others", async () => {
    const cache = readCache<{ role: string }>({
      bus: inProcessInvalidationBus(),
      clock: manualClock().clock,
    });
    const load = () => Promise.resolve({ role: "learner" });
    const first = await cache.get("u1", load);
    expect(await cache.get("u1", load)).toBe(first);
    expect(() => {
      (first as { role: string }).role = "admin";
    }).toThrow(TypeError);
  });

  it("reloads a row once its TTL has passed", async () => {
    const { clock, advance } = manualClock();
    const cache = readCache<string>({ bus: inProcessInvalidationBus(), clock });
    const table = new Map([["u1", "learner"]]);
    const { calls, load } = countingLoad(table);
    await cache.get("u1", load("u1"));
    table.set("u1", "admin");
    advance(READ_CACHE_TTL_MS - 1);
    expect(await cache.get("u1", load("u1"))).toBe("learner");
    advance(1);
    expect(await cache.get("u1", load("u1"))).toBe("admin");
    expect(calls).toEqual(["u1", "u1"]);
  });

  it("forgets exactly the user a write publishes", async () => {
    const bus = inProcessInvalidationBus();
    const cache = readCache<string>({ bus, clock: manualClock().clock });
    const table = new Map([
      ["u1", "learner"],
      ["u2", "mentor"],
    ]);
    const { calls, load } = countingLoad(table);
    await cache.get("u1", load("u1"));
    await cache.get("u2", load("u2"));
    table.set("u1", "admin");
    table.set("u2", "admin");
    await bus.publish("u1");
    expect(await cache.get("u1", load("u1"))).toBe("admin");
    expect(await cache.get("u2", load("u2"))).toBe("mentor");
    expect(calls).toEqual(["u1", "u2", "u1"]);
  });

  it("does not keep a row loaded across a write, so the old row cannot come back", async () => {
    const bus = inProcessInvalidationBus();
    const cache = readCache<string>({ bus, clock: manualClock().clock });
    const table = new Map([["u1", "enabled"]]);
    const { calls, load } = countingLoad(table);
    // the read sees the old row, then the write commits and publishes before the read finishes
    const slowRead = cache.get("u1", async () => {
      const old = await load("u1")();
      table.set("u1", "disabled");
      await bus.publish("u1");
      return old;
    });
    expect(await slowRead).toBe("enabled");
    expect(await cache.get("u1", load("u1"))).toBe("disabled");
    expect(calls).toEqual(["u1", "u1"]);
  });

  it("never keeps a missing row, so a row created later is found", async () => {
    const cache = readCache<string>({
      bus: inProcessInvalidationBus(),
      clock: manualClock().clock,
    });
    const table = new Map<string, string>();
    const { load } = countingLoad(table);
    expect(await cache.get("u1", load("u1"))).toBeUndefined();
    table.set("u1", "learner");
    expect(await cache.get("u1", load("u1"))).toBe("learner");
  });

  it("keeps nothing while other processes' changes are not heard", async () => {
    const listeners: ((userId: string | null) => void)[] = [];
    let starts = 0;
    const deaf: InvalidationBus = {
      live: false,
      start: () => void (starts += 1),
      ready: () => Promise.resolve(),
      publish: () => Promise.resolve(),
      subscribe: (listener) => void listeners.push(listener),
      close: () => Promise.resolve(),
    };
    const cache = readCache<string>({ bus: deaf, clock: manualClock().clock });
    const { calls, load } = countingLoad(new Map([["u1", "learner"]]));
    await cache.get("u1", load("u1"));
    await cache.get("u1", load("u1"));
    expect(calls).toEqual(["u1", "u1"]);
    // a cache miss asks the bus to start listening
    expect(starts).toBe(2);
  });

  it("holds at most maxEntries rows, letting the oldest go", async () => {
    const cache = readCache<string>({
      bus: inProcessInvalidationBus(),
      clock: manualClock().clock,
      maxEntries: 2,
    });
    const { calls, load } = countingLoad(
      new Map([
        ["u1", "a"],
        ["u2", "b"],
        ["u3", "c"],
      ]),
    );
    for (const id of ["u1", "u2", "u3", "u3", "u2", "u1"]) await cache.get(id, load(id));
    expect(calls).toEqual(["u1", "u2", "u3", "u1"]);
  });
});
