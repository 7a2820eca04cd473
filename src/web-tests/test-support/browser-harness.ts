/**
 * What the browser tests need: the built server running as a real process on SQLite, Debian's
 * Chromium driven by playwright-core, an axe-core scan, and screenshots under
 * artifacts/screenshots/. Build first (`npm run build`), as for the CLI tests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { BUILT_CLI, assertCliBuilt } from "../../cli/test-support/run-cli.js";

export const CHROMIUM = "/usr/bin/chromium";
const BUILT_WEB = fileURLToPath(new URL("../../../dist/web/index.html", import.meta.url));
export const SCREENSHOTS = fileURLToPath(
  new URL("../../../artifacts/screenshots/", import.meta.url),
);

/** Fails with the fix in the message when the build or the browser is missing. */
export function assertBrowserTestsCanRun(): void {
  assertCliBuilt();
  if (!existsSync(BUILT_WEB)) {
    throw new Error(`${BUILT_WEB} does not exist: build the web app with \`npm run build\``);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the browser tests drive Debian's Chromium (apt-get install -y chromium)`,
    );
  }
}

export interface RunningDevladder {
  readonly url: string;
  /** its DATA_DIR, where the built CLI finds the same SQLite database (e.g. `admin create`) */
  readonly dataDir: string;
  stop(): Promise<void>;
}

/**
 * `devladder serve` on a free port with a fresh data directory (SQLite); `env` adds settings,
 * e.g. JOB_ATTEMPTS.
 */
export async function startDevladder(
  env: Readonly<Record<string, string>> = {},
): Promise<RunningDevladder> {
  const dataDir = mkdtempSync(join(tmpdir(), "devladder-browser-"));
  const child = spawn(process.execPath, [BUILT_CLI, "serve"], {
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      NO_COLOR: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = "";
    const timer = setTimeout(
      () => reject(new Error(`devladder serve did not start within 20 s:\n${stderr}`)),
      20_000,
    );
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`devladder serve exited with ${String(code)}:\n${stderr}`));
    });
  });
  return {
    url,
    dataDir,
    async stop() {
      await stopProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile, as the issue prescribes. */
export async function launchBrowser(): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), "devladder-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The whole page, or with `viewport` only what is on screen (to show fixed elements in place). */
export async function screenshot(page: Page, name: string, viewport = false): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: !viewport });
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { target: readonly string[] }[];
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/** The serious and critical accessibility violations axe-core finds on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // evaluated through the DevTools protocol, so the app's Content-Security-Policy does not apply
  await page.evaluate(axeSource);
  const violations = await page.evaluate<AxeViolation[]>(
    "axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations)",
  );
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
}
