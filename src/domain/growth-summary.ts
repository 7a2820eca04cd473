/**
 * The promotion summary of a growth log: per career level, for each growth dimension a level's
 * criteria ask about, how many entries the learner has against how many the level asks for.
 * When several criteria of one level ask about the same dimension, the largest number counts
 * (meeting the strictest meets the others). A level with no growth criteria is met by default
 * and lists no dimensions.
 */
import type { Level } from "../content/content.schema.js";
import { GROWTH_DIMENSIONS } from "../content/content.schema.js";

export type GrowthDimensionId = (typeof GROWTH_DIMENSIONS)[number];
export type GrowthCountsByDimension = Readonly<Record<GrowthDimensionId, number>>;

export interface DimensionNeed {
  readonly dimension: GrowthDimensionId;
  readonly have: number;
  readonly need: number;
  readonly met: boolean;
  /** the level criteria that ask for this dimension */
  readonly criteria: readonly string[];
}

export interface LevelGrowthSummary {
  readonly levelId: string;
  readonly title: string;
  readonly dimensions: readonly DimensionNeed[];
  readonly met: boolean;
}

export function growthSummary(
  levels: readonly Level[],
  counts: GrowthCountsByDimension,
): LevelGrowthSummary[] {
  return [...levels]
    .sort((a, b) => a.order - b.order)
    .map((level) => {
      const dimensions = GROWTH_DIMENSIONS.flatMap((dimension): DimensionNeed[] => {
        const asking = level.criteria.flatMap((c) =>
          c.measure.type === "growth" && c.measure.dimension === dimension
            ? [{ id: c.id, min: c.measure.min }]
            : [],
        );
        if (asking.length === 0) return [];
        const need = Math.max(...asking.map((a) => a.min));
        const have = counts[dimension];
        return [{ dimension, have, need, met: have >= need, criteria: asking.map((a) => a.id) }];
      });
      return {
        levelId: level.id,
        title: level.title,
        dimensions,
        met: dimensions.every((d) => d.met),
      };
    });
}
