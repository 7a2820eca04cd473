export { jvmStackDetector } from "./jvm-stack-detector.js";
