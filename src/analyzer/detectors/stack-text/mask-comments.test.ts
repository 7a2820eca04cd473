import { describe, expect, it } from "vitest";
import { maskComments } from "./mask-comments.js";
import { joinUrlPath } from "./url-path.js";

describe("maskComments", () => {
  it("blanks comments but keeps strings, length and line breaks", () => {
    const src = 'a("http://x/y"); // b("/z")\n/* c\n d */ e(\'#\')';
    const masked = maskComments(src, "java");
    expect(masked.length).toBe(src.length);
    expect(masked.split("\n").length).toBe(3);
    expect(masked).toContain('a("http://x/y");');
    expect(masked).not.toContain("/z");
    expect(masked).not.toContain("c");
    expect(masked).toContain("e('#')");
  });

  it("treats PHP 8 attributes as code and # as a comment", () => {
    expect(maskComments("#[Route('/a')]\n# Route::get('/b')", "php")).toBe(
      "#[Route('/a')]\n                  ",
    );
  });

  it("keeps Go raw strings whole, even with // inside", () => {
    expect(maskComments("r.GET(`//x`) // y", "go")).toBe("r.GET(`//x`)     ");
  });

  it("skips Ruby =begin/=end blocks", () => {
    expect(maskComments("=begin\nget 'x'\n=end\nget 'y'", "ruby").trim()).toBe("get 'y'");
  });
});

describe("joinUrlPath", () => {
  it("joins segments with single slashes and no trailing slash", () => {
    expect(joinUrlPath("/api/", "users/", "")).toBe("/api/users");
    expect(joinUrlPath("", "")).toBe("/");
  });
});
