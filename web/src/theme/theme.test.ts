import { describe, expect, it } from "vitest";
import { resolveTheme, storeChoice, storedChoice, type ThemeChoice } from "./theme.js";

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

describe("theme", () => {
  it("follows the system until the user picks light or dark", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
  });

  it("remembers a pick, and forgets it when the user goes back to the system setting", () => {
    const storage = memoryStorage();
    expect(storedChoice(storage)).toBe("system");
    storeChoice(storage, "dark");
    expect(storedChoice(storage)).toBe("dark");
    storeChoice(storage, "system");
    expect(storage.getItem("devladder.theme")).toBeNull();
  });

  it("ignores a stored value it does not know", () => {
    const storage = memoryStorage();
    storage.setItem("devladder.theme", "sepia");
    const choice: ThemeChoice = storedChoice(storage);
    expect(choice).toBe("system");
  });
});
