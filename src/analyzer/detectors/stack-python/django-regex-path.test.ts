import { describe, expect, it } from "vitest";
import { regexRouteAsPath } from "./django-regex-path.js";

describe("regexRouteAsPath", () => {
  it("reads named groups as Django's <name>, whatever they match", () => {
    expect(regexRouteAsPath("^api/articles/(?P<pk>[0-9]+)/$")).toBe("api/articles/<pk>/");
    expect(regexRouteAsPath("^files/(?P<path>[^/]+)/(?P<rev>(v1|v2))$")).toBe("files/<path>/<rev>");
    expect(regexRouteAsPath("^(?P<year>[0-9]{4})/(?P<slug>[-\\w]+)/$")).toBe("<year>/<slug>/");
  });

  it("reads escaped punctuation as itself and an optional final slash as a slash", () => {
    expect(regexRouteAsPath("^users/(?P<pk>\\d+)\\.json$")).toBe("users/<pk>.json");
    expect(regexRouteAsPath("^api/v1/ping/?$")).toBe("api/v1/ping/");
    expect(regexRouteAsPath("^$")).toBe("");
    expect(regexRouteAsPath("users")).toBe("users");
  });

  it("keeps a pattern that stands for no single path as written, without anchors", () => {
    expect(regexRouteAsPath("^(?:v1|v2)/ping/$")).toBe("(?:v1|v2)/ping/");
    expect(regexRouteAsPath("^items/(\\d+)/$")).toBe("items/(\\d+)/");
    expect(regexRouteAsPath("^docs/.*$")).toBe("docs/.*");
    expect(regexRouteAsPath("^a/(?P<x>[0-9]+$")).toBe("a/(?P<x>[0-9]+");
  });
});
