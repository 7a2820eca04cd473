import { describe, expect, it } from "vitest";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import { containersDetector } from "./detect-containers.js";

const detect = (files: Record<string, string>) =>
  containersDetector.detect(scanContextFrom(files)).signals;

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

  it("finds Compose files with other names in a docker/ folder, but not other YAML there", () => {
    const signals = detect({
      "src/main/docker/app.yml":
        "name: shop\nservices:\n  app:\n    image: shop\n  postgresql:\n    image: postgres:16\n",
      "src/main/docker/prometheus/prometheus.yml": "global:\n  scrape_interval: 15s\n",
    });
    expect(signals?.docker_compose?.evidence).toEqual([
      { file: "src/main/docker/app.yml", line: 2, note: "Compose file" },
    ]);
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
