/** The roadmap for one track: its stages and the skills on it, in learning order. */
import type { Roadmap, TrackId } from "../../content/content.schema.js";
import { FACTS } from "../../content/signals.js";

/** fact id → what it means, so a client can explain a skill's evidence without the catalogue */
const FACT_DESCRIPTIONS = new Map<string, string>(
  Object.entries(FACTS).map(([id, fact]) => [id, fact.description]),
);

export function presentRoadmap(roadmap: Roadmap, trackId: TrackId) {
  const track = roadmap.tracks.find((t) => t.id === trackId);
  if (!track) throw new Error(`track ${trackId} is missing from the loaded roadmap`);
  return {
    version: roadmap.version,
    track: { ...track, frameworks: [...track.frameworks] },
    stages: roadmap.stages.map((s) => ({
      id: s.id,
      order: s.order,
      title: s.title,
      months: { from: s.months.from, to: s.months.to },
      goals: [...s.goals],
    })),
    skills: roadmap.skills
      .filter((s) => s.tracks.includes(trackId))
      .map((s) => ({
        id: s.id,
        title: s.title,
        description: s.description,
        stage: s.stage,
        prerequisites: [...s.prerequisites],
        hours: s.effort.hours,
        tags: [...s.tags],
        signals: s.signals.map((id) => ({ id, description: FACT_DESCRIPTIONS.get(id) ?? id })),
        questions: s.questions.map((q) => ({ question: q.question, answer: q.answer })),
      })),
  };
}
