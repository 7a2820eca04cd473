import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeContent, type ContentFixture } from "../../content/test-support/content-fixture.js";
import { assertCliBuilt, BUILT_CLI, runCli } from "../test-support/run-cli.js";

beforeAll(() => assertCliBuilt());

/** Start of an ANSI escape sequence: what colour output contains and plain output must not. */
const ANSI = "\u001b[";

describe("devladder roadmap", () => {
  it("prints every stage and skill as a tree", () => {
    const { code, stdout, stderr } = runCli(["roadmap"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    for (const stage of [
      "Foundation",
      "Core Skills",
      "Practical Application",
      "Advanced Skills",
      "Career Growth",
    ]) {
      expect(stdout).toContain(stage);
    }
    expect(stdout).toMatch(/├─ python-basics +Python programming basics/);
    expect(stdout).toContain("spring-boot");
    expect(stdout).not.toContain(ANSI);
  });

  it("stops quietly when the reader closes the pipe before the output is written", () => {
    // `true` exits without reading, so every write meets a closed pipe (EPIPE).
    const shell = spawnSync(
      "bash",
      [
        "-c",
        `"$0" "$1" roadmap --json | true; echo "exit \${PIPESTATUS[0]}"`,
        process.execPath,
        BUILT_CLI,
      ],
      { encoding: "utf8" },
    );
    expect(shell.stderr).toBe("");
    expect(shell.stdout.trim()).toBe("exit 0");
  });

  it("colours the tree when colour is forced, and not by default when piped", () => {
    const coloured = runCli(["roadmap", "--stage", "1"], {
      env: { NO_COLOR: "", FORCE_COLOR: "1" },
    });
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toContain(`${ANSI}1m`);
    expect(runCli(["roadmap", "--stage", "1"]).stdout).not.toContain(ANSI);
  });

  it("shows only one track's skills with --track", () => {
    const { code, stdout } = runCli(["roadmap", "--track", "java"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Java with Spring Boot");
    expect(stdout).toContain("spring-boot");
    expect(stdout).not.toContain("python-basics");
    expect(stdout).not.toContain("django");
  });

  it("shows one stage with --stage, by number or id", () => {
    const byNumber = runCli(["roadmap", "--stage", "2"]);
    expect(byNumber.code).toBe(0);
    expect(byNumber.stdout).toContain("Stage 2 · Core Skills");
    expect(byNumber.stdout).not.toContain("Stage 1");
    expect(byNumber.stdout).not.toContain("Stage 3");
    expect(runCli(["roadmap", "--stage", "core-skills"]).stdout).toBe(byNumber.stdout);
  });

  it("prints machine-readable JSON with --json", () => {
    const { code, stdout } = runCli(["roadmap", "--track", "node", "--stage", "3", "--json"]);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as {
      version: string;
      track: string;
      stages: { id: string; skills: { id: string; tracks: string[] }[] }[];
    };
    expect(parsed.version).toMatch(/^[0-9a-f]{12}$/);
    expect(parsed.track).toBe("node");
    expect(parsed.stages.map((s) => s.id)).toEqual(["practical-application"]);
    const ids = parsed.stages[0]?.skills.map((s) => s.id) ?? [];
    expect(ids).toContain("fastify-nestjs");
    expect(ids).not.toContain("django");
    expect(parsed.stages[0]?.skills.every((s) => s.tracks.includes("node"))).toBe(true);
  });

  it("rejects an unknown track with exit 2 and lists the accepted tracks", () => {
    const { code, stdout, stderr } = runCli(["roadmap", "--track", "ruby"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("unknown track 'ruby'");
    expect(stderr).toMatch(/accepted: python .*, java .*, node /);
  });

  it("rejects a stage out of range with exit 2 and lists the accepted stages", () => {
    const { code, stderr } = runCli(["roadmap", "--stage", "7"]);
    expect(code).toBe(2);
    expect(stderr).toContain("a stage number from 1 to 5, or one of: foundation, core-skills");
  });

  it("rejects an unknown option with exit 2", () => {
    const { code, stderr } = runCli(["roadmap", "--colour"]);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--colour'");
  });

  it("shows examples in --help", () => {
    const { code, stdout } = runCli(["roadmap", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("--track <track>");
    expect(stdout).toContain("$ devladder roadmap --track java");
  });
});

describe("devladder skill", () => {
  it("shows a skill's description, prerequisites, signals and interview questions", () => {
    const { code, stdout } = runCli(["skill", "rest-api-building"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Building a REST API from scratch");
    expect(stdout).toMatch(/Prerequisites\n {2}- rest-api-design REST API design/);
    expect(stdout).toMatch(/Evidence signals\n {2}- rest_api: /);
    expect(stdout).toContain("Interview questions");
    expect(stdout).toMatch(/ {2}3\. /);
  });

  it("prints the skill as JSON with --json", () => {
    const { code, stdout } = runCli(["skill", "docker-basics", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      id: "docker-basics",
      signals: ["dockerfile", "docker_compose"],
    });
  });

  it("rejects an unknown skill with exit 2 and suggests the closest ids", () => {
    const { code, stdout, stderr } = runCli(["skill", "rest-api-desing"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("unknown skill 'rest-api-desing'");
    expect(stderr).toContain("did you mean 'rest-api-design'");
  });

  it("requires the id argument", () => {
    const { code, stderr } = runCli(["skill"]);
    expect(code).toBe(2);
    expect(stderr).toContain("missing required argument 'id'");
  });
});

describe("devladder faq, levels and certs", () => {
  it("answers the five questions", () => {
    const { code, stdout } = runCli(["faq"]);
    expect(code).toBe(0);
    expect(stdout.match(/^\d\. /gm)).toHaveLength(5);
    expect(stdout).toContain("stand out to recruiters");
  });

  it("lists the four levels with their criteria and evidence", () => {
    const { code, stdout } = runCli(["levels"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /1\. Backend Developer \(Entry\)[\s\S]*2\. Senior[\s\S]*3\. Technical Lead[\s\S]*4\. Solution Architect/,
    );
    expect(stdout).toContain("shown by: repository analysis");
  });

  it("lists the certifications with issuer and validity, filtered by track", () => {
    const all = runCli(["certs"]);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain("issuer: Oracle");
    expect(all.stdout).toContain("validity: 36 months");
    expect(all.stdout).toContain("Certified Scrum Developer");
    const python = runCli(["certs", "--track", "python", "--json"]);
    const ids = (JSON.parse(python.stdout) as { id: string }[]).map((c) => c.id);
    expect(ids).not.toContain("oracle-java-se-professional");
    expect(ids).toContain("aws-developer-associate");
  });

  it("prints levels and FAQ as JSON", () => {
    expect((JSON.parse(runCli(["levels", "--json"]).stdout) as unknown[]).length).toBe(4);
    expect((JSON.parse(runCli(["faq", "--json"]).stdout) as unknown[]).length).toBe(5);
  });
});

describe("content errors", () => {
  let broken: ContentFixture;
  beforeAll(() => {
    broken = writeContent((data) => {
      data["skills/02-core.yaml"].skills[0]!.prerequisites = ["no-such-skill"];
    });
  });
  afterAll(() => broken.cleanup());

  it("exits 1 and names the file and path of the problem", () => {
    const { code, stdout, stderr } = runCli(["roadmap", "--content", broken.dir]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("is invalid (1 problem)");
    expect(stderr).toContain(
      "skills/02-core.yaml#skills[0].prerequisites[0]: unknown prerequisite 'no-such-skill'",
    );
    expect(stderr).toContain("accepted: a skill id defined in skills/*.yaml");
  });

  it("reads another valid content folder with --content", () => {
    const valid = writeContent();
    try {
      const { code, stdout } = runCli(["faq", "--content", valid.dir]);
      expect(code).toBe(0);
      expect(stdout).toContain("1. A question?");
    } finally {
      valid.cleanup();
    }
  });
});
