/**
 * The commands that show the roadmap content: `roadmap`, `skill <id>`, `faq`, `levels`, `certs`.
 * Each loads the content (from `--content <dir>` when an author is trying out changes), checks
 * its options against it, and prints text or, with `--json`, the content itself.
 */
import type { Command } from "commander";
import { loadRoadmapForCommand } from "../../content/roadmap-snapshot.js";
import type { Roadmap } from "../../content/content.schema.js";
import type { CliIO } from "../cli-io.js";
import { renderCertifications, renderFaq, renderLevels } from "../format/reference-text.js";
import { renderRoadmapTree, selectRoadmap } from "../format/roadmap-tree.js";
import { renderSkill } from "../format/skill-detail.js";
import { findSkill, parseStageOption, parseTrackOption } from "./content-options.js";

interface ContentFlags {
  content?: string;
  json?: boolean;
}

interface RoadmapFlags extends ContentFlags {
  track?: string;
  stage?: string;
}

const CONTENT_OPTION = [
  "--content <dir>",
  "use another roadmap content folder (for content authors)",
] as const;
const JSON_OPTION = ["--json", "print JSON instead of text"] as const;

export function registerContentCommands(program: Command, io: CliIO): void {
  const load = (flags: ContentFlags): Promise<Roadmap> => loadRoadmapForCommand(flags.content);
  const json = (value: unknown) => io.out(JSON.stringify(value, null, 2));

  program
    .command("roadmap")
    .description("the stages and skills of the roadmap, as a tree or JSON")
    .option("--track <track>", "only skills of one track: python, java or node")
    .option("--stage <stage>", "only one stage, by number (1-5) or id")
    .option(...JSON_OPTION)
    .option(...CONTENT_OPTION)
    .addHelpText(
      "after",
      `
Examples:
  $ devladder roadmap
  $ devladder roadmap --track java
  $ devladder roadmap --track node --stage 3
  $ devladder roadmap --stage core-skills --json`,
    )
    .action(async (flags: RoadmapFlags) => {
      const roadmap = await load(flags);
      const track = parseTrackOption(roadmap, flags.track);
      const stage = parseStageOption(roadmap, flags.stage);
      const view = selectRoadmap(roadmap, track, stage?.id);
      if (flags.json) {
        json({
          version: roadmap.version,
          track: track ?? null,
          tracks: roadmap.tracks.filter((t) => track === undefined || t.id === track),
          stages: view.stages.map(({ stage: s, skills }) => ({ ...s, skills })),
        });
      } else {
        io.out(renderRoadmapTree(roadmap, view, io.colors));
      }
    });

  program
    .command("skill")
    .description("one skill: description, prerequisites, evidence signals and interview questions")
    .argument("<id>", "a skill id, as listed by `devladder roadmap`")
    .option(...JSON_OPTION)
    .option(...CONTENT_OPTION)
    .addHelpText(
      "after",
      `
Examples:
  $ devladder skill rest-api-design
  $ devladder skill spring-boot --json`,
    )
    .action(async (id: string, flags: ContentFlags) => {
      const roadmap = await load(flags);
      const skill = findSkill(roadmap, id);
      if (flags.json) json(skill);
      else io.out(renderSkill(roadmap, skill, io.colors));
    });

  program
    .command("faq")
    .description("frequently asked questions about becoming a backend developer")
    .option(...JSON_OPTION)
    .option(...CONTENT_OPTION)
    .addHelpText(
      "after",
      `
Examples:
  $ devladder faq
  $ devladder faq --json`,
    )
    .action(async (flags: ContentFlags) => {
      const roadmap = await load(flags);
      if (flags.json) json(roadmap.faq);
      else io.out(renderFaq(roadmap.faq, io.colors));
    });

  program
    .command("levels")
    .description("the career levels, from entry to solution architect, and what shows each one")
    .option(...JSON_OPTION)
    .option(...CONTENT_OPTION)
    .addHelpText(
      "after",
      `
Examples:
  $ devladder levels
  $ devladder levels --json`,
    )
    .action(async (flags: ContentFlags) => {
      const roadmap = await load(flags);
      if (flags.json) json(roadmap.levels);
      else io.out(renderLevels(roadmap.levels, io.colors));
    });

  program
    .command("certs")
    .description("the certifications that help backend developers, with issuer and validity")
    .option("--track <track>", "only certifications that suit one track: python, java or node")
    .option(...JSON_OPTION)
    .option(...CONTENT_OPTION)
    .addHelpText(
      "after",
      `
Examples:
  $ devladder certs
  $ devladder certs --track java
  $ devladder certs --json`,
    )
    .action(async (flags: ContentFlags & { track?: string }) => {
      const roadmap = await load(flags);
      const track = parseTrackOption(roadmap, flags.track);
      const certs = roadmap.certifications.filter(
        (c) => track === undefined || c.tracks.includes(track),
      );
      if (flags.json) json(certs);
      else io.out(renderCertifications(roadmap, certs, io.colors));
    });
}
