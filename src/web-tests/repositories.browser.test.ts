/**
 * The repositories page in a real browser against the real server (SQLite): a learner links a
 * repository and watches a failed analysis report its error; an admin links a fixture repository
 * written by the test (learners may link https:// URLs only, and a clone over https needs a real
 * host), watches the analysis finish and reads the checks, signals, endpoints and charts.
 * The tests run in order as one visit. Needs `npm run build` and /usr/bin/chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { files as expressApi } from "../analyzer/test-support/fixtures/node-express-api.js";
import { makeRepo, type TempRepo } from "../analyzer/test-support/make-repo.js";
import { runCli } from "../cli/test-support/run-cli.js";
import {
  assertBrowserTestsCanRun,
  launchBrowser,
  screenshot,
  seriousViolations,
  startDevladder,
  type Browser,
  type RunningDevladder,
} from "./test-support/browser-harness.js";

describe("the repositories page in Chromium", { timeout: 120_000 }, () => {
  let server: RunningDevladder;
  let browser: Browser;
  let page: Page;
  let repo: TempRepo;
  const password = "a long enough password";
  const learnerEmail = `learner-${Date.now()}@example.test`;
  const adminEmail = `admin-${Date.now()}@example.test`;

  beforeAll(async () => {
    assertBrowserTestsCanRun();
    // one attempt, so an analysis that cannot clone fails at once instead of waiting to retry
    server = await startDevladder({ JOB_ATTEMPTS: "1" });
    const created = runCli(["admin", "create", "--email", adminEmail, "--password-stdin"], {
      env: { DATA_DIR: server.dataDir, LOG_LEVEL: "warn" },
      input: `${password}\n`,
    });
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    // a history over several weeks, so the activity heatmap has more than one cell
    repo = makeRepo([
      { files: expressApi, message: "feat: articles API", date: "2026-01-05T10:00:00Z" },
      {
        files: { "README.md": "# Blog API\n\nRun `npm install` then `npm start`.\n" },
        message: "docs: how to run it",
        date: "2026-01-14T10:00:00Z",
      },
      {
        files: { "src/version.js": "export const version = '1.0.1';\n" },
        message: "chore: version",
        date: "2026-02-03T10:00:00Z",
      },
    ]);
    browser = await launchBrowser();
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
  const logIn = async (email: string) => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL((url) => !url.pathname.endsWith("/login"));
  };

  it("lets a learner link an https URL only, and shows a failed analysis with its error", async () => {
    await page.goto(`${server.url}/signup`);
    await page.getByLabel("Your name").fill("Ada Learner");
    await page.getByLabel("Email").fill(learnerEmail);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/onboarding");

    await page.getByRole("link", { name: "Repositories" }).click();
    await page.getByRole("heading", { name: "No repositories yet" }).waitFor();
    await expectAccessible("repositories page, empty");
    await screenshot(page, "repositories-empty");

    // the server's problem+json reaches the field: a path on the server is refused
    const field = page.getByLabel("Repository URL");
    await field.fill(repo.dir);
    await page.getByRole("button", { name: "Add repository" }).click();
    await page.getByText("is a path, not a URL").waitFor();
    await expect(field.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(
      page.getByRole("alert").filter({ hasText: "only an admin may link a path" }).count(),
    ).resolves.toBe(1);
    await expectAccessible("repositories page with a refused URL");

    // an https URL is linked; nothing listens there, so its analysis fails and says why
    const unreachable = "https://127.0.0.1:9/ada/blog.git";
    await field.fill(unreachable);
    await page.getByRole("button", { name: "Add repository" }).click();
    const card = page.locator("li.repository-card").filter({ hasText: unreachable });
    await card.waitFor();
    await expect(field.inputValue()).resolves.toBe("");
    await card.getByRole("button", { name: "Analyse" }).click();
    await card.getByTestId("analysis-error").waitFor({ timeout: 60_000 });
    expect((await card.getByTestId("analysis-error").innerText()).length).toBeGreaterThan(0);
    await expect(card.getByRole("button", { name: "Analyse again" }).isEnabled()).resolves.toBe(
      true,
    );
    await expectAccessible("repositories page with a failed analysis");
    await screenshot(page, "repositories-failed");

    // the list is stored, not only drawn: it shows the failed analysis again after a reload
    await page.reload();
    await card.getByTestId("analysis-error").waitFor();
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL("**/login");
  });

  it("links a fixture repository as an admin, watches the analysis finish and reads the checks", async () => {
    await logIn(adminEmail);
    await page.getByRole("link", { name: "Repositories" }).click();
    await page.getByRole("heading", { name: "No repositories yet" }).waitFor();
    await page.getByLabel("Repository URL").fill(repo.dir);
    await page.getByRole("button", { name: "Add repository" }).click();
    const card = page.locator("li.repository-card").filter({ hasText: repo.dir });
    await card.getByText("Not analysed yet.").waitFor();
    await card.getByRole("button", { name: "Analyse" }).click();

    // the page follows the analysis by itself: no reload until it is done
    const progress = card.getByTestId("analysis-progress");
    await progress.waitFor();
    await card.getByRole("button", { name: "Analyse again" }).waitFor({ state: "attached" });
    await card.getByTestId("analysis-score").waitFor({ timeout: 60_000 });
    const score = Number(await card.getByTestId("analysis-score").innerText());
    expect(score).toBeGreaterThan(0);
    await page.getByRole("heading", { name: "Verified skills" }).waitFor();
    // the finished analysis proves skills (the fixture has a REST API with tests), and the list
    // is read again when it finishes
    await page.getByTestId("verified-skills").waitFor();
    expect(await page.getByTestId("verified-skills").locator("li").count()).toBeGreaterThan(0);
    await expectAccessible("repositories page with a finished analysis");
    await screenshot(page, "repositories");

    await card.getByRole("link", { name: "Read the report" }).click();
    await page.waitForURL("**/analyses/**");
    await page.getByTestId("report-score").waitFor();
    expect(Number(await page.getByTestId("report-score").innerText())).toBe(score);

    // checks with their verdicts, reasons and file:line evidence
    await page.getByRole("heading", { name: /Skill-gap checks/ }).waitFor();
    await page.getByRole("heading", { name: /Recruiter checklist/ }).waitFor();
    const checks = page.locator("li.check-item");
    expect(await checks.count()).toBeGreaterThan(3);
    const verdicts = await page.locator("li.check-item .check-head .badge").allInnerTexts();
    expect(new Set(verdicts).size).toBeGreaterThan(1);
    for (const verdict of verdicts) expect(["Pass", "Partial", "Fail"]).toContain(verdict);
    const evidence = await page.locator("li.check-item .evidence-list code").allInnerTexts();
    expect(evidence.some((e) => /^src\/.+:\d+$/.test(e))).toBe(true);

    // the endpoints table, signals by area, and both charts
    const endpoints = page.locator("table.endpoints tbody tr");
    await expect(endpoints.count()).resolves.toBe(9);
    await page
      .locator("table.endpoints")
      .getByText("/api/articles/:slug/favorite", { exact: true })
      .waitFor();
    await page.getByRole("heading", { name: /^Testing/ }).waitFor();
    await page.locator(".radar-chart canvas").first().waitFor();
    await page.locator(".activity-chart canvas").first().waitFor();
    await expect(page.getByRole("img", { name: /Commits per week/ }).count()).resolves.toBe(1);
    await page.getByRole("heading", { name: "Next steps" }).waitFor();
    await expectAccessible("analysis report");
    await screenshot(page, "analysis-report");

    const markdown = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download Markdown report" }).click();
    expect((await markdown).suggestedFilename()).toMatch(/^devladder-report-.+\.md$/);
    const badge = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download Score badge (SVG)" }).click();
    expect((await badge).suggestedFilename()).toMatch(/^devladder-badge-.+\.svg$/);
  });

  it("shows the report in the dark theme and on a phone without sideways scrolling", async () => {
    await page.getByLabel("Theme").selectOption("dark");
    await page.locator(".radar-chart canvas").first().waitFor();
    await expectAccessible("analysis report, dark");
    await screenshot(page, "analysis-report-dark");
    await page.getByLabel("Theme").selectOption("light");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId("report-score").waitFor();
    const overflow = await page.evaluate<number>(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible("analysis report on a phone");
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
