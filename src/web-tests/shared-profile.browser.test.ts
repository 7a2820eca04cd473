/**
 * The share link in a real browser against the real server (SQLite): a learner makes the profile
 * visible through a link, has a fixture repository analysed and copies the link from the settings
 * page; an anonymous visitor opens it and sees the profile, the verified skills, the score badge
 * and readiness per career level; once the learner sets the profile back to private the same link
 * shows the designed "not found" state. The tests run in order as one story. The learner is an admin (made with the CLI)
 * because only admins may link a repository by its server path, and the tests have no network.
 * Needs `npm run build` (server and web app) and /usr/bin/chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { files as expressApi } from "../analyzer/test-support/fixtures/node-express-api.js";
import { makeRepo, type TempRepo } from "../analyzer/test-support/make-repo.js";
import { runCli } from "../cli/test-support/run-cli.js";
import {
  assertBrowserTestsCanRun,
  launchBrowser,
  SCREENSHOTS,
  screenshot,
  seriousViolations,
  startDevladder,
  type Browser,
  type RunningDevladder,
} from "./test-support/browser-harness.js";

const stamp = Date.now();
const learner = { email: `sharer-${stamp}@example.test`, password: "a long enough password" };
const headline = "Building typed HTTP services, looking for a first backend role";

describe("the share link in Chromium", { timeout: 120_000 }, () => {
  let server: RunningDevladder;
  let browser: Browser;
  let page: Page;
  let shareUrl = "";
  let repo: TempRepo | undefined;

  beforeAll(async () => {
    assertBrowserTestsCanRun();
    server = await startDevladder();
    const created = runCli(["admin", "create", "--email", learner.email, "--password-stdin"], {
      env: { DATA_DIR: server.dataDir, LOG_LEVEL: "warn" },
      input: `${learner.password}\n`,
    });
    expect(created.code, created.stderr).toBe(0);
    repo = makeRepo(expressApi);
    browser = await launchBrowser();
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: server.url,
    });
    page = await browser.context.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    repo?.cleanup();
  });

  const expectAccessible = async (what: string) => {
    expect(await seriousViolations(page), what).toEqual([]);
  };
  const logIn = async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Email").fill(learner.email);
    await page.getByLabel("Password").fill(learner.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("button", { name: "Log out" }).waitFor();
  };
  // an admin's menu has no Settings entry, but the page is theirs too
  const openSettings = () => page.goto(`${server.url}/onboarding`);
  const logOut = async () => {
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL("**/login");
  };

  it("shows the learner a share link to copy once the profile is visible through a link", async () => {
    await logIn();
    await page.goto(`${server.url}/onboarding`);
    await page.getByRole("radio", { name: /TypeScript on Node/ }).check();
    await page.getByRole("button", { name: "Create my plan" }).click();
    await page.waitForURL("**/roadmap");

    await page.getByRole("link", { name: "Repositories" }).click();
    await page.getByLabel("Repository URL").fill(repo?.dir ?? "");
    await page.getByRole("button", { name: "Add repository" }).click();
    const card = page.locator("li.repository-card").filter({ hasText: repo?.dir ?? "" });
    await card.getByRole("button", { name: "Analyse" }).click();
    await card.getByTestId("analysis-score").waitFor({ timeout: 60_000 });

    // a private profile has no link to hand out; and an admin has no mentors to let in
    await openSettings();
    await page.getByRole("button", { name: "Save settings" }).waitFor();
    expect(await page.getByRole("region", { name: "Share link" }).count()).toBe(0);
    expect(await page.getByRole("region", { name: "Mentors" }).count()).toBe(0);

    await page.getByRole("radio", { name: /^Link/ }).check();
    await page.getByLabel("Headline").fill(headline);
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.waitForURL("**/roadmap");
    await openSettings();
    const share = page.getByRole("region", { name: "Share link" });
    const field = share.getByLabel("Your share link");
    await field.waitFor();
    shareUrl = await field.inputValue();
    expect(shareUrl).toMatch(new RegExp(`^${server.url}/p/[^/]+$`));

    await share.getByRole("button", { name: "Copy link" }).click();
    await share.getByText("The share link is copied.").waitFor();
    expect(await page.evaluate<string>("navigator.clipboard.readText()")).toBe(shareUrl);
    await expectAccessible("settings page with a share link");
    // the section alone: the rest of an admin's settings page is not what this story shows
    mkdirSync(SCREENSHOTS, { recursive: true });
    await share.screenshot({ path: join(SCREENSHOTS, "settings-share-link.png") });
  });

  it("shows the profile, verified skills, badge and readiness to an anonymous visitor who opens the link", async () => {
    await logOut();
    await page.goto(shareUrl);
    await page.getByRole("heading", { name: "Shared learner profile" }).waitFor();
    await page.getByText(headline).waitFor();
    await page.getByText("TypeScript on Node", { exact: false }).first().waitFor();
    // the fixture's REST API proves skills, each shown with where in the repository
    const verified = page.getByRole("region", { name: "Verified skills" });
    await verified.locator("li code").first().waitFor();
    expect(await verified.locator("ul.verified-skills > li").count()).toBeGreaterThan(0);
    const badge = page.getByRole("img", { name: /devladder score badge/ });
    await badge.waitFor();
    // the badge is served to anonymous link holders, so the image really loads
    // (a string, as this file is compiled without the DOM types)
    const width = await page.evaluate<number>(
      `document.querySelector('img[alt^="devladder score badge"]').naturalWidth`,
    );
    expect(width).toBeGreaterThan(0);
    await page.getByText("No mentor has endorsed a skill yet.").waitFor();
    // readiness per career level: one analysed repository reaches none yet; the first level names
    // it as evidence of a verified skill and says what it still misses
    const readiness = page.getByRole("region", { name: "Readiness" });
    await readiness.getByText("Level reached: none yet").waitFor();
    expect(await readiness.locator("li.level").count()).toBe(4);
    const entry = readiness.locator("li.level").first();
    await entry.getByText("Backend Developer (Entry)").waitFor();
    expect(await entry.locator("ul.missing li").count()).toBeGreaterThan(0);
    await expect(entry.innerText()).resolves.toContain(`(analysis)`);
    await expect(entry.innerText()).resolves.toContain(repo?.dir ?? "no repository");
    await expectAccessible("shared profile page");
    await screenshot(page, "shared-profile");
  });

  it("shows a designed not-found state once the learner makes the profile private again", async () => {
    await logIn();
    await openSettings();
    await page.getByRole("radio", { name: /^Private/ }).check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.waitForURL("**/roadmap");
    await logOut();

    await page.goto(shareUrl);
    await page
      .getByRole("heading", { name: "This share link does not lead to a profile" })
      .waitFor();
    expect(await page.getByText(headline).count()).toBe(0);
    await expectAccessible("shared profile page, link closed");
    await screenshot(page, "shared-profile-closed");
  });
});
