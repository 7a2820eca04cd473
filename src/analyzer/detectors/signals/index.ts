/**
 * The signal detectors, in the order the orchestrator runs them. None depends on another's
 * findings, so the order only fixes the order of evidence in merged output.
 * `findApiTestCalls` and `findErrorStatusChecks` feed the derived api_tests, tested_endpoints
 * and api_error_tests.
 */
import type { Detector } from "../../scan-context.js";
import { authDetector } from "./detect-auth.js";
import { cachingDetector } from "./detect-caching.js";
import { ciDetector } from "./detect-ci.js";
import { codeStyleDetector } from "./detect-code-style.js";
import { containersDetector } from "./detect-containers.js";
import { databasesDetector } from "./detect-databases.js";
import { docsDetector } from "./detect-docs.js";
import { envConfigDetector } from "./detect-env-config.js";
import { errorHandlingDetector } from "./detect-error-handling.js";
import { loggingDetector } from "./detect-logging.js";
import { microservicesDetector } from "./detect-microservices.js";
import { secretsDetector } from "./detect-secrets.js";
import { testsDetector } from "./detect-tests.js";
import { validationDetector } from "./detect-validation.js";

export { findApiTestCalls, jsPathReader } from "./api-test-calls.js";
export { findErrorStatusChecks } from "./error-status-checks.js";

export const signalDetectors: readonly Detector[] = [
  databasesDetector,
  authDetector,
  validationDetector,
  errorHandlingDetector,
  testsDetector,
  containersDetector,
  ciDetector,
  docsDetector,
  codeStyleDetector,
  loggingDetector,
  cachingDetector,
  envConfigDetector,
  secretsDetector,
  microservicesDetector,
];
