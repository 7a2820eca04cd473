import { describe, expect, it } from "vitest";
import {
  isBotIdentity,
  MetadataFigures,
  mergedWork,
  weekStart,
  type CommitMeta,
} from "./history-figures.js";

const at = (iso: string) => Date.parse(iso) / 1000;

describe("weekStart", () => {
  it("puts every day of a week, Monday to Sunday, in the week that starts on its Monday", () => {
    expect(weekStart(at("2026-11-23T00:00:00Z"))).toBe("2026-11-23");
    expect(weekStart(at("2026-11-25T12:00:00Z"))).toBe("2026-11-23");
    expect(weekStart(at("2026-11-29T23:59:59Z"))).toBe("2026-11-23");
    expect(weekStart(at("2026-11-30T00:00:00Z"))).toBe("2026-11-30");
  });

  it("handles weeks across a year end and before 1970", () => {
    expect(weekStart(at("2027-01-01T08:00:00Z"))).toBe("2026-12-28");
    expect(weekStart(at("1969-12-31T08:00:00Z"))).toBe("1969-12-29");
  });
});

describe("mergedWork", () => {
  it("reads the branch or pull request a merge subject names", () => {
    expect(mergedWork("Merge pull request #12 from ada/feature/login", true)).toEqual({
      branch: "feature/login",
      pullRequest: 12,
      mergesBack: true,
    });
    expect(mergedWork("Merge branch 'search' into 'main'", true)).toEqual({
      branch: "search",
      pullRequest: null,
      mergesBack: true,
    });
    expect(mergedWork("Merge remote-tracking branch 'upstream/dev'", true)).toEqual({
      branch: "dev",
      pullRequest: null,
      mergesBack: true,
    });
    expect(mergedWork("Merge branch 'feature/cart' of github.com:ada/shop", true)).toEqual({
      branch: "feature/cart",
      pullRequest: null,
      mergesBack: true,
    });
  });

  it("does not take catching up with the same branch, the mainline or a tag as merging back", () => {
    for (const subject of [
      // `git pull` on main when the remote's main had moved on
      "Merge branch 'main' of github.com:ada/shop",
      "Merge branch 'master' of https://github.com/ada/shop",
      "Merge remote-tracking branch 'origin/main'",
      // the mainline merged into a feature branch to bring it up to date
      "Merge branch 'main' into feature/cart",
      "Merge branch 'master' into 'feature/cart'",
      // pulling a feature branch's remote copy while on it
      "Merge branch 'feature/cart' of github.com:ada/shop into feature/cart",
      "Merge tag 'v1.2.0'",
    ]) {
      expect(mergedWork(subject, true).mergesBack, subject).toBe(false);
    }
    // a merge commit whose subject was written by hand still joins two lines of work
    expect(mergedWork("Bring in the payments work", true).mergesBack).toBe(true);
  });

  it("takes a non-merge subject ending in (#n) as a pull request merged as one commit", () => {
    expect(mergedWork("Add the orders endpoint (#41)", false).pullRequest).toBe(41);
    expect(mergedWork("Fix #41 (empty body)", false).pullRequest).toBeNull();
    expect(mergedWork('Revert "Add the orders endpoint (#41)"', false).pullRequest).toBeNull();
    // GitHub's merge wording on a commit with one parent (a rebased merge) names no merge
    expect(mergedWork("Merge pull request #12 from ada/x", false)).toEqual({
      branch: null,
      pullRequest: null,
      mergesBack: false,
    });
  });
});

describe("isBotIdentity", () => {
  it("knows bots by a [bot] login, a known service, or a name ending in the word bot or robot", () => {
    for (const [name, email] of [
      ["dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"],
      ["dependabot-preview[bot]", "27856297+dependabot-preview[bot]@users.noreply.github.com"],
      ["Renovate Bot", "bot@renovateapp.com"],
      ["renovate-bot", "renovate@example.com"],
      ["github-actions", "github-actions@github.com"],
      ["mergify[bot]", "37929162+mergify[bot]@users.noreply.github.com"],
      ["github-classroom[bot]", "66690702+github-classroom[bot]@users.noreply.github.com"],
      // Greenkeeper's old account and a translation platform's account
      ["greenkeeperio-bot", "support@greenkeeper.io"],
      ["Translation Robot", "i18n@example.org"],
      ["ImgBotApp", "ImgBotHelp@gmail.com"],
      ["Copilot", "198982749+Copilot@users.noreply.github.com"],
    ] as const) {
      expect(isBotIdentity(name, email), name).toBe(true);
    }
  });

  it("takes people for people, web-flow commits and names that merely contain bot included", () => {
    for (const [name, email] of [
      ["Ada Learner", "ada@example.com"],
      ["GitHub", "noreply@github.com"],
      ["Dawson Botsford", "dawsonbotsford@example.com"],
      ["Mira Abbot", "mira@example.com"],
      ["Robert Talbot", "talbot@example.com"],
      ["copilot-fan", "1234+copilot-fan@users.noreply.github.com"],
    ] as const) {
      expect(isBotIdentity(name, email), name).toBe(false);
    }
  });
});

describe("MetadataFigures commit conventions", () => {
  const commit = (
    subject: string,
    name = "Ada Learner",
    email = "ada@example.com",
  ): CommitMeta => ({
    sha: subject,
    parents: 1,
    time: at("2026-11-23T10:00:00Z"),
    email,
    name,
    subject,
  });

  it("reads the share of people's subjects that follow a convention, and the commonest one", () => {
    const figures = new MetadataFigures();
    for (const subject of [
      "✨ Add the login endpoint",
      "🐛 Reject expired tokens",
      "auth: keep the session",
      "Update README.md",
      "Update Finnish translation",
    ])
      figures.add(commit(subject));
    figures.add(
      commit(
        "Bump zod from 4.0.0 to 4.1.0",
        "dependabot[bot]",
        "49699333+dependabot[bot]@users.noreply.github.com",
      ),
    );
    figures.add({ ...commit("Merge branch 'auth'"), parents: 2 });

    const summary = figures.summary();

    // the bot's bump, the translation platform's subject and the merge left out: three of four
    expect(summary.commit_convention_share).toBe(0.75);
    expect(summary.commit_convention).toBe("gitmoji");
    // the older figure is kept as it was: no Conventional Commit among the six non-merges
    expect(summary.conventional_commit_share).toBe(0);
  });

  it("names no convention when no subject follows one", () => {
    const figures = new MetadataFigures();
    figures.add(commit("final"));
    expect(figures.summary()).toMatchObject({
      commit_convention_share: 0,
      commit_convention: null,
    });
  });
});
