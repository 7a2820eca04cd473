export { phpStackDetector } from "./php-stack-detector.js";
