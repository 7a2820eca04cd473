/** `devladder migrate`: bring the configured database up to the latest schema, then exit. */
import type { Command } from "commander";
import type { CliIO } from "../cli-io.js";
import { loadServices } from "../load-services.js";

type Env = Readonly<Record<string, string | undefined>>;

export function registerMigrateCommand(program: Command, io: CliIO, env: Env = process.env): void {
  program
    .command("migrate")
    .description("apply pending database migrations (serve also does this on start)")
    .action(async () => {
      const services = await loadServices(env);
      try {
        const { applied } = await services.migrate();
        io.out(
          applied.length === 0
            ? `the ${services.store.dialect.name} database is up to date`
            : `applied ${applied.length} migration${applied.length === 1 ? "" : "s"} to the ${services.store.dialect.name} database: ${applied.join(", ")}`,
        );
      } finally {
        await services.close();
      }
    });
}
