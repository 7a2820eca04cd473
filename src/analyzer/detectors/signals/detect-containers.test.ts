import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { containersDetector } from "./detect-containers.js";

const detect = (files: Record<string, string>) =>
  containersDetector.detect(scanContextFrom(files), {}).signals;

describe("containersDetector", () => {
  it("finds a Dockerfile and a Compose file with the lines that define them", () => {
    const signals = detect({
      "Dockerfile.prod": "# build\nFROM node:20\n",
      "compose.yaml": "name: x\nservices:\n  app: {}\n",
    });
    expect(signals?.dockerfile).toEqual({
      value: true,
      evidence: [{ file: "Dockerfile.prod", line: 2, note: "Dockerfile" }],
    });
    expect(signals?.docker_compose).toEqual({
      value: true,
      evidence: [{ file: "compose.yaml", line: 2, note: "Compose file" }],
    });
  });

  it("ignores dev containers and example folders", () => {
    const signals = detect({
      ".devcontainer/Dockerfile": "FROM mcr.microsoft.com/devcontainers/base\n",
      "examples/docker-compose.yml": "services:\n  a: {}\n",
    });
    expect(signals?.dockerfile?.value).toBe(false);
    expect(signals?.docker_compose?.value).toBe(false);
  });
});
