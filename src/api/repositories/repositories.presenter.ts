import type { RepositoryWithLatest } from "../../services/repositories.service.js";
import type { RepositoryRow } from "../../store/database.types.js";
import { presentAnalysis } from "../analyses/analyses.presenter.js";

export const presentRepository = (row: RepositoryRow) => ({
  id: row.id,
  kind: row.kind,
  url: row.location,
  createdAt: row.created_at,
});

export const presentLearnerRepository = ({ repository, latest }: RepositoryWithLatest) => ({
  ...presentRepository(repository),
  latestAnalysis: latest === null ? null : presentAnalysis(latest),
});
