export { goStackDetector } from "./go-stack-detector.js";
