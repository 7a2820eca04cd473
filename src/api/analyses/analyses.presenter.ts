import type { AnalysisRow } from "../../store/database.types.js";

export const ANALYSES_PATH = "/api/v1/analyses";

export const presentAnalysis = (row: AnalysisRow) => ({
  id: row.id,
  repositoryId: row.repository_id,
  status: row.status,
  progress: row.progress,
  phase: row.phase,
  attempts: row.attempts,
  error: row.error,
  commit: row.commit_sha,
  score: row.score,
  reusedFrom: row.reused_from,
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  links: {
    self: `${ANALYSES_PATH}/${row.id}`,
    report: `${ANALYSES_PATH}/${row.id}/report`,
    badge: `${ANALYSES_PATH}/${row.id}/badge.svg`,
  },
});
