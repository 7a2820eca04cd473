import { describe, expect, it } from "vitest";
import { sourceFile } from "../test-support/scan-context-from.js";
import { languageOf } from "./language-table.js";
import { countFileLines, countLines } from "./line-counts.js";

function syntaxOf(name: string) {
  const dot = name.lastIndexOf(".");
  const language = languageOf(name, dot > 0 ? name.slice(dot + 1) : "");
  if (language === null) throw new Error(`no language for ${name}`);
  return language.syntax;
}

describe("countFileLines", () => {
  it("counts TypeScript code, line and block comments, and blanks", () => {
    const text = [
      "// service for orders",
      "/**",
      " * Creates an order.",
      " */",
      "export function create(id: string) { // trailing comment: still code",
      "",
      "  const glob = 'src/**/*.ts'; // a block opener inside a string",
      "  return `/* not a comment",
      "  // nor this`;",
      "}",
      "   ",
      "/* one-line block */ const after = 1;",
      "/* closed */",
    ].join("\n");
    expect(countFileLines(text, syntaxOf("orders.ts"))).toEqual({ code: 6, comment: 5, blank: 2 });
  });

  it("counts Python docstrings and hash comments as comments, other triple strings as code", () => {
    const text = [
      '"""Order helpers."""',
      "# constants",
      "LIMIT = 10",
      "",
      "def total(items):",
      '    """',
      "    Sums the items.",
      '    """',
      '    sql = """',
      "    # not a comment: inside a string",
      '    """',
      "    return sum(items)  # inline",
    ].join("\n");
    expect(countFileLines(text, syntaxOf("orders.py"))).toEqual({ code: 6, comment: 5, blank: 1 });
  });

  it("counts SQL, shell and HTML comments with their own markers", () => {
    expect(
      countFileLines("-- schema\nCREATE TABLE t (id int);\n/* multi\nline */\n", syntaxOf("a.sql")),
    ).toEqual({
      code: 1,
      comment: 3,
      blank: 0,
    });
    expect(countFileLines("#!/bin/sh\n# build\necho '#not'\n\n", syntaxOf("build.sh"))).toEqual({
      code: 1,
      comment: 2,
      blank: 1,
    });
    expect(
      countFileLines("<!-- head -->\n<p>hi</p>\n<!--\nnote\n-->\n", syntaxOf("index.html")),
    ).toEqual({
      code: 1,
      comment: 4,
      blank: 0,
    });
  });

  it("counts every non-blank JSON line as code and handles a missing final newline", () => {
    expect(countFileLines('{\n  "a": "//x"\n\n}', syntaxOf("package.json"))).toEqual({
      code: 3,
      comment: 0,
      blank: 1,
    });
  });
});

describe("countLines", () => {
  it("groups by language, sorts by code, and totals application code apart", () => {
    const counts = countLines([
      sourceFile("src/app.ts", "// entry\nexport const a = 1;\nexport const b = 2;\n"),
      sourceFile("src/app.test.ts", "// spec\nit('works', () => {});\n"),
      sourceFile("examples/demo.ts", "const demo = 1;\n"),
      sourceFile("src/db.py", "# db\nx = 1\n\n"),
      sourceFile("Dockerfile", "# base\nFROM node:20\n"),
      sourceFile("README.md", "# Shop\n\nRun it.\n"),
      sourceFile("LICENSE", "MIT\n"),
    ]);
    expect(counts.languages).toEqual([
      { name: "TypeScript", files: 3, code: 4, comment: 2, blank: 0 },
      { name: "Markdown", files: 1, code: 2, comment: 0, blank: 1 },
      { name: "Dockerfile", files: 1, code: 1, comment: 1, blank: 0 },
      { name: "Python", files: 1, code: 1, comment: 1, blank: 1 },
    ]);
    // app-role programming files only: src/app.ts and src/db.py
    expect(counts.app).toEqual({ code: 3, comment: 2 });
  });
});
