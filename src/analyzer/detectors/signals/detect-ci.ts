/**
 * ci and ci_systems: continuous integration configured in the repository, by the system's own
 * well-known file. An empty workflows folder or a file without jobs does not count.
 */
import type { Evidence } from "../../report.js";
import type { Detector, SourceFile } from "../../scan-context.js";
import { boolSignal, fileEvidence, listSignal } from "./signal-kit.js";

const SYSTEMS: readonly (readonly [string, (file: SourceFile) => boolean])[] = [
  [
    "github-actions",
    (f) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(f.path) && /^\s*jobs\s*:/m.test(f.text),
  ],
  ["gitlab-ci", (f) => f.path === ".gitlab-ci.yml" || f.path === ".gitlab-ci.yaml"],
  ["travis", (f) => f.path === ".travis.yml"],
  ["circleci", (f) => f.path === ".circleci/config.yml" || f.path === ".circleci/config.yaml"],
  ["jenkins", (f) => f.name === "jenkinsfile" && !f.path.includes("/")],
  [
    "azure-pipelines",
    (f) => /^(?:\.azure-pipelines\/[^/]+|azure-pipelines(?:\.[\w-]+)?)\.ya?ml$/.test(f.path),
  ],
  ["bitbucket-pipelines", (f) => f.path === "bitbucket-pipelines.yml"],
];

/**
 * The paths where the systems above (and GitHub's composite actions) keep their pipelines: what
 * runs on the CI machine, not the application's configuration.
 */
export const CI_CONFIG_PATH =
  /^\.github\/|^\.gitlab-ci\.ya?ml$|^\.travis\.yml$|^\.circleci\/|^\.?azure-pipelines|^bitbucket-pipelines\.yml$/;

export const ciDetector: Detector = {
  id: "signals/ci",
  detect(ctx) {
    const found = new Map<string, Evidence[]>();
    for (const file of ctx.files) {
      if (file.text.trim() === "") continue;
      for (const [id, matches] of SYSTEMS) {
        if (!matches(file)) continue;
        const list = found.get(id) ?? [];
        list.push(fileEvidence(file, id));
        found.set(id, list);
      }
    }
    const systems = listSignal(found);
    return { signals: { ci: boolSignal(systems.evidence), ci_systems: systems } };
  },
};
