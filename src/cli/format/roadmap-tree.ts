/** `devladder roadmap` as text: each stage with its goals, then its skills as a tree. */
import type { Roadmap, Skill, Stage, TrackId } from "../../content/content.schema.js";
import type { Colors } from "../cli-io.js";
import { TEXT_WIDTH, wrapText } from "./wrap-text.js";

export interface RoadmapView {
  readonly track: TrackId | undefined;
  readonly stages: readonly { readonly stage: Stage; readonly skills: readonly Skill[] }[];
}

/** The stages and skills a `--track` / `--stage` selection keeps, in roadmap order. */
export function selectRoadmap(
  roadmap: Roadmap,
  track: TrackId | undefined,
  stageId: string | undefined,
): RoadmapView {
  return {
    track,
    stages: roadmap.stages
      .filter((stage) => stageId === undefined || stage.id === stageId)
      .map((stage) => ({
        stage,
        skills: roadmap.skills.filter(
          (s) => s.stage === stage.id && (track === undefined || s.tracks.includes(track)),
        ),
      })),
  };
}

export function stageMonths(stage: Stage): string {
  return stage.months.to === null
    ? `from month ${stage.months.from}`
    : `months ${stage.months.from}-${stage.months.to}`;
}

const TAG_LABELS: Record<Skill["tags"][number], string> = {
  "first-skill": "learn first",
  "recruiter-expectation": "recruiters expect",
  "industry-expectation": "industry expects",
  advanced: "advanced",
};

export function renderRoadmapTree(roadmap: Roadmap, view: RoadmapView, c: Colors): string {
  const trackTitle = roadmap.tracks.find((t) => t.id === view.track)?.title;
  const out: string[] = [
    c.bold(`Backend developer roadmap${trackTitle ? ` · ${trackTitle}` : " · all tracks"}`),
    "",
  ];
  let skillCount = 0;
  let hours = 0;
  for (const { stage, skills } of view.stages) {
    const stageHours = skills.reduce((sum, s) => sum + s.effort.hours, 0);
    out.push(
      `${c.bold(c.cyan(`Stage ${stage.order} · ${stage.title}`))} ${c.dim(`(${stageMonths(stage)}, ${skills.length} skills, ${stageHours} h)`)}`,
    );
    for (const goal of stage.goals)
      out.push(wrapText(goal, TEXT_WIDTH, "    ").replace(/^ {4}/, "  • "));
    const idWidth = Math.max(0, ...skills.map((s) => s.id.length));
    skills.forEach((skill, i) => {
      const last = i === skills.length - 1;
      const branch = last ? "└─" : "├─";
      const rail = last ? "  " : "│ ";
      const tags = skill.tags.map((t) => c.yellow(`[${TAG_LABELS[t]}]`)).join(" ");
      const tracks = view.track === undefined ? c.dim(` {${skill.tracks.join(", ")}}`) : "";
      out.push(
        `  ${branch} ${c.green(skill.id.padEnd(idWidth))}  ${skill.title} ${c.dim(`· ${skill.effort.hours} h`)}${tracks}${tags ? ` ${tags}` : ""}`,
      );
      if (skill.prerequisites.length > 0) {
        out.push(
          `  ${rail}   ${" ".repeat(idWidth)}${c.dim(`after: ${skill.prerequisites.join(", ")}`)}`,
        );
      }
    });
    if (skills.length === 0) out.push(c.dim("  (no skills for this track in this stage)"));
    out.push("");
    skillCount += skills.length;
    hours += stageHours;
  }
  out.push(
    c.dim(`${skillCount} skills, about ${hours} hours of study.`),
    c.dim("Details of one skill: devladder skill <id>"),
    c.dim("A dated plan: devladder plan --track <track> --hours <hours per week>"),
  );
  return out.join("\n");
}
