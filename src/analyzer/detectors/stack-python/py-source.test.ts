import { describe, expect, it } from "vitest";
import {
  callArgs,
  classesOf,
  codeView,
  functionAfter,
  stringList,
  stringValue,
} from "./py-source.js";

describe("Python source reading", () => {
  it("blanks comments and string contents but keeps offsets", () => {
    const text = `x = "a # b"  # note\ny = '''@app.get("/x")'''\n`;
    const code = codeView(text);
    expect(code).toHaveLength(text.length);
    expect(code).not.toContain("note");
    expect(code).not.toContain("@app.get");
    expect(code.indexOf("y =")).toBe(text.indexOf("y ="));
  });

  it("splits call arguments at top-level commas, with keywords", () => {
    const text = `path("a/<int:pk>/", views.show, kwargs={"x": (1, 2)}, name="show")`;
    const call = callArgs(text, codeView(text), text.indexOf("("));
    expect(call.args.map((a) => [a.name, a.value])).toEqual([
      [null, '"a/<int:pk>/"'],
      [null, "views.show"],
      ["kwargs", '{"x": (1, 2)}'],
      ["name", '"show"'],
    ]);
    expect(call.end).toBe(text.length);
  });

  it("reads plain, raw and concatenated string literals and refuses f-strings and names", () => {
    expect(stringValue(`r"^archive/(?P<y>\\d+)/$"`)).toBe("^archive/(?P<y>\\d+)/$");
    expect(stringValue(`"/api" "/v1"`)).toBe("/api/v1");
    expect(stringValue(`f"/{prefix}/x"`)).toBeNull();
    expect(stringValue(`PREFIX`)).toBeNull();
    expect(stringList(`["GET", 'post']`)).toEqual(["GET", "post"]);
    expect(stringList(`METHODS`)).toBeNull();
  });

  it("finds the function under a stack of decorators and its indented body", () => {
    const text = `@app.get("/a")\n@login_required\ndef handler(\n    x,\n):\n    return x\n\nafter = 1\n`;
    const code = codeView(text);
    const fn = functionAfter(code, text.indexOf("\n"));
    expect(fn?.name).toBe("handler");
    expect(text.slice(fn?.bodyStart, fn?.bodyEnd)).toContain("return x");
    expect(text.slice(fn?.bodyStart, fn?.bodyEnd)).not.toContain("after");
  });

  it("steps over decorator arguments that span lines and hold brackets in strings", () => {
    const text = `@app.get("/a")\n@api.doc(\n    "Returns ) or ]",\n    responses={404: ["Not found"]},\n)\nasync def handler():\n    return 1\n`;
    expect(functionAfter(codeView(text), text.indexOf("\n"))?.name).toBe("handler");
  });

  it("finds no function after an unclosed decorator call", () => {
    const text = `@app.get("/a")\n@api.doc(\n    responses={404: "x"},\ndef handler():\n    return 1\n`;
    expect(functionAfter(codeView(text), text.indexOf("\n"))).toBeNull();
  });

  it("lists classes with bases stripped of their module and their direct methods", () => {
    const text = `class A(viewsets.ModelViewSet, mixins.ListModelMixin):\n    def list(self):\n        def inner():\n            pass\n    async def create(self):\n        pass\n`;
    const [cls] = classesOf(codeView(text));
    expect(cls?.bases).toEqual(["ModelViewSet", "ListModelMixin"]);
    expect([...(cls?.methods.keys() ?? [])]).toEqual(["list", "create"]);
  });
});
