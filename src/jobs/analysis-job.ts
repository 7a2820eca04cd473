/**
 * One attempt of an analysis job, the same under both queues: count the attempt, analyse the
 * repository under the time limit while reporting progress, then store the report and the skills
 * it verifies — or record why it failed, and either give up or leave it for a retry.
 *
 * Bad input (an empty repository, a path that is gone) and running out of time fail at once:
 * another attempt would end the same way. A repository that cannot be fetched, or anything
 * unexpected, is retried with backoff until the attempts are used up.
 */
import type { AnalyzeOptions } from "../analyzer/analyze.js";
import type { EvidenceReport } from "../analyzer/report.js";
import type { Check, Roadmap } from "../content/content.schema.js";
import { isDevladderError } from "../errors.js";
import { verifiedSkillRows } from "../services/analyses.service.js";
import type { Clock } from "../services/clock.js";
import type { AnalysesRepository } from "../store/analyses.repository.js";
import type { RepositoriesRepository } from "../store/repositories.repository.js";
import { retryDelay, type JobHandler, type JobLimits } from "./job-queue.js";

export type AnalyzeFunction = (
  input: string,
  checks: readonly Check[],
  options: AnalyzeOptions,
) => Promise<EvidenceReport>;

export interface AnalysisJobDeps {
  readonly analyses: AnalysesRepository;
  readonly repositories: Pick<RepositoriesRepository, "findById">;
  readonly roadmap: Roadmap;
  readonly clock: Clock;
  readonly limits: JobLimits;
  readonly log: (line: string) => void;
  /** the analyzer, loaded only when a worker runs its first job */
  readonly analyze?: AnalyzeFunction;
}

/** A failure that another attempt would repeat. */
class FinalFailure extends Error {}

/** Where each phase the analyzer announces sits on the 0-100 progress bar. */
function progressOf(phase: string): number {
  if (phase.startsWith("reading git history")) return 75;
  if (phase.startsWith("scanning")) return 30;
  return 5;
}

export function analysisJobHandler(deps: AnalysisJobDeps): JobHandler {
  const { analyses, repositories, roadmap, clock, limits, log } = deps;
  const now = () => clock.now().toISOString();
  const analyzer = async (): Promise<AnalyzeFunction> =>
    deps.analyze ?? (await import("../analyzer/analyze.js")).analyze;

  return async (analysisId) => {
    const row = await analyses.start(analysisId, now());
    // gone with its repository, or finished by an earlier delivery of the same job
    if (!row) return;
    if (row.attempts > limits.attempts) {
      await analyses.fail(
        analysisId,
        row.error === null
          ? `the analysis was interrupted ${row.attempts - 1} times (its worker stopped)`
          : row.error,
        now(),
      );
      return;
    }
    const repository = await repositories.findById(row.repository_id);
    if (!repository) return;

    try {
      const analyze = await analyzer();
      const report = await withinTimeLimit(
        (signal) =>
          analyze(repository.location, roadmap.checks, {
            signal,
            cloneTimeoutMs: limits.timeoutMs,
            onProgress: (phase) => {
              analyses
                .setProgress(analysisId, progressOf(phase), phase)
                .catch((error: unknown) =>
                  log(`analysis ${analysisId}: cannot record progress: ${messageOf(error)}`),
                );
            },
          }),
        limits.timeoutMs,
      );
      const at = now();
      const verified = verifiedSkillRows(roadmap, repository, analysisId, report, at);
      await analyses.complete(
        analysisId,
        { commit: report.repository.commit, report: JSON.stringify(report), score: report.score },
        verified,
        at,
      );
    } catch (error) {
      const shown = userMessage(error);
      if (!isDevladderError(error) && !(error instanceof FinalFailure)) {
        log(`analysis ${analysisId}: attempt ${row.attempts} failed: ${messageOf(error)}`);
      }
      const final =
        error instanceof FinalFailure ||
        (isDevladderError(error) && error.code === "invalid_input") ||
        row.attempts >= limits.attempts;
      if (final) {
        await analyses.fail(analysisId, shown, now());
        return;
      }
      const runAfter = new Date(clock.now().getTime() + retryDelay(limits, row.attempts));
      await analyses.retryLater(analysisId, shown, runAfter.toISOString());
      // tells the queue to run the job again later
      throw error;
    }
  };
}

/**
 * Runs `work` under a time limit. When the limit passes, the promise rejects at once and the
 * signal tells the work to stop (the analyzer kills its git processes and abandons the scan),
 * so a timed-out analysis does not keep using the worker's CPU.
 */
async function withinTimeLimit<T>(
  work: (signal: AbortSignal) => Promise<T>,
  ms: number,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const failure = new FinalFailure(`the analysis took longer than its ${formatMs(ms)} limit`);
      // settle the limit first: stopping the work makes it reject too, and the race must
      // report the time limit, not the work's reaction to being stopped
      reject(failure);
      controller.abort(failure);
    }, ms);
  });
  const running = work(controller.signal);
  // after the time limit, the work's own rejection (the abort) has nobody left to hear it
  running.catch(() => undefined);
  try {
    return await Promise.race([running, limit]);
  } finally {
    clearTimeout(timer);
  }
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** What the learner sees: the message of a known error, nothing internal for the rest. */
function userMessage(error: unknown): string {
  if (error instanceof FinalFailure) return error.message;
  if (isDevladderError(error) && error.expose) return error.message;
  return "the analysis failed unexpectedly; it has been logged";
}

function messageOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
