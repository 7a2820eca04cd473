/**
 * Cross-reference checks over roadmap content that already matches the zod schema: ids are
 * unique, every reference points at something that exists, prerequisites form no cycle and never
 * sit in a later stage or on fewer tracks than the skill that needs them, and every fact named
 * by a skill, check or level is one the analyzer reports.
 *
 * Pure: it returns every problem as an ErrorDetail whose `where` is `<file>#<path>`; the loader
 * adds line numbers and throws.
 */
import type { ErrorDetail } from "../errors.js";
import { closestIds } from "./closest-ids.js";
import type {
  Certification,
  Check,
  Criterion,
  FaqEntry,
  GrowthDimension,
  Level,
  LevelMeasure,
  Skill,
  Stage,
  Track,
} from "./content.schema.js";
import { FACTS, FACT_IDS, isFactId } from "./signals.js";

/** A skill together with where it was written, so problems can point at the file. */
export interface SkillEntry {
  /** path relative to the content folder, e.g. `skills/02-core-skills.yaml` */
  readonly file: string;
  readonly index: number;
  readonly skill: Skill;
}

/** Schema-valid content, not yet cross-checked. */
export interface ContentDraft {
  readonly tracks: readonly Track[];
  readonly stages: readonly Stage[];
  readonly skills: readonly SkillEntry[];
  readonly checks: readonly Check[];
  readonly levels: readonly Level[];
  readonly certifications: readonly Certification[];
  readonly growth: readonly GrowthDimension[];
  readonly faq: readonly FaqEntry[];
}

export function validateContent(draft: ContentDraft): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const report = (where: string, problem: string, accepted?: string) =>
    problems.push(accepted === undefined ? { where, problem } : { where, problem, accepted });

  const skillWhere = (entry: SkillEntry, rest = "") =>
    `${entry.file}#skills[${entry.index}]${rest}`;

  // Unique ids, per kind of thing.
  checkUnique(
    draft.tracks,
    (t) => t.id,
    (i) => `tracks.yaml#tracks[${i}].id`,
    "track",
    report,
  );
  checkUnique(
    draft.stages,
    (s) => s.id,
    (i) => `stages.yaml#stages[${i}].id`,
    "stage",
    report,
  );
  checkUnique(
    draft.stages,
    (s) => String(s.order),
    (i) => `stages.yaml#stages[${i}].order`,
    "stage order",
    report,
  );
  checkUnique(
    draft.skills,
    (e) => e.skill.id,
    (i) => skillWhere(draft.skills[i] as SkillEntry, ".id"),
    "skill",
    report,
  );
  checkUnique(
    draft.checks,
    (c) => c.id,
    (i) => `checks.yaml#checks[${i}].id`,
    "check",
    report,
  );
  checkUnique(
    draft.levels,
    (l) => l.id,
    (i) => `levels.yaml#levels[${i}].id`,
    "level",
    report,
  );
  checkUnique(
    draft.levels,
    (l) => String(l.order),
    (i) => `levels.yaml#levels[${i}].order`,
    "level order",
    report,
  );
  draft.levels.forEach((level, li) =>
    checkUnique(
      level.criteria,
      (c) => c.id,
      (ci) => `levels.yaml#levels[${li}].criteria[${ci}].id`,
      `criterion of level '${level.id}'`,
      report,
    ),
  );
  checkUnique(
    draft.certifications,
    (c) => c.id,
    (i) => `certifications.yaml#certifications[${i}].id`,
    "certification",
    report,
  );
  checkUnique(
    draft.growth,
    (g) => g.id,
    (i) => `growth.yaml#dimensions[${i}].id`,
    "growth dimension",
    report,
  );
  checkUnique(
    draft.faq,
    (f) => f.id,
    (i) => `faq.yaml#faq[${i}].id`,
    "FAQ",
    report,
  );

  const trackIds = new Set<string>(draft.tracks.map((t) => t.id));
  const stageById = new Map(draft.stages.map((s) => [s.id, s]));
  const skillById = new Map(draft.skills.map((e) => [e.skill.id, e]));
  const checkIds = new Set(draft.checks.map((c) => c.id));
  const levelIds = new Set(draft.levels.map((l) => l.id));
  const trackList = [...trackIds].join(", ");
  const stageList = draft.stages.map((s) => s.id).join(", ");

  const skillRef = (id: string) => {
    const near = closestIds(id, skillById.keys(), 1)[0];
    return near
      ? `a skill id defined in skills/*.yaml, such as '${near}'`
      : "a skill id defined in skills/*.yaml";
  };
  const checkSkillRefs = (ids: readonly string[], where: (i: number) => string) =>
    ids.forEach((id, i) => {
      if (!skillById.has(id)) report(where(i), `unknown skill id '${id}'`, skillRef(id));
    });
  const checkTrackRefs = (ids: readonly string[], where: (i: number) => string) =>
    ids.forEach((id, i) => {
      if (!trackIds.has(id))
        report(where(i), `track '${id}' is not declared in tracks.yaml`, `one of: ${trackList}`);
    });

  // Stages: a sensible month window.
  draft.stages.forEach((stage, i) => {
    if (stage.months.to !== null && stage.months.to <= stage.months.from) {
      report(
        `stages.yaml#stages[${i}].months.to`,
        `ends at month ${stage.months.to}, not after its start (month ${stage.months.from})`,
        `a month after ${stage.months.from}, or null for an open-ended stage`,
      );
    }
  });

  // Skills: stage, tracks, signals, prerequisites.
  for (const entry of draft.skills) {
    const { skill } = entry;
    const stage = stageById.get(skill.stage);
    if (!stage) {
      report(skillWhere(entry, ".stage"), `unknown stage '${skill.stage}'`, `one of: ${stageList}`);
    }
    checkTrackRefs(skill.tracks, (i) => skillWhere(entry, `.tracks[${i}]`));
    skill.signals.forEach((signal, i) => {
      if (!isFactId(signal)) {
        report(skillWhere(entry, `.signals[${i}]`), `unknown signal '${signal}'`, factList(signal));
      }
    });
    skill.prerequisites.forEach((prereqId, i) => {
      const where = skillWhere(entry, `.prerequisites[${i}]`);
      const prereq = skillById.get(prereqId);
      if (!prereq) {
        report(where, `unknown prerequisite '${prereqId}'`, skillRef(prereqId));
        return;
      }
      const prereqStage = stageById.get(prereq.skill.stage);
      if (stage && prereqStage && prereqStage.order > stage.order) {
        report(
          where,
          `prerequisite '${prereqId}' is in the later stage '${prereqStage.id}' (stage ${prereqStage.order}); ` +
            `'${skill.id}' is in '${stage.id}' (stage ${stage.order})`,
          `a skill from stage ${stage.order} or earlier`,
        );
      }
      const missing = skill.tracks.filter((t) => !prereq.skill.tracks.includes(t));
      if (missing.length > 0) {
        report(
          where,
          `prerequisite '${prereqId}' does not apply to track(s) ${missing.join(", ")}, which '${skill.id}' applies to`,
          `a prerequisite whose tracks include ${skill.tracks.join(", ")}`,
        );
      }
    });
  }
  for (const cycle of findCycles(draft.skills, skillById)) {
    const first = skillById.get(cycle[0] as string) as SkillEntry;
    const edge = first.skill.prerequisites.indexOf(cycle[1] as string);
    report(
      skillWhere(first, `.prerequisites[${edge}]`),
      `prerequisite cycle: ${cycle.join(" -> ")}`,
      "prerequisites that never lead back to the skill itself",
    );
  }

  // Tracks that nothing uses would give learners an empty roadmap.
  draft.tracks.forEach((track, i) => {
    if (!draft.skills.some((e) => e.skill.tracks.includes(track.id))) {
      report(
        `tracks.yaml#tracks[${i}]`,
        `track '${track.id}' is declared but no skill applies to it`,
        "a track listed in the tracks of at least one skill (or remove the track)",
      );
    }
  });

  // Checks: skills and criteria facts, with an expectation that fits the fact's type.
  const allCriteria = draft.checks.flatMap((check) => check.criteria);
  draft.checks.forEach((check, ci) => {
    checkSkillRefs(check.skills, (i) => `checks.yaml#checks[${ci}].skills[${i}]`);
    check.criteria.forEach((criterion, i) => {
      const where = `checks.yaml#checks[${ci}].criteria[${i}]`;
      checkCriterion(criterion, where, report);
      checkAfter(criterion, allCriteria, where, report);
    });
  });

  // Levels: what each measure names must exist.
  draft.levels.forEach((level, li) =>
    level.criteria.forEach((criterion, ci) =>
      checkMeasure(criterion.measure, `levels.yaml#levels[${li}].criteria[${ci}].measure`, {
        report,
        checkIds,
        checkSkillRefs,
      }),
    ),
  );

  // Certifications: tracks, levels and skills.
  draft.certifications.forEach((cert, ci) => {
    const base = `certifications.yaml#certifications[${ci}]`;
    checkTrackRefs(cert.tracks, (i) => `${base}.tracks[${i}]`);
    cert.levels.forEach((id, i) => {
      if (!levelIds.has(id)) {
        report(
          `${base}.levels[${i}]`,
          `unknown level '${id}'`,
          `one of: ${[...levelIds].join(", ")}`,
        );
      }
    });
    checkSkillRefs(cert.skills, (i) => `${base}.skills[${i}]`);
  });

  return problems;
}

type Report = (where: string, problem: string, accepted?: string) => void;

function checkUnique<T>(
  items: readonly T[],
  key: (item: T) => string,
  where: (index: number) => string,
  kind: string,
  report: Report,
): void {
  const firstAt = new Map<string, number>();
  items.forEach((item, i) => {
    const id = key(item);
    const first = firstAt.get(id);
    if (first === undefined) {
      firstAt.set(id, i);
    } else {
      report(
        where(i),
        `duplicate ${kind} '${id}', first defined at ${where(first)}`,
        `a ${kind} not used before`,
      );
    }
  });
}

function factList(wanted: string): string {
  const near = closestIds(wanted, FACT_IDS, 1)[0];
  return `${near ? `did you mean '${near}'? ` : ""}one of: ${FACT_IDS.join(", ")}`;
}

function checkCriterion(criterion: Criterion, where: string, report: Report): void {
  if (!isFactId(criterion.fact)) {
    report(`${where}.fact`, `unknown signal '${criterion.fact}'`, factList(criterion.fact));
    return;
  }
  const type = FACTS[criterion.fact].type;
  const expect = criterion.expect;
  const fits =
    ("is" in expect && type === "boolean") ||
    (("min" in expect || "max" in expect) && type === "number") ||
    // A list is measured by its length: { max: 0 } reads "none at all".
    (("nonEmpty" in expect || "max" in expect) && type === "list");
  if (!fits) {
    report(
      `${where}.expect`,
      `'${criterion.fact}' is a ${type} fact and cannot be tested with ${Object.keys(expect).join(", ")}`,
      type === "boolean"
        ? "{ is: true|false }"
        : type === "number"
          ? "{ min: N } or { max: N }"
          : "{ nonEmpty: true } or { max: N } (at most N entries)",
    );
  }
}

/** `after` names a fact, other than its own, that some check's criterion tests. */
function checkAfter(
  criterion: Criterion,
  allCriteria: readonly Criterion[],
  where: string,
  report: Report,
): void {
  if (criterion.after === undefined) {
    if (criterion.gated === true) {
      report(`${where}.gated`, "gated needs the fact it waits for", "an `after` fact beside it");
    }
    return;
  }
  const others = [...new Set(allCriteria.map((c) => c.fact))].filter((f) => f !== criterion.fact);
  if (!others.includes(criterion.after)) {
    report(
      `${where}.after`,
      `'${criterion.after}' is not the fact of another criterion of the checks`,
      `one of: ${others.join(", ")}`,
    );
  }
}

function checkMeasure(
  measure: LevelMeasure,
  where: string,
  ctx: {
    report: Report;
    checkIds: ReadonlySet<string>;
    checkSkillRefs: (ids: readonly string[], where: (i: number) => string) => void;
  },
): void {
  switch (measure.type) {
    case "projects":
      measure.checks.forEach((id, i) => {
        if (!ctx.checkIds.has(id)) {
          ctx.report(
            `${where}.checks[${i}]`,
            `unknown check '${id}'`,
            `one of: ${[...ctx.checkIds].join(", ")}`,
          );
        }
      });
      return;
    case "skills-verified":
      ctx.checkSkillRefs(measure.skills, (i) => `${where}.skills[${i}]`);
      if (measure.min > measure.skills.length) {
        ctx.report(
          `${where}.min`,
          `asks for ${measure.min} verified skills but lists only ${measure.skills.length}`,
          `a number from 1 to ${measure.skills.length}`,
        );
      }
      return;
    case "fact":
      if (!isFactId(measure.fact)) {
        ctx.report(`${where}.fact`, `unknown signal '${measure.fact}'`, factList(measure.fact));
      }
      return;
    case "growth":
    case "endorsements":
    case "certifications":
      return;
  }
}

/** Every distinct prerequisite cycle, each rotated to start at its smallest id and closed (a -> b -> a). */
function findCycles(
  skills: readonly SkillEntry[],
  byId: ReadonlyMap<string, SkillEntry>,
): string[][] {
  const state = new Map<string, "active" | "done">();
  const stack: string[] = [];
  const seen = new Set<string>();
  const cycles: string[][] = [];

  const visit = (id: string): void => {
    state.set(id, "active");
    stack.push(id);
    for (const next of byId.get(id)?.skill.prerequisites ?? []) {
      if (!byId.has(next)) continue;
      const nextState = state.get(next);
      if (nextState === "active") {
        const loop = stack.slice(stack.indexOf(next));
        const start = loop.indexOf([...loop].sort()[0] as string);
        const rotated = [...loop.slice(start), ...loop.slice(0, start)];
        const key = rotated.join(" ");
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...rotated, rotated[0] as string]);
        }
      } else if (nextState === undefined) {
        visit(next);
      }
    }
    stack.pop();
    state.set(id, "done");
  };

  for (const entry of skills) {
    if (!state.has(entry.skill.id)) visit(entry.skill.id);
  }
  return cycles;
}
