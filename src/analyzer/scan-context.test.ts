import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineAt, lineInFile } from "./scan-context.js";
import { sourceFile } from "./test-support/scan-context-from.js";

describe("lineInFile", () => {
  it("gives the same line as lineAt for every offset, first and later lookups alike", () => {
    const text = fc
      .array(fc.constantFrom("a", "\n", "\r\n", " "), { maxLength: 200, size: "medium" })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(
        text,
        fc.array(fc.integer({ min: -2, max: 260 }), { minLength: 1 }),
        (t, offsets) => {
          const file = sourceFile("src/a.ts", t);
          for (const offset of offsets) expect(lineInFile(file, offset)).toBe(lineAt(t, offset));
        },
      ),
    );
  });

  it("counts a newline as part of the line it ends", () => {
    const file = sourceFile("src/a.ts", "ab\ncd\n");
    expect([0, 2, 3, 5, 6].map((offset) => lineInFile(file, offset))).toEqual([1, 1, 2, 2, 3]);
    expect(lineInFile(file, 2)).toBe(1);
  });
});
