/** Text for the reference commands: `devladder faq`, `devladder levels`, `devladder certs`. */
import type { Certification, FaqEntry, Level, Roadmap } from "../../content/content.schema.js";
import type { Colors } from "../cli-io.js";
import { TEXT_WIDTH, wrapText } from "./wrap-text.js";

export function renderFaq(faq: readonly FaqEntry[], c: Colors): string {
  return faq
    .map((entry, i) =>
      [c.bold(`${i + 1}. ${entry.question}`), wrapText(entry.answer, TEXT_WIDTH, "   ")].join("\n"),
    )
    .join("\n\n");
}

const EVIDENCE_LABELS: Record<Level["criteria"][number]["evidence"][number], string> = {
  analysis: "repository analysis",
  endorsement: "endorsements",
  "growth-impact": "impact records",
  "growth-mastery": "mastery records",
  "growth-collaboration": "collaboration records",
  certification: "certifications",
  progress: "roadmap progress",
};

export function renderLevels(levels: readonly Level[], c: Colors): string {
  return levels
    .map((level) =>
      [
        c.bold(c.cyan(`${level.order}. ${level.title}`)) + c.dim(` (${level.id})`),
        wrapText(level.summary, TEXT_WIDTH, "   "),
        ...level.criteria.map(
          (criterion) =>
            `${wrapText(criterion.description, TEXT_WIDTH, "     ").replace(/^ {5}/, "   - ")}\n` +
            c.dim(`     shown by: ${criterion.evidence.map((e) => EVIDENCE_LABELS[e]).join(", ")}`),
        ),
      ].join("\n"),
    )
    .join("\n\n");
}

export function renderCertifications(
  roadmap: Roadmap,
  certifications: readonly Certification[],
  c: Colors,
): string {
  const levelTitle = (id: string) => roadmap.levels.find((l) => l.id === id)?.title ?? id;
  return certifications
    .map((cert) =>
      [
        `${c.bold(cert.title)} ${c.dim(`(${cert.id})`)}`,
        `   issuer: ${cert.issuer}`,
        `   tracks: ${cert.tracks.join(", ")}`,
        `   levels: ${cert.levels.map(levelTitle).join(", ")}`,
        `   validity: ${cert.validityMonths === null ? "does not expire" : `${cert.validityMonths} months`}`,
        c.dim(wrapText(cert.validityNote, TEXT_WIDTH, "     ")),
        `   skills: ${cert.skills.join(", ")}`,
        wrapText(cert.summary, TEXT_WIDTH, "   "),
      ].join("\n"),
    )
    .join("\n\n");
}
