/** Where the roadmap content lives and which files make it up; no parser needed to know that. */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The single-purpose content files; content.schema.ts gives each its schema. */
export const CONTENT_FILE_NAMES = [
  "tracks.yaml",
  "stages.yaml",
  "checks.yaml",
  "levels.yaml",
  "certifications.yaml",
  "growth.yaml",
  "faq.yaml",
] as const;
export type ContentFileName = (typeof CONTENT_FILE_NAMES)[number];

export const SKILLS_DIR = "skills";

/** `<package root>/content`, from both src/content and dist/content. */
export function defaultContentDir(): string {
  return fileURLToPath(new URL("../../content/", import.meta.url));
}

/** `skills/*.yaml` in `dir`, sorted, relative to `dir` with forward slashes. */
export function skillFileNames(dir: string): string[] {
  const skillsDir = join(dir, SKILLS_DIR);
  if (!existsSync(skillsDir)) return [];
  return readdirSync(skillsDir)
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
    .sort()
    .map((f) => `${SKILLS_DIR}/${f}`);
}
