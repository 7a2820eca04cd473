/**
 * The analyzer's one entry point: a directory or git URL in, an EvidenceReport out.
 * Reading files and reading history run side by side (git works in its own processes),
 * then detectors, derived signals and the roadmap's checks.
 */
import type { Check } from "../content/content.schema.js";
import { toolVersion } from "../cli/version.js";
import { evaluateChecks } from "../domain/check-evaluate.js";
import { factViewFromReport } from "../domain/fact-view.js";
import { DevladderError } from "../errors.js";
import { deriveSignals, distinctEndpoints } from "./derive-signals.js";
import { DETECTORS } from "./detectors/index.js";
import {
  findApiTestCalls,
  findErrorStatusChecks,
  jsPathReader,
} from "./detectors/signals/index.js";
import { readGitHistory } from "./git/git-history.js";
import { buildInventory } from "./inventory/inventory.js";
import { countLines } from "./languages/line-counts.js";
import { gitHints, nextStepHints } from "./next-step-hints.js";
import { libraryEndpoints, testedEndpointCalls } from "./tested-endpoints.js";
import type { CodeFigures, EvidenceReport, GitSummary } from "./report.js";
import { runDetectors } from "./run-detectors.js";
import { scanContext } from "./scan-context.js";
import { serviceRoots } from "./service-roots.js";
import { resolveSource } from "./source/resolve-source.js";

export interface AnalyzeOptions {
  /** read line counts for every commit instead of the last 1,000 */
  readonly fullHistory?: boolean;
  /** called at the start of each phase, for progress on long scans */
  readonly onProgress?: (phase: string) => void;
  readonly cloneTimeoutMs?: number;
  readonly maxCloneBytes?: number;
  /**
   * Stops the analysis: git processes are killed, the scan stops at its next step and the
   * promise rejects with the signal's reason (the analysis jobs' time limit uses it).
   */
  readonly signal?: AbortSignal;
}

export async function analyze(
  input: string,
  checks: readonly Check[],
  options: AnalyzeOptions = {},
): Promise<EvidenceReport> {
  const { signal } = options;
  const progress = (phase: string) => {
    signal?.throwIfAborted();
    options.onProgress?.(phase);
  };
  progress(`reading ${input}`);
  const source = await resolveSource(input, {
    ...(options.cloneTimeoutMs !== undefined && { cloneTimeoutMs: options.cloneTimeoutMs }),
    ...(options.maxCloneBytes !== undefined && { maxCloneBytes: options.maxCloneBytes }),
    ...(signal !== undefined && { signal }),
  });
  // Stops the history read when the analysis ends without it (an empty repository).
  const historyNotNeeded = new AbortController();
  let history: Promise<GitSummary | null> = Promise.resolve(null);
  try {
    const reading = buildInventory(source.root, source.isGit, signal);
    // History is read by git in its own processes while this process reads and scans the files;
    // the metadata walk waits for the files to be read (measured: 4–5% less wall time on two
    // cores than three processes reading at once).
    history = source.isGit
      ? readGitHistory(source.root, {
          fullHistory: options.fullHistory ?? false,
          metadataAfter: reading,
          signal: AbortSignal.any([historyNotNeeded.signal, ...(signal ? [signal] : [])]),
          onCommitsRead: (commits) =>
            options.onProgress?.(
              `reading git history: ${commits.toLocaleString("en-US")} commits so far`,
            ),
        })
      : Promise.resolve(null);
    // Keep a rejection (e.g. no commits, reported below with more context) from surfacing as
    // unhandled while the files are read; it is raised again where the history is awaited.
    history.catch(() => undefined);

    const inventory = await reading;
    if (source.isGit && inventory.commit === null) {
      throw new DevladderError("invalid_input", `repository has no commits: ${input}`);
    }
    if (inventory.files.length === 0) {
      throw new DevladderError(
        "invalid_input",
        `repository is empty (no readable source files): ${input}`,
      );
    }
    progress(`scanning ${inventory.files.length.toLocaleString("en-US")} files`);

    const ctx = scanContext(source.root, inventory.files);
    const findings = await runDetectors(ctx, DETECTORS);
    signal?.throwIfAborted();
    const serviceOf = serviceRoots(ctx);
    const endpoints = distinctEndpoints(findings.endpoints ?? [], serviceOf);
    const apiTestCalls = findApiTestCalls(ctx, findings.routeNames, await jsPathReader(ctx));
    const apiTests = {
      calls: apiTestCalls,
      errorChecks: findErrorStatusChecks(ctx, apiTestCalls),
      tested: testedEndpointCalls(endpoints, apiTestCalls, serviceOf),
    };
    const signals = deriveSignals(findings.signals ?? {}, endpoints, apiTests, serviceOf);
    const lines = countLines(inventory.files);

    progress("reading git history");
    const git = await history;

    const code: CodeFigures = {
      lines: lines.app.code,
      comment_ratio:
        lines.app.code + lines.app.comment === 0
          ? 0
          : lines.app.comment / (lines.app.code + lines.app.comment),
    };
    const fromLibraries = libraryEndpoints(endpoints, apiTests.tested);
    const facts = factViewFromReport({
      signals,
      git,
      code,
      library_endpoints: fromLibraries,
    });
    const frameworks = [...(findings.frameworks ?? [])].sort((a, b) => a.id.localeCompare(b.id));
    const languages = lines.languages.map((language) => language.name);
    const hints = {
      ...nextStepHints(endpoints, signals, frameworks, languages, serviceOf, apiTests.tested),
      ...gitHints(git),
    };
    const evaluation = evaluateChecks(checks, facts, hints);

    return {
      schemaVersion: 1,
      tool: { name: "devladder", version: toolVersion() },
      repository: {
        root: input,
        commit: inventory.commit,
        files: inventory.files.length,
        bytes: inventory.bytes,
        skipped: inventory.skipped,
      },
      languages: lines.languages,
      code,
      frameworks,
      endpoints,
      library_endpoints: fromLibraries,
      signals,
      git,
      checks: evaluation.checks,
      score: evaluation.score,
      next_steps: evaluation.nextSteps,
    };
  } finally {
    historyNotNeeded.abort();
    // git must be gone before a clone's folder is removed.
    await history.catch(() => undefined);
    await source.cleanup();
  }
}
