import type { GrowthSummary } from "../../services/growth.service.js";
import type { GrowthCommentWithAuthor, GrowthEntry } from "../../store/growth.repository.js";

export const presentGrowthEntry = (entry: GrowthEntry) => ({
  id: entry.id,
  dimension: entry.dimension,
  title: entry.title,
  what: entry.what,
  happenedOn: entry.happened_on,
  links: [...entry.links],
  createdAt: entry.created_at,
});

export const presentGrowthComment = (comment: GrowthCommentWithAuthor) => ({
  id: comment.id,
  entryId: comment.entry_id,
  author: { id: comment.author.id, displayName: comment.author.display_name },
  body: comment.body,
  createdAt: comment.created_at,
});

export const presentGrowthSummary = (summary: GrowthSummary) => ({
  counts: { ...summary.counts },
  levels: summary.levels.map((level) => ({
    levelId: level.levelId,
    title: level.title,
    met: level.met,
    dimensions: level.dimensions.map((d) => ({ ...d, criteria: [...d.criteria] })),
  })),
});
