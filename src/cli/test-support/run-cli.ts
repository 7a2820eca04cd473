/**
 * Runs the built CLI (`dist/cli/main.js`) as a real process, the way users run it, and returns
 * its exit code and output. Build first: `npm run build` (the `npm test` script does).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The built entry point of the package's `devladder` bin. */
export const BUILT_CLI = fileURLToPath(new URL("../../../dist/cli/main.js", import.meta.url));

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunCliOptions {
  /** extra environment variables; NO_COLOR=1 is set unless overridden */
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /** text written to the process's stdin */
  readonly input?: string;
  readonly timeoutMs?: number;
}

/** Throws with a clear message when the CLI has not been built, instead of failing every test. */
export function assertCliBuilt(): void {
  if (!existsSync(BUILT_CLI)) {
    throw new Error(`${BUILT_CLI} does not exist: build the CLI first with \`npm run build\``);
  }
}

export function runCli(args: readonly string[], options: RunCliOptions = {}): CliResult {
  const result = spawnSync(process.execPath, [BUILT_CLI, ...args], {
    cwd: options.cwd,
    input: options.input,
    encoding: "utf8",
    timeout: options.timeoutMs ?? 20_000,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...options.env },
  });
  if (result.error) throw result.error;
  if (result.status === null) {
    throw new Error(`devladder ${args.join(" ")} was killed by ${String(result.signal)}`);
  }
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
