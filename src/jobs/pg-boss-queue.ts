/**
 * The PostgreSQL job queue: pg-boss (its own `pgboss` schema in the same database), so any
 * number of `devladder worker` processes, on any number of machines, share the jobs. pg-boss
 * hands each job to one worker (SKIP LOCKED), retries a failed attempt with exponential backoff,
 * and fails an attempt that outlives its expiry — which is also how the job of a worker that
 * died is found: its maintenance (run by every connected instance, one at a time) puts the
 * expired job back for another worker.
 *
 * pg-boss connects only when first used, so an API process that never queues a job (and tests
 * that never do) opens no extra connections.
 */
import PgBoss from "pg-boss";
import type { JobHandler, JobLimits, JobQueue } from "./job-queue.js";

export const ANALYSIS_QUEUE = "analysis";

export interface PgBossQueueOptions {
  readonly connectionString: string;
  readonly limits: JobLimits;
  readonly log: (line: string) => void;
  /** how long stop() waits for running jobs (default 30 s) */
  readonly graceMs?: number;
}

/**
 * pg-boss retries on its own count; the handler counts attempts in the analyses table and fails
 * the job itself once they are used up. The extra pg-boss retries cover the one case the handler
 * cannot see: a worker that dies during its last attempt.
 */
const SPARE_RETRIES = 2;
/** seconds past the time limit before a silent job counts as abandoned (its worker died) */
const EXPIRY_GRACE_SECONDS = 5;

export function pgBossQueue(options: PgBossQueueOptions): JobQueue {
  const { limits, log } = options;
  const expireInSeconds = Math.ceil(limits.timeoutMs / 1000) + EXPIRY_GRACE_SECONDS;
  let boss: PgBoss | undefined;
  let starting: Promise<PgBoss> | undefined;

  const started = () =>
    (starting ??= (async () => {
      const instance = new PgBoss({
        connectionString: options.connectionString,
        // look for abandoned jobs a few times per expiry, so a dead worker's job is not left
        // waiting much longer than its time limit
        maintenanceIntervalSeconds: Math.max(1, Math.min(120, Math.floor(expireInSeconds / 3))),
      });
      // an EventEmitter without an "error" listener would crash the process on a lost connection
      instance.on("error", (error) => log(`job queue (pg-boss): ${error.message}`));
      await instance.start();
      const settings = {
        name: ANALYSIS_QUEUE,
        retryLimit: limits.attempts - 1 + SPARE_RETRIES,
        retryDelay: Math.max(1, Math.round(limits.retryDelayMs / 1000)),
        retryBackoff: true,
        expireInSeconds,
      };
      // jobs take the queue's settings when sent; the process started last sets them, so a
      // changed JOB_* setting applies from the next start (give every process the same values)
      await instance.createQueue(ANALYSIS_QUEUE, settings);
      await instance.updateQueue(ANALYSIS_QUEUE, settings);
      boss = instance;
      return instance;
    })());

  return {
    name: "pg-boss",
    async enqueue(analysisId) {
      const instance = await started();
      await instance.send(ANALYSIS_QUEUE, { analysisId });
    },
    async work(handler: JobHandler, concurrency) {
      const instance = await started();
      for (let i = 0; i < concurrency; i += 1) {
        // one work() per slot, each taking one job at a time: a slow job holds only its slot
        await instance.work<{ analysisId: string }>(
          ANALYSIS_QUEUE,
          { batchSize: 1, pollingIntervalSeconds: 1 },
          async ([job]) => {
            if (job) await handler(job.data.analysisId);
          },
        );
      }
    },
    async stop() {
      if (starting === undefined) return;
      // a start that failed was reported to whoever called enqueue() or work(); nothing to stop
      await starting.catch((error: unknown) =>
        log(
          `job queue (pg-boss): was not running: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
      await boss?.stop({ graceful: true, wait: true, timeout: options.graceMs ?? 30_000 });
    },
  };
}
