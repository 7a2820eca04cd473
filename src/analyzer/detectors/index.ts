/**
 * Every detector, in the order they run: stacks first (frameworks, endpoints, JSON output),
 * then the signal areas, which may read what the stacks found.
 */
import type { AsyncDetector, Detector } from "../scan-context.js";
import { signalDetectors } from "./signals/index.js";
import { dotnetStackDetector } from "./stack-dotnet/index.js";
import { goStackDetector } from "./stack-go/index.js";
import { jvmStackDetector } from "./stack-jvm/index.js";
import { nodeStackDetector } from "./stack-node/index.js";
import { phpStackDetector } from "./stack-php/index.js";
import { pythonStackDetector } from "./stack-python/index.js";
import { rubyStackDetector } from "./stack-ruby/index.js";

export const DETECTORS: readonly (Detector | AsyncDetector)[] = [
  nodeStackDetector,
  pythonStackDetector,
  jvmStackDetector,
  goStackDetector,
  rubyStackDetector,
  phpStackDetector,
  dotnetStackDetector,
  ...signalDetectors,
];
