import type { RepositoryRow } from "../../store/database.types.js";

export const presentRepository = (row: RepositoryRow) => ({
  id: row.id,
  kind: row.kind,
  url: row.location,
  createdAt: row.created_at,
});
