import { describe, expect, it } from "vitest";
import { isId, newId } from "./ids.js";

describe("newId", () => {
  it("makes UUIDv7 ids that start with the given millisecond", () => {
    const at = Date.UTC(2026, 10, 24, 6, 30);
    const id = newId(at);
    expect(isId(id)).toBe(true);
    expect(id[14]).toBe("7");
    expect(["8", "9", "a", "b"]).toContain(id[19]);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
  });

  it("orders ids made in the same millisecond by when they were made", () => {
    const at = Date.UTC(2026, 10, 24, 6, 31);
    const ids = Array.from({ length: 500 }, () => newId(at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("stays ordered past the counter's end by moving on a millisecond", () => {
    const at = Date.UTC(2026, 10, 24, 6, 32);
    const ids = Array.from({ length: 5000 }, () => newId(at));
    expect([...ids].sort()).toEqual(ids);
    const last = ids.at(-1) ?? "";
    expect(parseInt(last.replace(/-/g, "").slice(0, 12), 16)).toBeGreaterThan(at);
  });

  it("keeps order when the clock reaches the millisecond a rollover moved on to", () => {
    const at = Date.UTC(2026, 10, 24, 6, 33);
    const ids = [
      ...Array.from({ length: 5000 }, () => newId(at)),
      ...Array.from({ length: 10 }, () => newId(at + 1)),
    ];
    expect([...ids].sort()).toEqual(ids);
  });
});
