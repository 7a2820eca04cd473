/**
 * `devladder admin create --email …`: the first admin account, made from the command line (the
 * API never lets anyone register as admin). The password is read from stdin with
 * --password-stdin, or generated and printed once.
 */
import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { DevladderError, invalidInput } from "../../errors.js";
import type { CliIO } from "../cli-io.js";
import { loadServices } from "../load-services.js";

type Env = Readonly<Record<string, string | undefined>>;

export interface AdminCommandDeps {
  readonly env?: Env;
  /** the whole of standard input, for --password-stdin */
  readonly readStdin?: () => Promise<string>;
}

const MIN_PASSWORD = 10;

export function registerAdminCommand(
  program: Command,
  io: CliIO,
  deps: AdminCommandDeps = {},
): void {
  const admin = program.command("admin").description("manage the service's administrators");
  admin
    .command("create")
    .description("create an admin account")
    .requiredOption("--email <email>", "the admin's email address")
    .option("--name <name>", "display name", "Administrator")
    .option("--password-stdin", "read the password from standard input instead of generating one")
    .action(async (flags: { email: string; name: string; passwordStdin?: boolean }) => {
      const email = flags.email.trim();
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
        throw invalidInput("--email is not an email address", [
          {
            where: "--email",
            problem: `'${email}' is not an email address`,
            accepted: "name@example.com",
          },
        ]);
      }
      const generated = !flags.passwordStdin;
      const password = generated
        ? randomBytes(18).toString("base64url")
        : (await (deps.readStdin ?? readProcessStdin)()).replace(/\r?\n$/, "");
      if (password.length < MIN_PASSWORD) {
        throw invalidInput("the password is too short", [
          {
            where: "stdin",
            problem: `${password.length} characters`,
            accepted: `at least ${MIN_PASSWORD} characters`,
          },
        ]);
      }
      const services = await loadServices(deps.env ?? process.env);
      try {
        await services.migrate();
        const user = await services.auth.register({
          email,
          password,
          displayName: flags.name,
          role: "admin",
        });
        if (!user) {
          // the operator is trusted with this fact; the API never says it
          throw new DevladderError("conflict", `an account with the email ${email} already exists`);
        }
        io.out(`created admin ${user.email} (id ${user.id})`);
        if (generated) io.out(`password (shown once, store it now): ${password}`);
      } finally {
        await services.close();
      }
    });
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString("utf8");
}
