/**
 * The SQLite job queue: a pool of workers inside the serving process, with the queue state in
 * the analyses table itself. A worker claims the oldest due job under a lease and renews the
 * lease while it runs; after a crash or restart, `queued` jobs are still there and a `running`
 * job whose lease ran out is claimed again, so no job is lost. Retries wait in the table too
 * (run_after), which the handler sets with its backoff.
 */
import type { Clock } from "../services/clock.js";
import type { AnalysesRepository } from "../store/analyses.repository.js";
import type { JobHandler, JobQueue } from "./job-queue.js";

export interface InProcessQueueOptions {
  readonly analyses: Pick<AnalysesRepository, "claimNext" | "extendLease">;
  readonly clock: Clock;
  /** how long a claimed job stays with its worker without a renewal (default 30 s) */
  readonly leaseMs?: number;
  /** how often idle workers look for due jobs: retries and expired leases (default 1 s) */
  readonly pollMs?: number;
  /** how long stop() waits for running jobs before giving up on them (default 30 s) */
  readonly graceMs?: number;
  readonly log: (line: string) => void;
}

export function inProcessQueue(options: InProcessQueueOptions): JobQueue {
  const { analyses, clock, log } = options;
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 1_000;
  const graceMs = options.graceMs ?? 30_000;
  let stopping = false;
  const loops: Promise<void>[] = [];
  // a worker waiting for work is woken early by enqueue() or stop()
  const sleepers = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of sleepers) wake();
    sleepers.clear();
  };
  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        sleepers.delete(wake);
        resolve();
      }, pollMs);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      sleepers.add(wake);
    });
  const until = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

  async function runOne(handler: JobHandler): Promise<boolean> {
    const job = await analyses.claimNext(clock.now().toISOString(), until(leaseMs));
    if (!job) return false;
    const heartbeat = setInterval(() => {
      analyses
        .extendLease(job.id, until(leaseMs))
        .catch((error: unknown) => log(`job ${job.id}: cannot renew its lease: ${message(error)}`));
    }, leaseMs / 3);
    try {
      await handler(job.id);
    } catch (error) {
      // the handler has recorded the error and when to retry (run_after) in the job's row
      log(`job ${job.id}: attempt failed, will retry: ${message(error)}`);
    } finally {
      clearInterval(heartbeat);
    }
    return true;
  }

  async function loop(handler: JobHandler): Promise<void> {
    while (!stopping) {
      let worked = false;
      try {
        worked = await runOne(handler);
      } catch (error) {
        // the database failed while claiming: wait and try again rather than stop the worker
        log(`job queue: cannot claim a job: ${message(error)}`);
      }
      if (!worked && !stopping) await idle();
    }
  }

  return {
    name: "in-process",
    enqueue: () => {
      wakeAll();
      return Promise.resolve();
    },
    work: (handler, concurrency) => {
      for (let i = 0; i < concurrency; i += 1) loops.push(loop(handler));
      return Promise.resolve();
    },
    async stop() {
      stopping = true;
      wakeAll();
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<"late">((resolve) => {
        timer = setTimeout(() => resolve("late"), graceMs);
      });
      const outcome = await Promise.race([Promise.all(loops).then(() => "done" as const), grace]);
      clearTimeout(timer);
      if (outcome === "late") {
        // their leases run out and the next start takes the jobs again
        log("job queue: stopped without waiting for the jobs still running");
      }
    },
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
