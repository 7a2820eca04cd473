/**
 * Loads the roadmap from `content/`: reads every YAML file, checks it against the zod schema,
 * cross-checks references (content-validate.ts) and returns the Roadmap in stage order.
 *
 * A broken content folder throws one DevladderError("content_invalid") listing every problem
 * found, each as `<file>#<path>` with its line where the YAML has one, so an author can fix them
 * all in one pass. Cross-reference checks only run once every file matches the schema: with a
 * file missing or malformed, they would mostly report echoes of that first problem.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { LineCounter, isNode, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { DevladderError, type ErrorDetail } from "../errors.js";
import { contentFiles, skillFileSchema, type Roadmap, type Skill } from "./content.schema.js";
import { validateContent, type ContentDraft, type SkillEntry } from "./content-validate.js";
import {
  CONTENT_FILE_NAMES,
  SKILLS_DIR,
  defaultContentDir,
  skillFileNames,
  type ContentFileName,
} from "./content-files.js";
import { SNAPSHOT_URL, contentVersion, deepFreeze, readSnapshot } from "./roadmap-snapshot.js";

type ParsedFiles = { [K in ContentFileName]: z.infer<(typeof contentFiles)[K]> };

/** The roadmap in `dir`: the build's snapshot when it is current (roadmap-snapshot.ts), else parsed. */
export function loadRoadmap(
  dir: string = defaultContentDir(),
  snapshot: URL | null = dir === defaultContentDir() ? SNAPSHOT_URL : null,
): Roadmap {
  return (snapshot && readSnapshot(dir, snapshot)) || parseRoadmap(dir);
}

interface SourceFile {
  /** relative to the content folder, with forward slashes */
  readonly name: string;
  readonly text: string;
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** Reads, checks and cross-checks the YAML content in `dir`, reporting every problem found. */
export function parseRoadmap(dir: string): Roadmap {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DevladderError("content_invalid", `content folder not found: ${dir}`, [
      {
        where: dir,
        problem: "is not a folder",
        accepted: "a folder with tracks.yaml, stages.yaml, … and skills/*.yaml",
      },
    ]);
  }
  const problems: ErrorDetail[] = [];
  const sources = new Map<string, SourceFile>();

  const read = (name: string): SourceFile | undefined => {
    const path = join(dir, name);
    if (!existsSync(path)) {
      problems.push({
        where: name,
        problem: "file is missing",
        accepted: `a YAML file at ${path}`,
      });
      return undefined;
    }
    const text = readFileSync(path, "utf8");
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
    const source = { name, text, doc, lines };
    sources.set(name, source);
    for (const error of doc.errors) {
      const pos = error.linePos?.[0];
      problems.push({
        where: pos ? `${name}:${pos.line}:${pos.col}` : name,
        problem: `YAML syntax: ${error.message.split("\n")[0] ?? error.code}`,
        accepted: "well-formed YAML",
      });
    }
    return doc.errors.length > 0 ? undefined : source;
  };

  const parse = <S extends z.ZodType>(
    source: SourceFile | undefined,
    schema: S,
  ): z.infer<S> | undefined => {
    if (!source) return undefined;
    const result = schema.safeParse(source.doc.toJS());
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      problems.push({
        where: `${source.name}#${formatPath(path)}`,
        problem: withLine(source, path, problemOf(issue)),
        accepted: acceptedOf(issue),
      });
    }
    return undefined;
  };

  const parsed: Partial<ParsedFiles> = {};
  for (const name of CONTENT_FILE_NAMES) {
    Object.assign(parsed, { [name]: parse(read(name), contentFiles[name]) });
  }

  const skills: SkillEntry[] = [];
  const skillFiles = skillFileNames(dir);
  if (skillFiles.length === 0) {
    problems.push({
      where: `${SKILLS_DIR}/`,
      problem: "no skill files found",
      accepted: "one or more skills/*.yaml files with a `skills:` list",
    });
  }
  let skillFilesOk = true;
  for (const name of skillFiles) {
    const data = parse(read(name), skillFileSchema);
    if (!data) {
      skillFilesOk = false;
      continue;
    }
    data.skills.forEach((skill: Skill, index) => skills.push({ file: name, index, skill }));
  }

  const complete = isComplete(parsed);
  if (problems.length === 0 && complete && skillFilesOk) {
    const draft: ContentDraft = {
      tracks: parsed["tracks.yaml"].tracks,
      stages: parsed["stages.yaml"].stages,
      skills,
      checks: parsed["checks.yaml"].checks,
      levels: parsed["levels.yaml"].levels,
      certifications: parsed["certifications.yaml"].certifications,
      growth: parsed["growth.yaml"].dimensions,
      faq: parsed["faq.yaml"].faq,
    };
    for (const detail of validateContent(draft)) problems.push(locate(detail, sources));
    if (problems.length === 0) return assemble(draft, sources);
  }

  throw new DevladderError(
    "content_invalid",
    `the roadmap content in ${dir} is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"})`,
    problems,
  );
}

function isComplete(parsed: Partial<ParsedFiles>): parsed is ParsedFiles {
  return CONTENT_FILE_NAMES.every((name) => parsed[name] !== undefined);
}

function assemble(draft: ContentDraft, sources: ReadonlyMap<string, SourceFile>): Roadmap {
  const stages = [...draft.stages].sort((a, b) => a.order - b.order);
  const stageOrder = new Map(stages.map((s) => [s.id, s.order]));
  // Array.prototype.sort is stable, so skills keep file order within a stage.
  const skills = draft.skills
    .map((e) => e.skill)
    .sort((a, b) => (stageOrder.get(a.stage) ?? 0) - (stageOrder.get(b.stage) ?? 0));
  return deepFreeze({
    version: contentVersion(new Map([...sources].map(([name, source]) => [name, source.text]))),
    tracks: draft.tracks,
    stages,
    skills,
    checks: draft.checks,
    levels: [...draft.levels].sort((a, b) => a.order - b.order),
    certifications: draft.certifications,
    growth: draft.growth,
    faq: draft.faq,
  });
}

/** `skills[3].effort.hours` */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const part of path) {
    out += typeof part === "number" ? `[${part}]` : out === "" ? part : `.${part}`;
  }
  return out === "" ? "(top level)" : out;
}

/** Parses `skills[3].effort.hours` back into YAML path segments. */
function parsePath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) parts.push(Number(match[2]));
    else if (match[1] !== undefined) parts.push(match[1]);
  }
  return parts;
}

/** The line of the deepest node on `path` that exists in the document. */
function lineOf(source: SourceFile, path: readonly (string | number)[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node: unknown = source.doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return source.lines.linePos(node.range[0]).line;
  }
  return undefined;
}

function withLine(source: SourceFile, path: readonly (string | number)[], problem: string): string {
  const line = lineOf(source, path);
  return line === undefined ? problem : `${problem} (line ${line})`;
}

function locate(detail: ErrorDetail, sources: ReadonlyMap<string, SourceFile>): ErrorDetail {
  const [file, path] = detail.where.split("#", 2);
  const source = file === undefined ? undefined : sources.get(file);
  if (!source || path === undefined) return detail;
  return { ...detail, problem: withLine(source, parsePath(path), detail.problem) };
}

function problemOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    return `unknown key${issue.keys.length === 1 ? "" : "s"} ${issue.keys.map((k) => `'${k}'`).join(", ")}`;
  }
  if (issue.code === "invalid_type" && issue.input === undefined) return "is missing";
  return issue.message;
}

function acceptedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_value":
      return `one of: ${issue.values.map((v) => String(v)).join(", ")}`;
    case "invalid_type":
      return `a value of type ${issue.expected}`;
    case "too_small":
      return issue.origin === "array"
        ? `a list with at least ${String(issue.minimum)} entr${issue.minimum === 1 ? "y" : "ies"}`
        : `${issue.inclusive === false ? "more than" : "at least"} ${String(issue.minimum)}`;
    case "too_big":
      return issue.origin === "array"
        ? `a list with at most ${String(issue.maximum)} entries`
        : `${issue.inclusive === false ? "less than" : "at most"} ${String(issue.maximum)}`;
    case "unrecognized_keys":
      return "only the keys described in src/content/content.schema.ts";
    case "invalid_format":
      return issue.pattern ? `text matching ${issue.pattern}` : `a valid ${issue.format}`;
    case "invalid_union":
      return "one of the forms described in src/content/content.schema.ts";
    case "not_multiple_of":
      return `a multiple of ${String(issue.divisor)}`;
    case "invalid_key":
    case "invalid_element":
    case "custom":
      return "see src/content/content.schema.ts";
  }
}
