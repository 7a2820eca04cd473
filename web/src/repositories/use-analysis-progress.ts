import { useEffect, useState } from "react";
import type { Analysis, AnalysisStatus } from "../api/analysis-types.js";

/** The analysis will change no more: its report is there, or its error is final. */
export function isSettled(status: AnalysisStatus): boolean {
  return status === "done" || status === "failed";
}

/**
 * Follows an analysis until it is settled by asking the API about once a second (the service has
 * no push channel). A failed poll is shown but does not stop the watch: the next one may answer.
 * Polls are chained, not on an interval, so a slow answer never overlaps the next question.
 */
export function useAnalysisProgress(
  initial: Analysis | null,
  fetchAnalysis: (id: string) => Promise<Analysis>,
  intervalMs = 1000,
): { analysis: Analysis | null; pollError: unknown } {
  const [analysis, setAnalysis] = useState(initial);
  const [pollError, setPollError] = useState<unknown>(null);

  useEffect(() => setAnalysis(initial), [initial]);

  const id = analysis?.id;
  const settled = analysis === null || isSettled(analysis.status);
  useEffect(() => {
    if (id === undefined || settled) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      timer = setTimeout(() => {
        fetchAnalysis(id).then(
          (next) => {
            if (!current) return;
            setPollError(null);
            setAnalysis(next);
            if (!isSettled(next.status)) poll();
          },
          (error: unknown) => {
            if (!current) return;
            setPollError(error);
            poll();
          },
        );
      }, intervalMs);
    };
    poll();
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `fetchAnalysis` is a new closure on every render; the id and the state say what to watch
  }, [id, settled, intervalMs]);

  return { analysis, pollError };
}
