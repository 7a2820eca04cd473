import { describe, expect, it } from "vitest";
import {
  isConventionalSubject,
  isTranslationUpdate,
  subjectConvention,
} from "./commit-convention.js";

describe("isConventionalSubject", () => {
  it("takes the type in any case, with a scope and a breaking-change mark", () => {
    for (const subject of [
      "feat: add the login endpoint",
      "feat!: drop the v1 payload",
      "fix(auth)!: reject expired tokens",
      "Fix: handle an empty body",
      "FEAT(api): paginate orders",
      "Test: cover the 404 answer",
    ]) {
      expect(isConventionalSubject(subject), subject).toBe(true);
    }
    for (const subject of [
      "Add the login endpoint",
      "feat:add the login endpoint",
      "feature: add the login endpoint",
      "window: keep the size",
      "Fixed the login",
    ]) {
      expect(isConventionalSubject(subject), subject).toBe(false);
    }
  });
});

describe("subjectConvention", () => {
  it("recognises gitmoji subjects, by the emoji or its :shortcode:", () => {
    for (const subject of [
      "✨ Add the login endpoint",
      "♻️ Refactor the session store (#1277)",
      "⬆️ Upgrade FastAPI",
      "🧑‍💻 Improve the developer setup",
      ":sparkles: Add the login endpoint",
      ":arrow_up: Bump zod from 4.0.0 to 4.1.0",
      "🐛(auth): reject expired tokens",
      "✨Add the login endpoint",
    ]) {
      expect(subjectConvention(subject), subject).toBe("gitmoji");
    }
  });

  it("recognises the area first, as Go, Linux and GNOME write it", () => {
    for (const subject of [
      "window: Keep the size between runs",
      "net/http: add Server.Shutdown",
      "cmd/go, go/build: read the build tags once",
      "go.crypto/ssh/terminal: support bracketed paste mode",
      "README.md: fix a typo",
      "A+C: delete AUTHORS and CONTRIBUTORS",
      "dailyForecast: Adjust popovers",
      "feature: add the birthday field",
    ]) {
      expect(subjectConvention(subject), subject).toBe("scope");
    }
  });

  it("takes Conventional Commits before the area form they share, and a revert as what it reverts", () => {
    expect(subjectConvention("fix(api): handle an empty body")).toBe("conventional");
    expect(subjectConvention("build: add the meson option")).toBe("conventional");
    expect(subjectConvention('Revert "app: use the nearest city"')).toBe("scope");
    expect(subjectConvention('Revert "Revert "feat: add search""')).toBe("conventional");
    expect(subjectConvention('Revert "Update README.md"')).toBeNull();
    expect(subjectConvention('Revert "🔧 Run ruff with --check (#2077)" (#2091)')).toBe("gitmoji");
  });

  it("takes any type with a scope or a breaking-change mark as Conventional Commits, as the specification allows", () => {
    expect(subjectConvention("feature(auth): sign in with Google")).toBe("conventional");
    expect(subjectConvention("improvement!: drop the v1 payload")).toBe("conventional");
    expect(isConventionalSubject("feature(auth): sign in with Google")).toBe(false);
    expect(subjectConvention("wip(auth): stuff")).toBeNull();
  });

  it("does not count messages without a convention, work in progress or a prefix without words", () => {
    for (const subject of [
      "Update README.md",
      "Merge branch 'main' into feature",
      "fix",
      "asdf",
      "final",
      "changes",
      "WIP: stuff",
      "wip: login page",
      "TODO: tests",
      "Final: submission",
      "fixup! feat: add search",
      "api: 2",
      "🎉",
      "Fix bug: the login fails",
      "Day 3: more routes",
      "see https://example.com/docs",
      "10:30 meeting notes",
      "[api] add the login endpoint",
      "",
    ]) {
      expect(subjectConvention(subject), subject).toBeNull();
    }
  });
});

describe("isTranslationUpdate", () => {
  it("knows the subjects translation platforms write, and not a developer's work on translations", () => {
    for (const subject of [
      "Update Norwegian Bokmål translation",
      "Updated Uzbek (Latin) translation",
      "Added zh_CN translation.",
      "Updated Dutch translation Master 3.26",
      "[l10n] Updated Catalan translation",
      "Translated using Weblate (German)",
      "New translations messages.json (French)",
    ]) {
      expect(isTranslationUpdate(subject), subject).toBe(true);
    }
    for (const subject of [
      "window: Mark a missing string for translation",
      "Fix the icon in the Japanese translation",
      "Add translation keys to the login form: email, password",
      "Update README.md",
    ]) {
      expect(isTranslationUpdate(subject), subject).toBe(false);
    }
  });
});
