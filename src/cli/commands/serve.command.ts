/** `devladder serve`: migrate the database, start the API and serve until SIGINT/SIGTERM. */
import type { Command } from "commander";
import type { RunningServer } from "../../api/server.js";
import type { CliIO } from "../cli-io.js";
import { loadServices } from "../load-services.js";

type Env = Readonly<Record<string, string | undefined>>;

export interface ServeCommandDeps {
  readonly env?: Env;
  /** called once listening; tests use it to stop the server without sending signals */
  readonly started?: (server: RunningServer) => void;
  /** SIGINT/SIGTERM stop the server (default); in-process tests turn this off */
  readonly handleSignals?: boolean;
}

export function registerServeCommand(
  program: Command,
  io: CliIO,
  deps: ServeCommandDeps = {},
): void {
  program
    .command("serve")
    .description("start the devladder API (and migrate its database first)")
    .addHelpText(
      "after",
      `
Configuration comes from the environment:
  PORT          port to listen on (default 3000)
  HOST          interface to listen on (default localhost; 0.0.0.0 for all)
  DATA_DIR      where the SQLite database and the generated JWT secret live (default ./data)
  DATABASE_URL  postgres://… to use PostgreSQL instead of SQLite
  JWT_SECRET    signing secret for access tokens (default: generated once into DATA_DIR)
  LOG_LEVEL     fatal, error, warn, info (default), debug, trace or silent
  WORKERS       analysis jobs this process runs at the same time (default 1). With SQLite
                serve is the only worker (at least 1); with PostgreSQL 0 leaves every job to
                \`devladder worker\` processes
  JOB_TIMEOUT_SECONDS, JOB_ATTEMPTS, JOB_RETRY_DELAY_SECONDS  see \`devladder worker --help\``,
    )
    .action(async () => {
      // The HTTP stack is imported here, not at start-up, like the services (load-services.ts).
      const [services, { buildApp }, { startServer }] = await Promise.all([
        loadServices(deps.env ?? process.env),
        import("../../api/app.js"),
        import("../../api/server.js"),
      ]);
      const { config } = services;
      try {
        const { applied } = await services.migrate();
        if (applied.length > 0) io.err(`database migrated: ${applied.join(", ")}`);
        // workers start before the port opens: a queue that cannot start stops serve cleanly
        const workers = config.jobs.workers;
        if (workers > 0) await services.jobs.startWorkers(workers);
        io.err(`analysis workers in this process: ${workers} (${services.jobs.queue.name} queue)`);
        const app = buildApp({ services, logger: { level: config.logLevel } });
        const server = await startServer(app, {
          port: config.port,
          host: config.host,
          handleSignals: deps.handleSignals ?? true,
          onClosed: () => services.close(),
          log: io.err,
        });
        io.out(`devladder is running at ${server.url}  (API docs: ${server.url}/docs)`);
        deps.started?.(server);
        await server.closed;
      } catch (error) {
        await services.close();
        throw error;
      }
    });
}
