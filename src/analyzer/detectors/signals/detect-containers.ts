/**
 * dockerfile and docker_compose: container build and run files of the application. Files in
 * examples/docs and test fixtures describe other things, and a dev-container definition sets up
 * an editor, not the app; none of them count.
 */
import type { Evidence } from "../../report.js";
import type { Detector, SourceFile } from "../../scan-context.js";
import { boolSignal, fileEvidence, lineOf } from "./signal-kit.js";

export function isDockerfile(file: SourceFile): boolean {
  return (
    file.name === "dockerfile" ||
    file.name.startsWith("dockerfile.") ||
    file.ext === "dockerfile" ||
    file.name === "containerfile"
  );
}

export function isComposeFile(file: SourceFile): boolean {
  return /^(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$/.test(file.name);
}

function at(file: SourceFile, needle: string, note: string): Evidence {
  const line = lineOf(file.text, needle);
  return line === 0 ? fileEvidence(file, note) : { file: file.path, line, note };
}

export const containersDetector: Detector = {
  id: "signals/containers",
  detect(ctx) {
    const dockerfiles: Evidence[] = [];
    const compose: Evidence[] = [];
    for (const file of ctx.files) {
      if (file.role !== "app" || file.path.startsWith(".devcontainer/")) continue;
      if (isDockerfile(file)) dockerfiles.push(at(file, "FROM", "Dockerfile"));
      else if (isComposeFile(file) && file.text.includes("services"))
        compose.push(at(file, "services:", "Compose file"));
    }
    return {
      signals: { dockerfile: boolSignal(dockerfiles), docker_compose: boolSignal(compose) },
    };
  },
};
