import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { codeStyleDetector } from "./detect-code-style.js";

const detect = (files: Record<string, string>) =>
  codeStyleDetector.detect(scanContextFrom(files)).signals;

describe("codeStyleDetector", () => {
  it("finds Python lint and format sections in pyproject.toml", () => {
    const signals = detect({
      "pyproject.toml": "[project]\nname = 'x'\n\n[tool.ruff]\nline-length = 100\n\n[tool.black]\n",
    });
    expect(signals?.lint_config?.evidence).toEqual([
      { file: "pyproject.toml", line: 4, note: "Python lint config" },
    ]);
    expect(signals?.formatter_config?.evidence).toEqual([
      { file: "pyproject.toml", line: 7, note: "Python formatter config" },
    ]);
  });

  it("does not count a bare .editorconfig as lint or format config outside C#", () => {
    const signals = detect({
      ".editorconfig": "root = true\n[*]\nindent_style = space\n",
      "main.go": "package main\n",
    });
    expect(signals?.lint_config?.value).toBe(false);
    expect(signals?.formatter_config?.value).toBe(false);
  });

  it("counts ktlint run by Spotless in a Gradle build as a Kotlin linter and formatter", () => {
    const signals = detect({
      "build.gradle.kts":
        'plugins {\n  id("com.diffplug.spotless")\n}\nspotless {\n  kotlin {\n    target("**/*.kt")\n    ktlint().editorConfigOverride(mapOf("indent_size" to "2"))\n  }\n}\n',
    });
    expect(signals?.lint_config?.evidence).toEqual([
      { file: "build.gradle.kts", line: 7, note: "JVM lint plugin" },
    ]);
    expect(signals?.formatter_config?.value).toBe(true);
  });

  it("counts a gofmt step in CI as Go formatting and golangci as linting", () => {
    const signals = detect({
      ".golangci.yml": "linters:\n  enable: [govet]\n",
      ".github/workflows/ci.yml":
        'jobs:\n  fmt:\n    steps:\n      - run: test -z "$(gofmt -l .)"\n',
    });
    expect(signals?.lint_config?.value).toBe(true);
    expect(signals?.formatter_config?.evidence).toEqual([
      { file: ".github/workflows/ci.yml", line: 4, note: "format step" },
    ]);
  });

  it("counts staticcheck, revive or go vet run by a Justfile or CI as a Go lint step", () => {
    const signals = detect({
      Justfile: "lint:\n    go vet ./...\n    go tool staticcheck ./...\n",
      "main.go": "package main\n",
    });
    expect(signals?.lint_config?.evidence).toEqual([
      { file: "Justfile", line: 2, note: "lint step" },
    ]);
    expect(
      detect({
        ".github/workflows/ci.yml": "jobs:\n  lint:\n    steps:\n      - run: revive ./...\n",
      })?.lint_config?.value,
    ).toBe(true);
  });
});
