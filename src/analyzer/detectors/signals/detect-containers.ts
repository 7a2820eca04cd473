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

/**
 * docker-compose.yml, compose.prod.yaml … and, in a docker/ or docker-compose/ folder, any YAML
 * file that declares services to run (JHipster's src/main/docker/app.yml).
 */
export function isComposeFile(file: SourceFile): boolean {
  if (/^(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$/.test(file.name)) return true;
  return (
    (file.ext === "yml" || file.ext === "yaml") &&
    /(?:^|\/)docker(?:-compose)?\//.test(file.path) &&
    /^services:\s*$/m.test(file.text) &&
    /^\s+(?:image|build):/m.test(file.text)
  );
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
