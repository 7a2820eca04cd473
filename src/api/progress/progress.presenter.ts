import type { ProgressHistoryRow, ProgressRow } from "../../store/database.types.js";

export const presentProgress = (row: ProgressRow) => ({
  skillId: row.skill_id,
  status: row.status,
  note: row.note,
  updatedAt: row.updated_at,
  knownBeforeStart: row.known_before_start === 1,
});

export const presentSharedProgress = (row: ProgressRow) => ({
  skillId: row.skill_id,
  status: row.status,
  updatedAt: row.updated_at,
  knownBeforeStart: row.known_before_start === 1,
});

export const presentHistory = (row: ProgressHistoryRow) => ({
  id: row.id,
  skillId: row.skill_id,
  from: row.from_status,
  to: row.to_status,
  changedAt: row.changed_at,
});
