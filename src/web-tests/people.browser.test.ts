/**
 * Mentors and recruiters in a real browser against the real server (SQLite): a learner grants a
 * mentor access and the mentor endorses one of their skills and reads the report of their
 * repository; a recruiter searching by that skill finds the learner only once the learner makes
 * the profile public. The three people take turns in one tab, logging in and out, and the tests
 * run in order as one story.
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
import { recordFinishedAnalysis } from "./test-support/record-analysis.js";

const stamp = Date.now();
const password = "a long enough password";
const people = {
  learner: { name: "Lin Learner", email: `learner-${stamp}@example.test`, role: /^Learner/ },
  mentor: { name: "Mo Mentor", email: `mentor-${stamp}@example.test`, role: /^Mentor/ },
  other: { name: "Ode Other", email: `other-${stamp}@example.test`, role: /^Learner/ },
  recruiter: {
    name: "Rae Recruiter",
    email: `recruiter-${stamp}@example.test`,
    role: /^Recruiter/,
  },
} as const;
type Person = (typeof people)[keyof typeof people];

describe("mentors and recruiters in Chromium", { timeout: 120_000 }, () => {
  let server: RunningDevladder;
  let browser: Browser;
  let page: Page;
  // the skill the mentor endorses, and its title as the recruiter's checklist shows it
  let endorsedTitle = "";
  const growthTitle = "Halved the CI build time";
  const repositoryUrl = `https://git.example.test/lin/shop-${stamp}.git`;
  let reportScore = 0;

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

  const signUp = async (person: Person) => {
    await page.goto(`${server.url}/signup`);
    await page.getByLabel("Your name").fill(person.name);
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("radio", { name: person.role }).check();
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("button", { name: "Log out" }).waitFor();
  };
  const logIn = async (person: Person) => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("button", { name: "Log out" }).waitFor();
  };
  const logOut = async () => {
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL("**/login");
  };
  const searchBySkill = async () => {
    await page.getByRole("link", { name: "Candidates" }).click();
    // the roadmap page the recruiter lands on has a Track choice too: wait for this page's own
    await page.getByRole("heading", { name: "Find candidates" }).waitFor();
    await page.getByLabel("Track").selectOption("node");
    const checklist = page.locator("details.stage-checklist");
    await checklist.first().waitFor();
    const count = await checklist.count();
    for (let i = 0; i < count; i += 1) await checklist.nth(i).locator("summary").click();
    await page.getByRole("checkbox", { name: endorsedTitle, exact: true }).check();
    await page.getByRole("button", { name: "Search", exact: true }).click();
  };

  it("lets a mentor endorse a learner's skill once the learner has granted access", async () => {
    await signUp(people.mentor);
    await page.getByRole("link", { name: "Mentees" }).click();
    await page.getByRole("heading", { name: "No mentees yet" }).waitFor();
    await expectAccessible("mentor page, no mentees");
    await logOut();
    await signUp(people.recruiter);
    await logOut();

    await signUp(people.learner);
    await page.waitForURL("**/onboarding");
    await page.getByRole("radio", { name: /TypeScript on Node/ }).check();
    await page.getByRole("button", { name: "Create my plan" }).click();
    await page.waitForURL("**/roadmap");

    await page.getByRole("link", { name: "Settings" }).click();
    const mentors = page.getByRole("region", { name: "Mentors" });
    await mentors.getByText("No mentor has access yet.").waitFor();
    // an unknown email is refused with the API's reason, beside the form
    await mentors.getByLabel("Mentor's email").fill(`nobody-${stamp}@example.test`);
    await mentors.getByRole("button", { name: "Add mentor" }).click();
    await mentors.getByRole("alert").waitFor();
    await mentors.getByLabel("Mentor's email").fill(people.mentor.email);
    await mentors.getByRole("button", { name: "Add mentor" }).click();
    await mentors.getByText(`${people.mentor.name} can now see your progress`).waitFor();
    await mentors.getByText(people.mentor.email, { exact: false }).waitFor();
    await expectAccessible("settings page with a mentor");
    await screenshot(page, "settings-mentors");

    await page.getByRole("link", { name: "Growth" }).click();
    await page.getByRole("heading", { name: "No entries yet" }).waitFor();
    await page.getByRole("radio", { name: /^Impact/ }).check();
    await page.getByLabel("Title").fill(growthTitle);
    await page
      .getByLabel("What you did and what came of it")
      .fill("Cached the dependency install in CI; builds went from 12 to 6 minutes.");
    await page.getByLabel("Links").fill("https://example.test/pull/7");
    await page.getByRole("button", { name: "Add entry" }).click();
    await page.getByRole("status").filter({ hasText: "Entry added" }).waitFor();
    await page.getByRole("heading", { name: growthTitle }).waitFor();
    await expectAccessible("growth page with an entry");
    await screenshot(page, "growth");

    // a skill being learned brings its interview questions into practice
    await page.getByRole("link", { name: "Roadmap" }).click();
    const firstPending = page.locator("button.skill.status-pending").first();
    const skillId = await firstPending.getAttribute("data-skill");
    await firstPending.focus();
    await page.keyboard.press("l");
    await page.locator(`button.skill.status-learning[data-skill="${skillId}"]`).waitFor();
    await page.getByRole("link", { name: "Practice" }).click();
    await page.getByRole("button", { name: "Show the answer" }).click();
    await page.getByRole("heading", { name: "Model answer" }).waitFor();
    await expectAccessible("practice page with an answer shown");
    await screenshot(page, "practice");
    await page.getByRole("button", { name: /^4 · / }).click();
    await page.getByRole("status").filter({ hasText: "comes back tomorrow" }).waitFor();

    await page.getByRole("link", { name: "Readiness" }).click();
    await page.getByText("Level reached").waitFor();
    await expect(page.locator("li.level").count()).resolves.toBeGreaterThan(0);
    await expectAccessible("readiness page");
    await screenshot(page, "readiness");

    await page.getByRole("link", { name: "Certifications" }).click();
    await page.getByRole("heading", { name: "No certifications tracked" }).waitFor();
    // picked from the catalogue by title and issuer; once tracked it leaves the choices
    const choice = page.getByLabel("Certification", { exact: true });
    await choice.selectOption({
      label: "AWS Certified Developer – Associate — Amazon Web Services",
    });
    await page.getByText("Valid for 36 months once earned.", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Add certification" }).click();
    await page.getByRole("heading", { name: /AWS Certified Developer/ }).waitFor();
    await expect(choice.locator("option", { hasText: "AWS Certified" }).count()).resolves.toBe(0);
    await expectAccessible("certifications page");
    await screenshot(page, "certifications");

    // a linked repository with a finished analysis, recorded straight into the database: the
    // tests have no network to clone an https:// URL from
    await page.getByRole("link", { name: "Repositories" }).click();
    await page.getByLabel("Repository URL").fill(repositoryUrl);
    await page.getByRole("button", { name: "Add repository" }).click();
    const linked = page.locator("li.repository-card").filter({ hasText: repositoryUrl });
    const repositoryId = (await linked.getAttribute("data-repository")) ?? "";
    reportScore = (await recordFinishedAnalysis(server.dataDir, repositoryId)).score;
    await logOut();

    await logIn(people.mentor);
    await page.getByRole("link", { name: "Mentees" }).click();
    await page.getByRole("link", { name: new RegExp(people.learner.name) }).click();
    await page.getByRole("heading", { name: people.learner.name }).waitFor();
    await page.getByRole("heading", { name: /^Progress on/ }).waitFor();
    await page.getByText("You have not endorsed a skill").waitFor();
    const skill = page.getByLabel("Skill");
    await skill.selectOption({ index: 1 });
    endorsedTitle = (await skill.locator("option:checked").innerText()).trim();
    await page.getByLabel("What you saw").fill("Built the service's error handling and tested it.");
    await page.getByLabel("Evidence link").fill("not a link");
    await page.getByRole("button", { name: "Endorse skill" }).click();
    // the API names the field, and the form shows the reason beside it
    await page.locator("input[aria-invalid='true']").waitFor();
    await page.getByLabel("Evidence link").fill("https://example.test/pull/42");
    await page.getByRole("button", { name: "Endorse skill" }).click();
    await page.getByRole("status").filter({ hasText: "Endorsement saved" }).waitFor();
    const endorsements = page.locator("ul.endorsements li");
    await expect(endorsements.count()).resolves.toBe(1);
    await expect(endorsements.first().innerText()).resolves.toContain(endorsedTitle);
    await expectAccessible("mentor page with a mentee");
    await screenshot(page, "mentor");

    // it was saved, not only drawn
    await page.reload();
    await page.locator("ul.endorsements li").first().waitFor();
    await expect(page.locator("ul.endorsements li").count()).resolves.toBe(1);

    await page.getByLabel(`Comment on “${growthTitle}”`).fill("Write up how you measured it.");
    await page.getByRole("button", { name: "Add comment" }).click();
    await page.getByText("Write up how you measured it.").waitFor();

    // the mentee's repository with the score of its latest analysis, and the report behind it
    const repository = page
      .getByRole("region", { name: "Repositories" })
      .getByRole("listitem")
      .filter({ hasText: repositoryUrl });
    await expect(repository.getByTestId("mentee-analysis-score").innerText()).resolves.toBe(
      String(reportScore),
    );
    await repository.getByRole("link", { name: /^Read the report/ }).click();
    await page.getByRole("heading", { name: "Analysis report" }).waitFor();
    await expect(page.getByTestId("report-score").innerText()).resolves.toBe(String(reportScore));
    await page.getByRole("heading", { name: "Next steps" }).waitFor();
    await expectAccessible("a mentee's report, opened by the mentor");
    // back to the mentee the report was opened from, not to the mentor's own repositories
    await page.getByRole("link", { name: /^← Back to / }).click();
    await page.waitForURL(/\/mentor\/[^/]+$/);
    await page.getByRole("region", { name: "Repositories" }).waitFor();
    await logOut();
  });

  it("lets a recruiter find the learner only after the learner makes the profile public", async () => {
    await logIn(people.recruiter);
    await searchBySkill();
    await page.getByRole("heading", { name: "No candidates match" }).waitFor();
    await expectAccessible("candidate search, no results");
    await logOut();

    await logIn(people.learner);
    // the mentor's comment reached the learner's growth log
    await page.getByRole("link", { name: "Growth" }).click();
    await page
      .getByRole("list", { name: `Mentor comments on ${growthTitle}` })
      .getByText("Write up how you measured it.")
      .waitFor();
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("radio", { name: /^Public/ }).check();
    await page.getByLabel("Headline").fill("Backend developer in the making");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.waitForURL("**/roadmap");
    await logOut();

    // a second public learner on the same track, without the endorsed skill
    await signUp(people.other);
    await page.waitForURL("**/onboarding");
    await page.getByRole("radio", { name: /TypeScript on Node/ }).check();
    await page.getByRole("radio", { name: /^Public/ }).check();
    await page.getByRole("button", { name: "Create my plan" }).click();
    await page.waitForURL("**/roadmap");
    await logOut();

    await logIn(people.recruiter);
    await searchBySkill();
    const card = page.locator("li.candidate");
    await card.first().waitFor();
    await expect(card.count()).resolves.toBe(1);
    await expect(card.first().innerText()).resolves.toContain(people.learner.name);
    await expect(card.first().innerText()).resolves.toContain(endorsedTitle);
    await expectAccessible("candidate search with a result");
    await screenshot(page, "candidates");

    // neither learner has evidence for a career level yet: filtering by one leaves both out
    await page.getByLabel("Level reached").selectOption({ label: "Backend Developer (Entry)" });
    const byLevel = page.waitForRequest((r) => r.url().includes("level=entry"));
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await byLevel;
    await page.getByRole("heading", { name: "No candidates match" }).waitFor();
    await page.getByLabel("Level reached").selectOption({ label: "Any level" });

    // without the skill filter both public learners match, and two can be compared
    await page.getByRole("checkbox", { name: endorsedTitle, exact: true }).uncheck();
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByRole("heading", { name: "2 candidates" }).waitFor();
    const compare = page.getByRole("checkbox", { name: "Compare" });
    await compare.nth(0).check();
    await compare.nth(1).check();
    const table = page.getByRole("region", { name: "Side by side" }).getByRole("table");
    await expect(table.getByRole("columnheader").allInnerTexts()).resolves.toEqual([
      people.learner.name,
      people.other.name,
    ]);
    await expect(
      table.getByRole("row", { name: new RegExp(endorsedTitle) }).innerText(),
    ).resolves.toContain("endorsement");
    await expectAccessible("candidate comparison");
    await screenshot(page, "candidates-compare");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download shortlist (.csv)" }).click();
    expect((await download).suggestedFilename()).toBe("devladder-candidates.csv");

    await page.getByRole("link", { name: `View ${people.learner.name}'s profile` }).click();
    await page.getByRole("heading", { name: "Readiness" }).waitFor();
    await page.getByText("Backend developer in the making").waitFor();
    await expect(page.locator("ul.endorsements li").count()).resolves.toBe(1);
    await expectAccessible("candidate profile");
    await screenshot(page, "candidate-profile");

    // the new pages keep their contrast in the dark theme too
    await page.getByLabel("Theme").selectOption("dark");
    await expectAccessible("candidate profile, dark");
    await page.getByRole("link", { name: "Candidates" }).click();
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.locator("li.candidate").first().waitFor();
    await expectAccessible("candidate search, dark");
    await screenshot(page, "candidates-dark");
    await page.getByLabel("Theme").selectOption("system");
  });
});
