/**
 * A small, valid content folder written to a temp dir, for tests that need real files: the
 * loader's error reports name files and lines, so fixtures must go through the file system.
 * Tests take the default data, break one thing with `mutate`, and check the reported problem.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { stringify } from "yaml";

const question = (n: number) => ({ question: `Question ${n}?`, answer: `Answer ${n}.` });
const questions = [question(1), question(2), question(3)];

const skill = (id: string, stage: string, prerequisites: string[] = []) => ({
  id,
  title: `Skill ${id}`,
  description: `What ${id} is about.`,
  stage,
  tracks: ["python", "java"],
  prerequisites,
  effort: { hours: 10, basis: "A week of practice." },
  signals: ["rest_api"],
  questions,
});

/** Plain data for every content file, keyed by its path inside the content folder. */
export function minimalContent() {
  return {
    "tracks.yaml": {
      tracks: [
        {
          id: "python",
          title: "Python",
          language: "Python",
          frameworks: ["Django"],
          summary: "Python track.",
        },
        {
          id: "java",
          title: "Java",
          language: "Java",
          frameworks: ["Spring Boot"],
          summary: "Java track.",
        },
      ],
    },
    "stages.yaml": {
      stages: [
        {
          id: "foundation",
          order: 1,
          title: "Foundation",
          months: { from: 0, to: 3 },
          goals: ["Learn."],
        },
        { id: "core", order: 2, title: "Core", months: { from: 3, to: 6 }, goals: ["Build."] },
      ],
    },
    "skills/01-foundation.yaml": {
      skills: [skill("basics", "foundation"), skill("http-basics", "foundation", ["basics"])],
    },
    "skills/02-core.yaml": {
      skills: [
        skill("rest-api-design", "core", ["http-basics"]),
        skill("sql-crud", "core", ["basics"]),
      ],
    },
    "checks.yaml": {
      checks: [
        {
          id: "rest-api-check",
          kind: "skill-gap",
          title: "REST API",
          description: "Serves a REST API.",
          weight: 1,
          skills: ["rest-api-design"],
          criteria: [
            {
              fact: "rest_api",
              expect: { is: true },
              required: true,
              label: "api",
              nextStep: "Build one.",
            },
            {
              fact: "git.commits",
              expect: { min: 10 },
              label: "commits",
              nextStep: "Commit {value} more.",
            },
          ],
        },
      ],
    },
    "levels.yaml": {
      levels: [
        {
          id: "entry",
          order: 1,
          title: "Entry",
          summary: "Entry level.",
          criteria: [
            {
              id: "projects",
              description: "Two projects.",
              evidence: ["analysis"],
              measure: { type: "projects", min: 2, checks: ["rest-api-check"] },
            },
            {
              id: "skills",
              description: "Skills verified.",
              evidence: ["analysis", "endorsement"],
              measure: { type: "skills-verified", skills: ["sql-crud"], min: 1 },
            },
          ],
        },
      ],
    },
    "certifications.yaml": {
      certifications: [
        {
          id: "cert",
          title: "A certification",
          issuer: "Issuer",
          tracks: ["java"],
          levels: ["entry"],
          skills: ["basics"],
          validityMonths: 36,
          validityNote: "Valid for three years.",
          summary: "What it proves.",
        },
      ],
    },
    "growth.yaml": {
      dimensions: ["impact", "mastery", "collaboration"].map((id) => ({
        id,
        title: id,
        summary: `About ${id}.`,
        questions: ["A question?"],
        exampleEvidence: ["An example."],
      })),
    },
    "faq.yaml": { faq: [{ id: "q", question: "A question?", answer: "An answer." }] },
  };
}

export type ContentData = ReturnType<typeof minimalContent>;

export interface ContentFixture {
  readonly dir: string;
  cleanup(): void;
}

/**
 * Writes the minimal content, changed by `mutate`, to a new temp folder. `mutate` may also
 * return raw text per file to write instead (for YAML syntax errors) or `null` to leave it out.
 */
export function writeContent(
  mutate: (data: ContentData) => Record<string, string | null> | void = () => undefined,
): ContentFixture {
  const data = minimalContent();
  const raw = mutate(data) ?? {};
  const dir = mkdtempSync(join(tmpdir(), "devladder-content-"));
  const files: Record<string, unknown> = { ...data };
  for (const name of new Set([...Object.keys(files), ...Object.keys(raw)])) {
    const override = raw[name];
    if (override === null) continue;
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, override ?? stringify(files[name]));
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
