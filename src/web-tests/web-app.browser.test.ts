/**
 * The web app in a real browser against the real server (SQLite): sign up, onboarding, progress
 * with the keyboard, the plan moving, the theme, and an accessibility scan of every page.
 * The tests run in order as one visit: the later ones use the learner the first one signs up.
 * Needs `npm run build` (server and web app) and /usr/bin/chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import {
  assertBrowserTestsCanRun,
  launchBrowser,
  screenshot,
  seriousViolations,
  startDevladder,
  type Browser,
  type RunningDevladder,
} from "./test-support/browser-harness.js";

const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe("the devladder web app in Chromium", { timeout: 120_000 }, () => {
  let server: RunningDevladder;
  let browser: Browser;
  let page: Page;
  const email = `learner-${Date.now()}@example.test`;
  const password = "a long enough password";

  beforeAll(async () => {
    assertBrowserTestsCanRun();
    server = await startDevladder();
    browser = await launchBrowser();
    page = await browser.context.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const expectAccessible = async (what: string) => {
    expect(await seriousViolations(page), what).toEqual([]);
  };
  const completedHours = async () =>
    Number((await page.getByTestId("completed-hours").innerText()).replace(/\D+$/, ""));

  it("takes a new learner from sign-up through onboarding to a roadmap marked with the keyboard and a plan that moves", async () => {
    await page.goto(server.url);
    await page.waitForURL("**/login");
    await expect(page.getByRole("heading", { name: "Log in" }).isVisible()).resolves.toBe(true);
    await expectAccessible("login page");
    await screenshot(page, "login");

    await page.getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL("**/signup");
    // the API's problem+json reaches the form: a short password is refused with the reason
    await page.getByLabel("Your name").fill("Ada Learner");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("at least 10 characters").first().isVisible()).resolves.toBe(true);
    await expectAccessible("sign-up page with an error");
    await screenshot(page, "signup-error");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();

    await page.waitForURL("**/onboarding");
    await page.getByRole("radio", { name: /TypeScript on Node/ }).check();
    await page.getByLabel("Hours per week").fill("8");
    await page.getByLabel("Start date").fill(daysAgo(21));
    const firstStage = page.locator("details.stage-checklist").first();
    await firstStage.locator("summary").click();
    await firstStage.getByRole("checkbox").first().check();
    await expectAccessible("onboarding page");
    await screenshot(page, "onboarding");
    await page.getByRole("button", { name: "Create my plan" }).click();

    await page.waitForURL("**/roadmap");
    await page
      .getByRole("heading", { name: /roadmap/ })
      .first()
      .waitFor();
    // the skill ticked as known at onboarding is done
    await expect(page.locator("button.skill.status-done").count()).resolves.toBe(1);

    await page.getByRole("link", { name: "Plan" }).click();
    await page.getByTestId("completed-hours").waitFor();
    const hoursBefore = await completedHours();
    const standingBefore = await page.getByTestId("standing").innerText();

    await page.getByRole("link", { name: "Roadmap" }).click();
    const pending = page.locator("button.skill.status-pending");
    const firstPending = pending.first();
    const skillId = await firstPending.getAttribute("data-skill");
    const target = page.locator(`button.skill[data-skill="${skillId}"]`);
    await target.focus();
    await page.keyboard.press("l");
    await expect(target.getAttribute("class")).resolves.toContain("status-learning");
    await page.keyboard.press("d");
    await page.locator(`button.skill.status-done[data-skill="${skillId}"]`).waitFor();
    // arrow down moves to the next skill, where s skips it and r resets it
    await page.keyboard.press("ArrowDown");
    const next = page.locator("button.skill:focus");
    await page.keyboard.press("s");
    await expect(next.getAttribute("class")).resolves.toContain("status-skipped");
    await page.keyboard.press("r");
    await page.locator("button.skill:focus.status-pending").waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: "Not started" })
      .waitFor({ state: "attached" });

    // the change was saved, not only drawn: it survives a reload
    await page.reload();
    await page.locator(`button.skill.status-done[data-skill="${skillId}"]`).waitFor();
    await expect(page.locator("button.skill.status-done").count()).resolves.toBe(2);

    await page.locator(`button.skill[data-skill="${skillId}"]`).click();
    const panel = page.locator("aside.skill-panel");
    await panel.getByRole("heading", { level: 3, name: "Interview questions" }).waitFor();
    await panel.getByLabel("Private note").fill("Revisit the async error handling part.");
    await panel.getByRole("button", { name: "Save note" }).click();
    await panel.getByText("Note saved").waitFor();
    await expectAccessible("roadmap page with the skill panel");
    await screenshot(page, "roadmap");
    await page.keyboard.press("Escape");
    await expect(panel.count()).resolves.toBe(0);

    await page.getByRole("link", { name: "Plan" }).click();
    await page.getByTestId("completed-hours").waitFor();
    await page.locator(".plan-chart canvas").waitFor();
    expect(await completedHours()).toBeGreaterThan(hoursBefore);
    expect(await page.getByTestId("standing").innerText()).not.toBe(standingBefore);
    await expect(page.locator(".today-marker").count()).resolves.toBeGreaterThan(0);
    await expectAccessible("plan page");
    await screenshot(page, "plan");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download calendar (.ics)" }).click();
    expect((await download).suggestedFilename()).toBe("devladder-plan.ics");
  });

  it("switches to the dark theme, keeps it across a reload, and follows the system when asked", async () => {
    await page.goto(`${server.url}/roadmap`);
    await page
      .getByRole("heading", { name: /roadmap/ })
      .first()
      .waitFor();
    const background = () =>
      page.evaluate<string>("getComputedStyle(document.documentElement).backgroundColor");
    const theme = () => page.evaluate<string>("document.documentElement.dataset.theme");
    await page.getByLabel("Theme").selectOption("light");
    const light = await background();
    await page.getByLabel("Theme").selectOption("dark");
    expect(await theme()).toBe("dark");
    expect(await background()).not.toBe(light);
    await page.reload();
    await page
      .getByRole("heading", { name: /roadmap/ })
      .first()
      .waitFor();
    expect(await theme()).toBe("dark");
    await expectAccessible("roadmap page, dark");
    await screenshot(page, "roadmap-dark");

    await page.goto(`${server.url}/plan`);
    await page.locator(".plan-chart canvas").waitFor();
    await expectAccessible("plan page, dark");
    await screenshot(page, "plan-dark");

    await page.getByLabel("Theme").selectOption("system");
    await page.emulateMedia({ colorScheme: "light" });
    await expect.poll(theme).toBe("light");
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(theme).toBe("dark");
    await page.emulateMedia({ colorScheme: "light" });
  });

  it("fits a phone screen and opens the skill panel as a sheet", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/roadmap`);
    await page.locator("button.skill").first().waitFor();
    const overflow = await page.evaluate<number>(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator("button.skill").nth(1).click();
    await page.locator("aside.skill-panel").waitFor();
    await expectAccessible("roadmap page on a phone");
    await screenshot(page, "roadmap-phone", true);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("shows a designed page for an unknown address and keeps the API's 404 for API paths", async () => {
    await page.goto(`${server.url}/no/such/page`);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await expectAccessible("not-found page");
    const api = await page.request.get(`${server.url}/api/v1/no-such-endpoint`);
    expect(api.status()).toBe(404);
    expect(api.headers()["content-type"]).toContain("application/problem+json");
  });

  it("sends a signed-out visitor to the login page, and logs out", async () => {
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL("**/login");
    await page.goto(`${server.url}/plan`);
    await page.waitForURL("**/login");
  });
});
