/**
 * Classifies a repository path as application code, test code, or example/documentation code.
 * Examples and docs are scanned but kept apart: a web framework's examples/ folder does not
 * make the framework itself a REST service.
 */
import type { FileRole } from "../scan-context.js";

const EXAMPLE_DIRS = /(^|\/)(examples?|samples?|docs?|docs_src|demos?|documentation|playground)\//i;
const TEST_DIRS =
  /(^|\/)(tests?|__tests__|__mocks__|spec|specs|e2e|testing|fixtures|testdata|src\/test)\//i;
/**
 * Folders whose name says they hold tests of a kind: smoke-test/, integration-tests/,
 * api_tests/, my-app-e2e/, test-utils/. A word "test(s)" set off by - or _ marks them; a word
 * that merely contains "test" (contest/, latest/, testcontainers/) does not. ("spec" is left out:
 * api-spec/ usually holds an OpenAPI document, not tests.)
 */
const TEST_KIND_DIRS = /(^|\/)(?:[\w.-]*[-_])?(?:tests?|e2e)(?:[-_][\w.-]*)?\//i;
/**
 * .NET test projects, named after the project they test: Shop.Tests/, Shop.Api.UnitTests/,
 * RinhaBackEnd.Test/, Shop.IntegrationTests.Common/ (their fixtures and helpers too, not only
 * the *Tests.cs files).
 */
const DOTNET_TEST_PROJECT = /(^|\/)[\w-]+(?:\.[\w-]+)*\.(?:[A-Z]\w*)?Tests?(?:\.[\w-]+)*\//;
/**
 * Gradle and Maven source sets other than main that hold test code: src/integrationTest,
 * src/intTest, src/dockerTest, src/testFixtures, src/it (Maven Invoker), src/androidTest.
 */
const TEST_SOURCE_SETS = /(^|\/)src\/(?:[a-z]\w*Test|test[A-Z]\w*|it|androidTest)\//;
const TEST_FILES =
  /(\.(test|spec|e2e-spec|e2e)\.[cm]?[jt]sx?$)|(^|\/)test_[^/]*\.py$|_test\.(py|go|rb|exs?)$|_spec\.rb$|(Test|Tests|IT|Spec)\.(java|kt|cs|php|scala|groovy)$|(^|\/)(conftest|tests)\.py$/;

/**
 * Test doubles of a server the code calls: mocks/ folders (MSW handlers, gomock output),
 * mirage/ (Mirage JS routes), and mock servers (mock-server.ts, mockApi.js, payment.mock.ts).
 * They answer requests, but they stand in for someone else's API; they are not the repository's
 * own. Read above a JVM source root only, as com/acme/mock could be a real package.
 */
const MOCK_DIRS = /(^|\/)(?:mocks?|mirage)\//i;
const MOCK_FILES = /(^|\/)mock[-_]?(?:server|api|backend)\.\w+$|\.mocks?\.\w+$/i;

/**
 * A routes folder (Fastify's autoload, SvelteKit, Remix): below it, folder names are URL
 * segments, so `routes/v1/sample/index.js` serves /v1/sample and is no example.
 */
const ROUTES_DIR = /(^|\/)routes\//;

/** Whether `dirs` has an examples or docs folder that is not a URL segment below routes/. */
function hasExampleDir(dirs: string): boolean {
  const example = EXAMPLE_DIRS.exec(dirs);
  if (example === null) return false;
  const routes = ROUTES_DIR.exec(dirs);
  return routes === null || routes.index > example.index;
}

/** JVM source roots: below them, folders are package names (com/example/shop), not examples. */
const JVM_SOURCE_ROOT = /(^|\/)src\/(main|test)\/(java|kotlin|scala|groovy|resources)\//;

/**
 * Whether a path lies in an examples or docs folder (outside a JVM package path): its tests
 * exercise the example, whose endpoints are not the app's.
 */
export function inExampleDir(path: string): boolean {
  const root = JVM_SOURCE_ROOT.exec(path);
  const dirs = root ? path.slice(0, root.index) : path;
  return hasExampleDir(dirs.slice(0, dirs.lastIndexOf("/") + 1));
}

export function fileRole(path: string): FileRole {
  const root = JVM_SOURCE_ROOT.exec(path);
  // Below a JVM source root, folders are packages: com/acme/test_utils is still judged by the
  // source set (src/main or src/test), not by the package name.
  const dirs = root ? path.slice(0, root.index + root[0].length) : path;
  if (TEST_FILES.test(path) || TEST_DIRS.test(path) || MOCK_FILES.test(path)) return "test";
  if (MOCK_DIRS.test(dirs.slice(0, dirs.lastIndexOf("/") + 1))) return "test";
  const folders = dirs.slice(0, dirs.lastIndexOf("/") + 1);
  if (
    TEST_SOURCE_SETS.test(dirs) ||
    TEST_KIND_DIRS.test(folders) ||
    DOTNET_TEST_PROJECT.test(folders)
  )
    return "test";
  if (hasExampleDir(dirs)) return "example";
  return "app";
}
