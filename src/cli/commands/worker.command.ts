/**
 * `devladder worker`: run analysis jobs from the PostgreSQL queue (pg-boss) until SIGINT/SIGTERM.
 * Start as many as the load needs, on any machines that reach the database: pg-boss gives each
 * job to one worker, and the job of a worker that dies is taken again once its time runs out.
 * With SQLite there is no shared queue: `devladder serve` runs the workers in its own process.
 */
import type { Command } from "commander";
import { invalidInput } from "../../errors.js";
import type { CliIO } from "../cli-io.js";
import { loadServices } from "../load-services.js";

type Env = Readonly<Record<string, string | undefined>>;

export interface WorkerCommandDeps {
  readonly env?: Env;
  /** called once the workers run, with a function that stops them (tests stop without signals) */
  readonly started?: (stop: () => Promise<void>) => void;
  /** SIGINT/SIGTERM stop the workers (default); in-process tests turn this off */
  readonly handleSignals?: boolean;
}

export function registerWorkerCommand(
  program: Command,
  io: CliIO,
  deps: WorkerCommandDeps = {},
): void {
  program
    .command("worker")
    .description("run analysis jobs from the PostgreSQL queue (any number of workers may run)")
    .addHelpText(
      "after",
      `
Configuration comes from the environment (as for serve):
  DATABASE_URL             postgres://… (required: with SQLite, serve runs the workers)
  WORKERS                  jobs this process runs at the same time (default 1)
  JOB_TIMEOUT_SECONDS      time limit of one attempt (default 600)
  JOB_ATTEMPTS             attempts before a job fails for good (default 3)
  JOB_RETRY_DELAY_SECONDS  first retry delay, doubled for each retry (default 10)
  LOG_LEVEL                as for serve`,
    )
    .action(async () => {
      const services = await loadServices(deps.env ?? process.env);
      let stopping: Promise<void> | undefined;
      const stop = () => (stopping ??= services.close());
      try {
        if (services.config.database.kind !== "postgres") {
          throw invalidInput("devladder worker needs PostgreSQL", [
            {
              where: "DATABASE_URL",
              problem: "is not a postgres:// URL",
              accepted: "postgres://…; with SQLite, `devladder serve` runs the analysis workers",
            },
          ]);
        }
        const { applied } = await services.migrate();
        if (applied.length > 0) io.err(`database migrated: ${applied.join(", ")}`);
        const count = Math.max(1, services.config.jobs.workers);
        await services.jobs.startWorkers(count);
        io.out(
          `devladder worker: ${count} analysis worker${count === 1 ? "" : "s"} on the ${services.jobs.queue.name} queue (Ctrl-C stops)`,
        );
        const done = new Promise<void>((resolve) => {
          if (deps.handleSignals ?? true) {
            const onSignal = (signal: NodeJS.Signals) => {
              if (stopping) {
                io.err(`${signal} again: exiting without waiting`);
                process.exit(1);
              }
              io.err(`${signal}: finishing the running jobs, then stopping`);
              void stop().then(resolve, resolve);
            };
            process.on("SIGINT", onSignal);
            process.on("SIGTERM", onSignal);
          }
          deps.started?.(() => stop().then(resolve));
        });
        await done;
        await stop();
        io.err("stopped");
      } catch (error) {
        await stop();
        throw error;
      }
    });
}
