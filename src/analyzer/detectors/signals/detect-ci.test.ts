import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { ciDetector } from "./detect-ci.js";

describe("ciDetector", () => {
  it("lists each CI system by its own file and ignores workflows without jobs", () => {
    const signals = ciDetector.detect(
      scanContextFrom({
        ".github/workflows/test.yml": "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n",
        ".github/workflows/empty.yml": "# to do\n",
        ".circleci/config.yml": "version: 2.1\n",
        Jenkinsfile: "pipeline {}\n",
      }),
    ).signals;
    expect(signals?.ci_systems?.value).toEqual(["circleci", "github-actions", "jenkins"]);
    expect(signals?.ci?.value).toBe(true);
  });

  it("reports no CI for a repository without CI files", () => {
    const signals = ciDetector.detect(scanContextFrom({ "src/index.ts": "export {};\n" })).signals;
    expect(signals?.ci).toEqual({ value: false, evidence: [] });
    expect(signals?.ci_systems).toEqual({ value: [], evidence: [] });
  });
});
