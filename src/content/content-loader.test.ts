import { afterEach, describe, expect, it } from "vitest";
import { DevladderError, type ErrorDetail } from "../errors.js";
import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadRoadmap, parseRoadmap } from "./content-loader.js";
import { GROWTH_DIMENSIONS, TRACK_IDS } from "./content.schema.js";
import { isFactId } from "./signals.js";
import {
  writeContent,
  type ContentData,
  type ContentFixture,
} from "./test-support/content-fixture.js";

const fixtures: ContentFixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.cleanup();
});

function fixture(mutate?: Parameters<typeof writeContent>[0]): string {
  const written = writeContent(mutate);
  fixtures.push(written);
  return written.dir;
}

/** Loads broken content and returns the problems it reports (failing if it loads). */
function problems(
  mutate: (data: ContentData) => Record<string, string | null> | void,
): ErrorDetail[] {
  const dir = fixture(mutate);
  try {
    loadRoadmap(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(DevladderError);
    expect((error as DevladderError).code).toBe("content_invalid");
    return [...(error as DevladderError).details];
  }
  throw new Error("expected the content to be rejected");
}

function only(details: ErrorDetail[]): ErrorDetail {
  expect(details).toHaveLength(1);
  return details[0] as ErrorDetail;
}

describe("the real roadmap content", () => {
  const roadmap = loadRoadmap();

  it("labels the CI criterion with what the ci fact measures: a pipeline, not that it tests", () => {
    const labels = roadmap.checks
      .flatMap((check) => check.criteria)
      .filter((criterion) => criterion.fact === "ci")
      .map((criterion) => criterion.label);
    expect(labels).toEqual(["a CI pipeline is set up"]);
  });

  it("has the guide's five stages in order, the last one open-ended", () => {
    expect(roadmap.stages.map((s) => s.order)).toEqual([1, 2, 3, 4, 5]);
    expect(roadmap.stages.map((s) => [s.months.from, s.months.to])).toEqual([
      [0, 3],
      [3, 6],
      [6, 9],
      [9, 12],
      [12, null],
    ]);
  });

  it("gives every track skills in every stage", () => {
    for (const track of TRACK_IDS) {
      for (const stage of roadmap.stages) {
        const count = roadmap.skills.filter(
          (s) => s.stage === stage.id && s.tracks.includes(track),
        ).length;
        expect(count, `${track} in ${stage.id}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("lists skills in stage order", () => {
    const order = new Map(roadmap.stages.map((s) => [s.id, s.order]));
    const orders = roadmap.skills.map((s) => order.get(s.stage) ?? 0);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  it("covers the skills the guide names, with language basics and a framework per track", () => {
    const ids = new Set(roadmap.skills.map((s) => s.id));
    for (const id of [
      "python-basics",
      "java-basics",
      "typescript-basics",
      "oop-principles",
      "data-structures",
      "rest-api-building",
      "git-branching",
      "sql-fundamentals",
      "nosql-mongodb",
      "django",
      "spring-boot",
      "fastify-nestjs",
      "unit-testing",
      "debugging",
      "docker-basics",
      "microservices",
      "api-security",
      "performance-optimization",
      "ci-cd",
      "cloud-deployment",
      "system-design-basics",
      "error-handling",
      "code-review",
      "api-contracts",
      "open-source-contribution",
      "certification-prep",
      "backend-trends",
    ]) {
      expect(ids, id).toContain(id);
    }
    expect(roadmap.skills.length).toBeGreaterThanOrEqual(35);
  });

  it("gives every skill three or more interview questions, an effort basis and known signals", () => {
    for (const skill of roadmap.skills) {
      expect(skill.questions.length, skill.id).toBeGreaterThanOrEqual(3);
      expect(skill.effort.basis.length, skill.id).toBeGreaterThan(10);
      for (const signal of skill.signals)
        expect(isFactId(signal), `${skill.id}: ${signal}`).toBe(true);
    }
  });

  it("has the four skill-gap checks and the four recruiter checks, each with a required criterion", () => {
    expect(roadmap.checks.filter((c) => c.kind === "skill-gap")).toHaveLength(4);
    expect(roadmap.checks.filter((c) => c.kind === "recruiter")).toHaveLength(4);
    for (const check of roadmap.checks) {
      expect(
        check.criteria.some((c) => c.required),
        check.id,
      ).toBe(true);
    }
    expect(roadmap.checks.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
  });

  it("has the four career levels, four certifications, three growth dimensions and five FAQ entries", () => {
    expect(roadmap.levels.map((l) => l.id)).toEqual([
      "entry",
      "senior",
      "tech-lead",
      "solution-architect",
    ]);
    expect(roadmap.certifications).toHaveLength(4);
    expect(roadmap.growth.map((g) => g.id)).toEqual([...GROWTH_DIMENSIONS]);
    expect(roadmap.faq).toHaveLength(5);
  });

  it("asks entry level for two or more complete projects", () => {
    const entry = roadmap.levels.find((l) => l.id === "entry");
    const projects = entry?.criteria.find((c) => c.measure.type === "projects");
    expect(projects?.measure).toMatchObject({ type: "projects", min: 2 });
  });

  it("has a version that is a short content hash, stable across loads", () => {
    expect(roadmap.version).toMatch(/^[0-9a-f]{12}$/);
    expect(loadRoadmap().version).toBe(roadmap.version);
  });

  it("is frozen so callers cannot change the shared roadmap", () => {
    expect(Object.isFrozen(roadmap.skills)).toBe(true);
    expect(Object.isFrozen(roadmap.skills[0])).toBe(true);
  });
});

describe("the build's snapshot of the content", () => {
  it("is used while it was made from exactly the files in the folder", () => {
    const dir = fixture();
    const snapshot = pathToFileURL(join(dir, "snapshot.json"));
    const parsed = parseRoadmap(dir);
    // A snapshot that differs from the YAML in a visible way, to tell which one was read.
    writeFileSync(snapshot, JSON.stringify({ ...parsed, faq: [] }));
    expect(loadRoadmap(dir, snapshot).faq).toEqual([]);
  });

  it("is ignored once a content file changes after the build", () => {
    const dir = fixture();
    const snapshot = pathToFileURL(join(dir, "snapshot.json"));
    const parsed = parseRoadmap(dir);
    writeFileSync(snapshot, JSON.stringify({ ...parsed, faq: [] }));
    appendFileSync(join(dir, "faq.yaml"), "# edited after the build\n");
    const loaded = loadRoadmap(dir, snapshot);
    expect(loaded.faq).toEqual(parsed.faq);
    expect(loaded.version).not.toBe(parsed.version);
  });
});

describe("loading a content folder", () => {
  it("loads the minimal fixture", () => {
    const roadmap = loadRoadmap(fixture());
    expect(roadmap.skills.map((s) => s.id)).toEqual([
      "basics",
      "http-basics",
      "rest-api-design",
      "sql-crud",
    ]);
  });

  it("puts skills into stage order whatever file they are written in", () => {
    const roadmap = loadRoadmap(
      fixture((data) => {
        const core = data["skills/02-core.yaml"].skills.pop();
        if (core) data["skills/01-foundation.yaml"].skills.unshift(core);
      }),
    );
    expect(roadmap.skills.map((s) => s.stage)).toEqual([
      "foundation",
      "foundation",
      "core",
      "core",
    ]);
  });

  it("changes the version when the content changes", () => {
    const before = loadRoadmap(fixture()).version;
    const after = loadRoadmap(
      fixture((data) => {
        data["faq.yaml"].faq[0]!.answer = "A different answer.";
      }),
    ).version;
    expect(after).not.toBe(before);
  });

  it("rejects a folder that does not exist", () => {
    expect(() => loadRoadmap("/nonexistent/devladder-content")).toThrow(/content folder not found/);
  });

  it("reports a missing file", () => {
    const detail = only(problems(() => ({ "faq.yaml": null })));
    expect(detail.where).toBe("faq.yaml");
    expect(detail.problem).toBe("file is missing");
  });

  it("reports a YAML syntax error with its line and column", () => {
    const detail = only(
      problems(() => ({ "faq.yaml": "faq:\n  - id: q\n    question: [unclosed\n" })),
    );
    expect(detail.where).toMatch(/^faq\.yaml:\d+:\d+$/);
    expect(detail.problem).toMatch(/^YAML syntax: /);
  });

  it("reports a schema problem with file, path, line and the accepted values", () => {
    const detail = only(
      problems((data) => {
        data["skills/02-core.yaml"].skills[1]!.tracks = ["python", "ruby"];
      }),
    );
    expect(detail.where).toBe("skills/02-core.yaml#skills[1].tracks[1]");
    expect(detail.problem).toMatch(/\(line \d+\)$/);
    expect(detail.accepted).toBe("one of: python, java, node");
  });

  it("reports a missing required field and an unknown key", () => {
    const details = problems((data) => {
      const skill = data["skills/01-foundation.yaml"].skills[0] as Record<string, unknown>;
      delete skill["effort"];
      skill["level"] = "easy";
    });
    expect(details.map((d) => d.where).sort()).toEqual([
      "skills/01-foundation.yaml#skills[0]",
      "skills/01-foundation.yaml#skills[0].effort",
    ]);
    expect(details.find((d) => d.where.endsWith(".effort"))?.problem).toMatch(/^is missing/);
    expect(details.find((d) => d.where.endsWith("[0]"))?.problem).toMatch(/^unknown key 'level'/);
  });

  it("reports every problem at once, not just the first", () => {
    const details = problems((data) => {
      data["skills/02-core.yaml"].skills[0]!.prerequisites = ["no-such-skill"];
      data["checks.yaml"].checks[0]!.skills = ["missing-skill"];
      data["certifications.yaml"].certifications[0]!.levels = ["principal"];
    });
    expect(details.map((d) => d.where)).toEqual([
      "skills/02-core.yaml#skills[0].prerequisites[0]",
      "checks.yaml#checks[0].skills[0]",
      "certifications.yaml#certifications[0].levels[0]",
    ]);
  });
});

describe("cross-reference validation", () => {
  it("rejects a duplicate skill id and says where it was first defined", () => {
    const detail = only(
      problems((data) => {
        data["skills/02-core.yaml"].skills.push({
          ...data["skills/01-foundation.yaml"].skills[0]!,
        });
      }),
    );
    expect(detail.where).toBe("skills/02-core.yaml#skills[2].id");
    expect(detail.problem).toMatch(
      /^duplicate skill 'basics', first defined at skills\/01-foundation\.yaml#skills\[0\]\.id \(line \d+\)$/,
    );
    expect(detail.accepted).toBe("a skill not used before");
  });

  it("rejects duplicate check, level and FAQ ids", () => {
    const details = problems((data) => {
      data["checks.yaml"].checks.push({ ...data["checks.yaml"].checks[0]! });
      data["faq.yaml"].faq.push({ id: "q", question: "Again?", answer: "Again." });
    });
    expect(details.map((d) => [d.where, d.problem.split(",")[0]])).toEqual([
      ["checks.yaml#checks[1].id", "duplicate check 'rest-api-check'"],
      ["faq.yaml#faq[1].id", "duplicate FAQ 'q'"],
    ]);
  });

  it("rejects an unknown prerequisite and suggests the closest skill id", () => {
    const detail = only(
      problems((data) => {
        data["skills/02-core.yaml"].skills[0]!.prerequisites = ["http-basic"];
      }),
    );
    expect(detail.where).toBe("skills/02-core.yaml#skills[0].prerequisites[0]");
    expect(detail.problem).toMatch(/^unknown prerequisite 'http-basic'/);
    expect(detail.accepted).toBe("a skill id defined in skills/*.yaml, such as 'http-basics'");
  });

  it("rejects an unknown skill id in a check", () => {
    const detail = only(
      problems((data) => {
        data["checks.yaml"].checks[0]!.skills = ["rest-api-desing"];
      }),
    );
    expect(detail.where).toBe("checks.yaml#checks[0].skills[0]");
    expect(detail.problem).toMatch(/^unknown skill id 'rest-api-desing'/);
    expect(detail.accepted).toBe("a skill id defined in skills/*.yaml, such as 'rest-api-design'");
  });

  it("rejects a prerequisite cycle and names it", () => {
    const detail = only(
      problems((data) => {
        data["skills/01-foundation.yaml"].skills[0]!.prerequisites = ["http-basics"];
      }),
    );
    expect(detail.where).toBe("skills/01-foundation.yaml#skills[0].prerequisites[0]");
    expect(detail.problem).toMatch(/^prerequisite cycle: basics -> http-basics -> basics/);
  });

  it("names a longer cycle once, starting from its smallest id", () => {
    const details = problems((data) => {
      const [design, sql] = data["skills/02-core.yaml"].skills;
      design!.prerequisites = ["sql-crud"];
      sql!.prerequisites = ["rest-api-design"];
      design!.stage = "foundation";
      sql!.stage = "foundation";
    });
    expect(details.map((d) => d.problem.replace(/ \(line \d+\)$/, ""))).toEqual([
      "prerequisite cycle: rest-api-design -> sql-crud -> rest-api-design",
    ]);
  });

  it("rejects a prerequisite placed in a later stage than its dependant", () => {
    const detail = only(
      problems((data) => {
        data["skills/01-foundation.yaml"].skills[1]!.prerequisites = ["sql-crud"];
      }),
    );
    expect(detail.where).toBe("skills/01-foundation.yaml#skills[1].prerequisites[0]");
    expect(detail.problem).toMatch(
      /^prerequisite 'sql-crud' is in the later stage 'core' \(stage 2\)/,
    );
    expect(detail.accepted).toBe("a skill from stage 1 or earlier");
  });

  it("rejects a prerequisite that does not apply to every track of its dependant", () => {
    const details = problems((data) => {
      data["skills/01-foundation.yaml"].skills[0]!.tracks = ["python"];
    });
    expect(details.map((d) => d.where)).toEqual([
      "skills/01-foundation.yaml#skills[1].prerequisites[0]",
      "skills/02-core.yaml#skills[1].prerequisites[0]",
    ]);
    const detail = details[0] as ErrorDetail;
    expect(detail.problem).toMatch(/^prerequisite 'basics' does not apply to track\(s\) java/);
    expect(detail.accepted).toBe("a prerequisite whose tracks include python, java");
  });

  it("rejects a track that no skill uses", () => {
    const detail = only(
      problems((data) => {
        for (const file of ["skills/01-foundation.yaml", "skills/02-core.yaml"] as const) {
          for (const skill of data[file].skills) skill.tracks = ["python"];
        }
        data["certifications.yaml"].certifications[0]!.tracks = ["python"];
      }),
    );
    expect(detail.where).toBe("tracks.yaml#tracks[1]");
    expect(detail.problem).toMatch(/^track 'java' is declared but no skill applies to it/);
  });

  it("rejects a check whose criteria name an unknown signal", () => {
    const detail = only(
      problems((data) => {
        data["checks.yaml"].checks[0]!.criteria[0]!.fact = "rest_apis";
      }),
    );
    expect(detail.where).toBe("checks.yaml#checks[0].criteria[0].fact");
    expect(detail.problem).toMatch(/^unknown signal 'rest_apis'/);
    expect(detail.accepted).toMatch(
      /^did you mean 'rest_api'\? one of: rest_api, http_endpoints, /,
    );
    expect(detail.accepted).toContain("git.commits");
  });

  it("rejects a criterion whose expectation does not fit the fact's type", () => {
    const detail = only(
      problems((data) => {
        data["checks.yaml"].checks[0]!.criteria[1]!.expect = { is: true };
      }),
    );
    expect(detail.where).toBe("checks.yaml#checks[0].criteria[1].expect");
    expect(detail.problem).toMatch(/^'git.commits' is a number fact/);
    expect(detail.accepted).toBe("{ min: N } or { max: N }");
  });

  it("rejects a criterion to be met after a fact no check tests, or after its own", () => {
    const details = problems((data) => {
      Object.assign(data["checks.yaml"].checks[0]!.criteria[1]!, { after: "caching" });
      Object.assign(data["checks.yaml"].checks[0]!.criteria[0]!, { after: "rest_api" });
    });
    expect(details.map((d) => d.where)).toEqual([
      "checks.yaml#checks[0].criteria[0].after",
      "checks.yaml#checks[0].criteria[1].after",
    ]);
    expect(details[1]?.problem).toMatch(
      /^'caching' is not the fact of another criterion of the checks/,
    );
    expect(details[1]?.accepted).toMatch(/^one of: rest_api/);
  });

  it("rejects a gated criterion that names no fact to wait for", () => {
    const detail = only(
      problems((data) => {
        Object.assign(data["checks.yaml"].checks[0]!.criteria[1]!, { gated: true });
      }),
    );
    expect(detail.where).toBe("checks.yaml#checks[0].criteria[1].gated");
    expect(detail.accepted).toBe("an `after` fact beside it");
  });

  it("rejects an unknown signal on a skill", () => {
    const detail = only(
      problems((data) => {
        data["skills/01-foundation.yaml"].skills[0]!.signals = ["docker"];
      }),
    );
    expect(detail.where).toBe("skills/01-foundation.yaml#skills[0].signals[0]");
    expect(detail.problem).toMatch(/^unknown signal 'docker'/);
  });

  it("rejects a skill in an unknown stage", () => {
    const detail = only(
      problems((data) => {
        data["skills/02-core.yaml"].skills[1]!.stage = "advanced";
      }),
    );
    expect(detail.where).toBe("skills/02-core.yaml#skills[1].stage");
    expect(detail.accepted).toBe("one of: foundation, core");
  });

  it("rejects unknown checks, skills and facts in level measures", () => {
    const details = problems((data) => {
      const [projects, skills] = data["levels.yaml"].levels[0]!.criteria;
      projects!.measure = { type: "projects", min: 2, checks: ["sql-check"] };
      skills!.measure = { type: "skills-verified", skills: ["docker"], min: 2 };
    });
    expect(details.map((d) => [d.where, d.problem.replace(/ \(line \d+\)$/, "")])).toEqual([
      ["levels.yaml#levels[0].criteria[0].measure.checks[0]", "unknown check 'sql-check'"],
      ["levels.yaml#levels[0].criteria[1].measure.skills[0]", "unknown skill id 'docker'"],
      [
        "levels.yaml#levels[0].criteria[1].measure.min",
        "asks for 2 verified skills but lists only 1",
      ],
    ]);
    expect(details[0]?.accepted).toBe("one of: rest-api-check");
  });

  it("rejects unknown skills, levels and tracks in a certification", () => {
    const details = problems((data) => {
      const cert = data["certifications.yaml"].certifications[0]!;
      cert.skills = ["aws"];
      cert.levels = ["senior"];
    });
    expect(details.map((d) => d.where)).toEqual([
      "certifications.yaml#certifications[0].levels[0]",
      "certifications.yaml#certifications[0].skills[0]",
    ]);
    expect(details[0]?.accepted).toBe("one of: entry");
  });

  it("rejects a stage whose month window ends before it starts", () => {
    const detail = only(
      problems((data) => {
        data["stages.yaml"].stages[1]!.months = { from: 3, to: 2 };
      }),
    );
    expect(detail.where).toBe("stages.yaml#stages[1].months.to");
  });
});
