#!/usr/bin/env node
/**
 * The devladder command line. Commands are thin adapters over content/, domain/ and analyzer/;
 * this file builds the program and maps errors to messages and exit codes, once.
 */
import { Command, CommanderError } from "commander";
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isDevladderError, type DevladderError } from "../errors.js";
import { processIO, type CliIO } from "./cli-io.js";
import { registerAdminCommand } from "./commands/admin.command.js";
import { registerAnalyzeCommand } from "./commands/analyze.command.js";
import { registerContentCommands } from "./commands/content.commands.js";
import { registerMigrateCommand } from "./commands/migrate.command.js";
import { registerPlanCommand } from "./commands/plan.command.js";
import { registerServeCommand } from "./commands/serve.command.js";
import { registerWorkerCommand } from "./commands/worker.command.js";
import { tuneV8ForScans } from "./v8-tuning.js";
import { toolVersion } from "./version.js";

export function buildProgram(io: CliIO): Command {
  const program = new Command("devladder")
    .description(
      "The backend-developer roadmap as working software: explore the roadmap, plan your learning,\n" +
        "and check what your repositories prove.",
    )
    .version(toolVersion(), "-v, --version")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  registerContentCommands(program, io);
  registerPlanCommand(program, io);
  registerAnalyzeCommand(program, io);
  registerServeCommand(program, io);
  registerWorkerCommand(program, io);
  registerMigrateCommand(program, io);
  registerAdminCommand(program, io);
  program.addHelpText(
    "after",
    `
Examples:
  $ devladder roadmap --track python
  $ devladder plan --track java --hours 10 --start 2026-12-01
  $ devladder skill rest-api-design
  $ devladder analyze . --fail-under 60`,
  );
  return program;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 failure, 2 bad input, 3 below --fail-under. */
export async function run(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

function exitCodeFor(error: unknown, io: CliIO): number {
  if (error instanceof CommanderError) {
    // help and version exit through here with code 0; commander has already printed its message.
    if (error.exitCode === 0) return 0;
    return 2;
  }
  if (isDevladderError(error)) {
    io.err(formatError(error, io));
    return error.exitCode;
  }
  io.err(
    `${io.colors.red("error:")} unexpected failure: ${error instanceof Error ? error.message : String(error)}`,
  );
  return 1;
}

export function formatError(error: DevladderError, io: CliIO): string {
  const lines = [`${io.colors.red("error:")} ${error.message}`];
  for (const detail of error.details) {
    lines.push(`  - ${detail.where}: ${detail.problem}`);
    if (detail.accepted) lines.push(`    accepted: ${detail.accepted}`);
  }
  return lines.join("\n");
}

function isEntrypoint(): boolean {
  const invoked = process.argv[1];
  if (!invoked) return false;
  try {
    return realpathSync(invoked) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntrypoint()) {
  tuneV8ForScans();
  // A reader that stops early (`devladder roadmap | head`) closes the pipe. Like other Unix
  // tools, drop the rest of the output instead of crashing; the exit code still tells the outcome.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
  });
  process.exitCode = await run(process.argv.slice(2));
}
