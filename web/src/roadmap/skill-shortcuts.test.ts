import { describe, expect, it } from "vitest";
import { statusForKey } from "./skill-shortcuts.js";

const press = (
  key: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {},
) => statusForKey({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe("skill shortcuts", () => {
  it("maps d, l, s and r to done, learning, skipped and not started, in either case", () => {
    expect([press("d"), press("l"), press("s"), press("r")]).toEqual([
      "done",
      "learning",
      "skipped",
      "pending",
    ]);
    expect(press("D")).toBe("done");
  });

  it("leaves other keys and any key with a modifier to the browser", () => {
    expect(press("x")).toBeNull();
    expect(press("Enter")).toBeNull();
    expect(press("r", { ctrlKey: true })).toBeNull();
    expect(press("d", { metaKey: true })).toBeNull();
    expect(press("l", { altKey: true })).toBeNull();
  });
});
