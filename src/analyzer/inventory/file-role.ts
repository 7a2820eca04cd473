/**
 * Classifies a repository path as application code, test code, or example/documentation code.
 * Examples and docs are scanned but kept apart: a web framework's examples/ folder does not
 * make the framework itself a REST service.
 */
import type { FileRole } from "../scan-context.js";

const EXAMPLE_DIRS = /(^|\/)(examples?|samples?|docs?|docs_src|demos?|documentation|playground)\//i;
const TEST_DIRS =
  /(^|\/)(tests?|__tests__|__mocks__|spec|specs|e2e|testing|fixtures|testdata|src\/test)\//i;
const TEST_FILES =
  /(\.(test|spec|e2e-spec|e2e)\.[cm]?[jt]sx?$)|(^|\/)test_[^/]*\.py$|_test\.(py|go|rb|exs?)$|_spec\.rb$|(Test|Tests|IT|Spec)\.(java|kt|cs|php|scala|groovy)$|(^|\/)(conftest|tests)\.py$/;

/** JVM source roots: below them, folders are package names (com/example/shop), not examples. */
const JVM_SOURCE_ROOT = /(^|\/)src\/(main|test)\/(java|kotlin|scala|groovy|resources)\//;

export function fileRole(path: string): FileRole {
  if (TEST_FILES.test(path) || TEST_DIRS.test(path)) return "test";
  const root = JVM_SOURCE_ROOT.exec(path);
  if (EXAMPLE_DIRS.test(root ? path.slice(0, root.index + root[0].length) : path)) return "example";
  return "app";
}
