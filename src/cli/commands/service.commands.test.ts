import { Command } from "commander";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pc from "picocolors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../api/server.js";
import { createServices } from "../../composition.js";
import { loadConfig } from "../../config.js";
import { DevladderError } from "../../errors.js";
import {
  TEST_DIALECTS,
  createTestDatabase,
  type TestDatabase,
} from "../../store/test-support/test-databases.js";
import type { CliIO } from "../cli-io.js";
import { registerAdminCommand } from "./admin.command.js";
import { registerMigrateCommand } from "./migrate.command.js";
import { registerServeCommand } from "./serve.command.js";

function captureIO() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    colors: pc.createColors(false),
    interactive: false,
  };
  return { io, out, err };
}

const program = () => new Command("devladder").exitOverride();

describe.each(TEST_DIALECTS)("service commands on %s", (dialect) => {
  let database: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const dataDir = mkdtempSync(join(tmpdir(), "devladder-cli-"));
    env = {
      DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      ...(database.config.kind === "postgres"
        ? { DATABASE_URL: database.config.url }
        : { DATABASE_URL: `sqlite:${database.config.file}` }),
    };
  });
  afterAll(async () => {
    await database.drop();
  });

  it("migrates a fresh database once and then reports it up to date", async () => {
    const first = captureIO();
    await program().addCommand(migrate(first.io)).parseAsync(["migrate"], { from: "user" });
    expect(first.out.join("\n")).toMatch(/applied \d+ migrations? to the \w+ database/);
    const second = captureIO();
    await program().addCommand(migrate(second.io)).parseAsync(["migrate"], { from: "user" });
    expect(second.out.join("\n")).toContain(`the ${dialect} database is up to date`);
  });

  function migrate(io: CliIO): Command {
    const holder = program();
    registerMigrateCommand(holder, io, env);
    return holder.commands[0] as Command;
  }

  it("creates an admin with a password from stdin, and refuses the same email twice", async () => {
    const email = `root-${dialect}@example.test`;
    const run = async () => {
      const { io, out } = captureIO();
      const cli = program();
      registerAdminCommand(cli, io, {
        env,
        readStdin: () => Promise.resolve("a strong admin password\n"),
      });
      await cli.parseAsync(["admin", "create", "--email", email, "--password-stdin"], {
        from: "user",
      });
      return out.join("\n");
    };
    expect(await run()).toContain(`created admin ${email}`);
    await expect(run()).rejects.toThrow(DevladderError);
  });

  it("generates and prints a password when none is piped in, and it logs in", async () => {
    const email = `generated-${dialect}@example.test`;
    const { io, out } = captureIO();
    const cli = program();
    registerAdminCommand(cli, io, { env });
    await cli.parseAsync(["admin", "create", "--email", email], { from: "user" });
    const password = /password \(shown once, store it now\): (\S+)/.exec(out.join("\n"))?.[1];
    expect(password).toBeDefined();
    const services = createServices(loadConfig(env));
    try {
      const session = await services.auth.login(email, password ?? "");
      expect(session.user.role).toBe("admin");
    } finally {
      await services.close();
    }
  });

  it("serves the API on a real port until it is closed", async () => {
    const { io, out } = captureIO();
    const cli = program();
    let server: RunningServer | undefined;
    const started = new Promise<void>((resolve) => {
      registerServeCommand(cli, io, {
        env: { ...env, PORT: "0", HOST: "127.0.0.1" },
        handleSignals: false,
        started: (s) => {
          server = s;
          resolve();
        },
      });
    });
    const running = cli.parseAsync(["serve"], { from: "user" });
    await started;
    if (!server) throw new Error("the server did not start");
    expect(out.join("\n")).toContain(`devladder is running at ${server.url}`);
    const health = await fetch(`${server.url}/readyz`);
    expect(await health.json()).toEqual({ status: "ready", database: dialect });
    await server.close();
    await running;
  });
});
