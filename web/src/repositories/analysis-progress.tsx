/** An analysis as it stands: its progress and phase while it runs, its score or its error after. */
import { Link } from "react-router-dom";
import type { Analysis } from "../api/analysis-types.js";
import { FormError } from "../components/status-views.js";

const STATUS_LABELS: Readonly<Record<Analysis["status"], string>> = {
  queued: "Queued",
  running: "Running",
  done: "Done",
  failed: "Failed",
};

export function AnalysisStatusBadge({ status }: { status: Analysis["status"] }) {
  return <span className={`badge badge-analysis-${status}`}>{STATUS_LABELS[status]}</span>;
}

export function AnalysisProgress({
  analysis,
  pollError,
}: {
  analysis: Analysis;
  pollError?: unknown;
}) {
  const { status } = analysis;
  return (
    <div className={`analysis-progress analysis-${status}`} data-testid="analysis-progress">
      {/* announced politely as the phase moves on, without stealing focus */}
      <p className="analysis-line" role="status" aria-live="polite">
        <AnalysisStatusBadge status={status} /> {status === "queued" && "Waiting for a worker…"}
        {status === "running" && (
          <>
            {analysis.phase || "Starting"} ·{" "}
            <span data-testid="progress-value">{analysis.progress}%</span>
          </>
        )}
        {status === "done" && (
          <>
            Score <strong data-testid="analysis-score">{analysis.score ?? 0}</strong> / 100
            {analysis.reusedFrom !== null && (
              <span className="muted"> · unchanged commit, earlier report reused</span>
            )}
          </>
        )}
        {status === "failed" && "The analysis failed."}
      </p>
      {(status === "queued" || status === "running") && (
        <div
          className="progress-bar analysis-bar"
          role="progressbar"
          aria-label="Analysis progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={analysis.progress}
        >
          <span style={{ width: `${analysis.progress}%` }} />
        </div>
      )}
      {status === "failed" && (
        <p className="analysis-error" data-testid="analysis-error">
          {analysis.error ?? "The worker gave no reason."}
          {analysis.attempts > 1 && ` (after ${analysis.attempts} attempts)`}
        </p>
      )}
      {status === "done" && (
        <Link className="button" to={`/analyses/${analysis.id}`}>
          Read the report
        </Link>
      )}
      {pollError !== null && pollError !== undefined && <FormError error={pollError} />}
    </div>
  );
}
