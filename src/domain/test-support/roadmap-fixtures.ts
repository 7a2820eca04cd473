/** Small roadmaps for domain tests: factories with overrides, and a fast-check generator. */
import fc from "fast-check";
import type { Roadmap, Skill, Stage, Track, TrackId } from "../../content/content.schema.js";
import { TRACK_IDS } from "../../content/content.schema.js";

const TRACKS: readonly Track[] = TRACK_IDS.map((id) => ({
  id,
  title: `${id} track`,
  language: id,
  frameworks: [`${id}-framework`],
  summary: `the ${id} track`,
}));

export function makeStage(overrides: Partial<Stage> & Pick<Stage, "id" | "order">): Stage {
  return {
    title: `Stage ${overrides.order}`,
    months: { from: overrides.order - 1, to: overrides.order },
    goals: ["learn"],
    ...overrides,
  };
}

export function makeSkill(overrides: Partial<Skill> & Pick<Skill, "id">): Skill {
  return {
    title: overrides.id.replaceAll("-", " "),
    description: `about ${overrides.id}`,
    stage: "stage-1",
    tracks: [...TRACK_IDS],
    prerequisites: [],
    effort: { hours: 10, basis: "test" },
    signals: [],
    tags: [],
    questions: [1, 2, 3].map((n) => ({ question: `q${n}`, answer: `a${n}` })),
    ...overrides,
  };
}

export function makeRoadmap(parts: {
  skills: readonly Skill[];
  stages?: readonly Stage[];
}): Roadmap {
  return {
    version: "test",
    tracks: TRACKS,
    stages: parts.stages ?? [1, 2, 3].map((order) => makeStage({ id: `stage-${order}`, order })),
    skills: parts.skills,
    checks: [],
    levels: [],
    certifications: [],
    growth: [],
    faq: [],
  };
}

/**
 * Roadmaps with 1-4 stages and 1-14 skills. Prerequisites point only at skills of the same or an
 * earlier stage and form a DAG; within a stage the content order is shuffled, so a prerequisite
 * can come after its dependant in the file (the scheduler must still put it first).
 */
export const roadmapArbitrary: fc.Arbitrary<Roadmap> = fc
  .record({
    stageCount: fc.integer({ min: 1, max: 4 }),
    specs: fc.array(
      fc.record({
        stagePick: fc.nat(),
        tracks: fc.subarray([...TRACK_IDS], { minLength: 1 }),
        tenthsOfHours: fc.integer({ min: 1, max: 2000 }),
        prerequisitePicks: fc.array(fc.nat(), { maxLength: 3 }),
        sortKey: fc.nat(),
      }),
      { minLength: 1, maxLength: 14 },
    ),
  })
  .map(({ stageCount, specs }) => {
    const stages = Array.from({ length: stageCount }, (_, i) =>
      makeStage({ id: `stage-${i + 1}`, order: i + 1 }),
    );
    // Generation order is a topological order: stage ranks never decrease and prerequisites
    // are picked among skills generated earlier.
    const withStage = specs
      .map((spec) => ({ ...spec, stageRank: spec.stagePick % stageCount }))
      .sort((a, b) => a.stageRank - b.stageRank);
    const skills = withStage.map((spec, index) => {
      const prerequisites =
        index === 0
          ? []
          : [...new Set(spec.prerequisitePicks.map((pick) => `skill-${pick % index}`))];
      return {
        sortKey: spec.sortKey,
        stageRank: spec.stageRank,
        skill: makeSkill({
          id: `skill-${index}`,
          stage: `stage-${spec.stageRank + 1}`,
          tracks: spec.tracks,
          prerequisites,
          effort: { hours: spec.tenthsOfHours / 10, basis: "generated" },
        }),
      };
    });
    skills.sort((a, b) => a.stageRank - b.stageRank || a.sortKey - b.sortKey);
    return makeRoadmap({ stages, skills: skills.map((entry) => entry.skill) });
  });

export const trackArbitrary: fc.Arbitrary<TrackId> = fc.constantFrom(...TRACK_IDS);

/** Weekly hours in the accepted range, in quarter hours. */
export const hoursPerWeekArbitrary: fc.Arbitrary<number> = fc
  .integer({ min: 2, max: 320 })
  .map((quarters) => quarters / 4);

/** Dates from 2000 to about 2060, as ISO strings. */
export const isoDateArbitrary: fc.Arbitrary<string> = fc
  .integer({ min: 10_957, max: 33_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
