import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstLineMatch, indexOfNeedle, lineView, needle } from "./keyword-search.js";

/** Text made of a few characters so that keywords and near misses occur often. */
const text = fc
  .array(fc.constantFrom("a", "b", "@", "import ", "\n", " "), { maxLength: 400, size: "medium" })
  .map((chars) => chars.join(""));
const keyword = fc
  .array(fc.constantFrom("a", "b", "@"), { minLength: 1, maxLength: 4 })
  .map((chars) => chars.join(""));

/** The plain line-by-line search that firstLineMatch must agree with. */
function naiveFirstLineMatch(source: string, word: string, key: string, re: RegExp): number {
  let start = 0;
  for (const line of source.split("\n")) {
    if (line.includes(word) && line.includes(key)) {
      re.lastIndex = 0;
      const m = re.exec(line);
      if (m) return start + m.index;
    }
    start += line.length + 1;
  }
  return -1;
}

describe("needle search", () => {
  it("searches from the keyword's rarest character", () => {
    expect(needle("org.springframework").tail).toBe("k");
    expect(needle("@Valid").pivot).toBe(1);
    expect(needle("jwt").pivot).toBe(0);
  });

  it("finds the same occurrence as indexOf, from any start", () => {
    fc.assert(
      fc.property(text, keyword, fc.nat(420), (source, key, from) => {
        expect(indexOfNeedle(source, needle(key), from)).toBe(source.indexOf(key, from));
      }),
    );
  });

  it("finds a keyword whose rare character repeats before the real occurrence", () => {
    expect(indexOfNeedle("xk kxork.x org.k", needle("org.k"))).toBe(11);
  });
});

describe("line views", () => {
  it("finds the first matching line among the lines that hold a word", () => {
    fc.assert(
      fc.property(text, keyword, (source, key) => {
        const re = new RegExp(`^ *import +${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "m");
        const view = lineView({}, source, ["import"]);
        expect(firstLineMatch(source, view, needle(key), re)).toBe(
          naiveFirstLineMatch(source, "import", key, re),
        );
      }),
    );
  });

  it("keeps far-apart import lines in separate parts and merges near ones", () => {
    const source = `import a\nimport b\n${"x\n".repeat(300)}import c`;
    const view = lineView({}, source, ["import"]);
    expect(view.parts).toEqual(["import a\nimport b", "import c"]);
    expect(firstLineMatch(source, view, needle("c"), /^import c/)).toBe(source.length - 8);
  });
});
