/** `devladder skill <id>` as text: everything a learner needs to study and prove one skill. */
import type { Roadmap, Skill } from "../../content/content.schema.js";
import { FACTS, isFactId } from "../../content/signals.js";
import type { Colors } from "../cli-io.js";
import { stageMonths } from "./roadmap-tree.js";
import { TEXT_WIDTH, wrapText } from "./wrap-text.js";

export function renderSkill(roadmap: Roadmap, skill: Skill, c: Colors): string {
  const stage = roadmap.stages.find((s) => s.id === skill.stage);
  const titleOf = (id: string) => roadmap.skills.find((s) => s.id === id)?.title ?? id;
  const neededBy = roadmap.skills.filter((s) => s.prerequisites.includes(skill.id));
  const checks = roadmap.checks.filter((ch) => ch.skills.includes(skill.id));
  const certs = roadmap.certifications.filter((ct) => ct.skills.includes(skill.id));
  const heading = (text: string) => c.bold(c.cyan(text));

  const out = [
    `${c.bold(skill.title)} ${c.dim(`(${skill.id})`)}`,
    c.dim(
      [
        stage
          ? `stage ${stage.order} · ${stage.title} (${stageMonths(stage)})`
          : `stage ${skill.stage}`,
        `tracks: ${skill.tracks.join(", ")}`,
        `about ${skill.effort.hours} h`,
      ].join("  ·  "),
    ),
    "",
    wrapText(skill.description, TEXT_WIDTH),
    "",
    heading("Effort"),
    wrapText(`${skill.effort.hours} hours. ${skill.effort.basis}`, TEXT_WIDTH, "  "),
    "",
    heading("Prerequisites"),
    ...(skill.prerequisites.length === 0
      ? ["  none"]
      : skill.prerequisites.map((id) => `  - ${c.green(id)} ${titleOf(id)}`)),
  ];
  if (neededBy.length > 0) {
    out.push("", heading("Leads to"), ...neededBy.map((s) => `  - ${c.green(s.id)} ${s.title}`));
  }
  out.push(
    "",
    heading("Evidence signals"),
    ...(skill.signals.length === 0
      ? ["  none a repository can show; mentors can endorse it instead"]
      : skill.signals.map(
          (id) => `  - ${c.green(id)}${isFactId(id) ? c.dim(`: ${FACTS[id].description}`) : ""}`,
        )),
  );
  if (checks.length > 0) {
    out.push(
      "",
      heading("Checked by"),
      ...checks.map((ch) => `  - ${ch.title} ${c.dim(`(${ch.id})`)}`),
    );
  }
  if (certs.length > 0) {
    out.push(
      "",
      heading("Certifications"),
      ...certs.map((ct) => `  - ${ct.title} ${c.dim(`(${ct.issuer})`)}`),
    );
  }
  out.push("", heading("Interview questions"));
  skill.questions.forEach((q, i) => {
    out.push(wrapText(`${i + 1}. ${q.question}`, TEXT_WIDTH, "  "));
    out.push(c.dim(wrapText(q.answer, TEXT_WIDTH, "     ")), "");
  });
  return out.join("\n").trimEnd();
}
