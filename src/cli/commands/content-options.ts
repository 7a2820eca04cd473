/**
 * Option checks for the content commands. They run after the roadmap is loaded so the accepted
 * values named in an error are exactly the ones the content defines.
 */
import { closestIds } from "../../content/closest-ids.js";
import type { Roadmap, Skill, Stage, TrackId } from "../../content/content.schema.js";
import { invalidInput, notFound } from "../../errors.js";

export function parseTrackOption(roadmap: Roadmap, value: string | undefined): TrackId | undefined {
  if (value === undefined) return undefined;
  const track = roadmap.tracks.find((t) => t.id === value.toLowerCase());
  if (track) return track.id;
  throw invalidInput(`unknown track '${value}'`, [
    {
      where: "--track",
      problem: `unknown track '${value}'`,
      accepted: roadmap.tracks.map((t) => `${t.id} (${t.title})`).join(", "),
    },
  ]);
}

/** `--stage 2` or `--stage core-skills`. */
export function parseStageOption(roadmap: Roadmap, value: string | undefined): Stage | undefined {
  if (value === undefined) return undefined;
  const stage = /^\d+$/.test(value)
    ? roadmap.stages.find((s) => s.order === Number(value))
    : roadmap.stages.find((s) => s.id === value.toLowerCase());
  if (stage) return stage;
  const orders = roadmap.stages.map((s) => s.order);
  throw invalidInput(`unknown stage '${value}'`, [
    {
      where: "--stage",
      problem: `unknown stage '${value}'`,
      accepted: `a stage number from ${Math.min(...orders)} to ${Math.max(...orders)}, or one of: ${roadmap.stages.map((s) => s.id).join(", ")}`,
    },
  ]);
}

export function findSkill(roadmap: Roadmap, id: string): Skill {
  const skill = roadmap.skills.find((s) => s.id === id.toLowerCase());
  if (skill) return skill;
  const near = closestIds(
    id.toLowerCase(),
    roadmap.skills.map((s) => s.id),
  );
  throw notFound(`unknown skill '${id}'`, [
    {
      where: "<id>",
      problem: `no skill with id '${id}'`,
      accepted:
        (near.length > 0 ? `did you mean ${near.map((n) => `'${n}'`).join(", ")}? ` : "") +
        "run `devladder roadmap` to list every skill id",
    },
  ]);
}
