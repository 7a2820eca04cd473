/**
 * What the service needs from a job queue, whichever runs it: the in-process queue on SQLite
 * (in-process-queue.ts) or pg-boss on PostgreSQL (pg-boss-queue.ts). A job is an analysis id;
 * its status, progress and error live in the analyses table either way, so the API reads them
 * the same on both.
 */

/**
 * Runs one attempt of a job. Resolves when the job is finished (done, or failed for good);
 * rejects when this attempt failed and the job should run again later. The handler records
 * the outcome in the analyses table itself; the queue only decides when the job runs next.
 */
export type JobHandler = (analysisId: string) => Promise<void>;

export interface JobQueue {
  /** which implementation: shown by `devladder worker` and `serve` */
  readonly name: "in-process" | "pg-boss";
  /** makes a queued analysis (already written to the analyses table) visible to workers */
  enqueue(analysisId: string): Promise<void>;
  /** starts `concurrency` workers in this process that run `handler`, one job each at a time */
  work(handler: JobHandler, concurrency: number): Promise<void>;
  /** stops taking jobs, lets the running ones finish (up to the grace period), and disconnects */
  stop(): Promise<void>;
}

/** Limits every queue applies to a job. */
export interface JobLimits {
  /** attempts a job gets before it fails for good (a worker crash counts as an attempt) */
  readonly attempts: number;
  /** time limit of one attempt */
  readonly timeoutMs: number;
  /** first retry delay; each further retry waits twice as long */
  readonly retryDelayMs: number;
}

/** How long before attempt `attempts + 1` may start: exponential backoff from the first delay. */
export function retryDelay(limits: JobLimits, attempts: number): number {
  return limits.retryDelayMs * 2 ** Math.max(0, attempts - 1);
}
