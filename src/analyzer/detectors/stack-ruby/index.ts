export { rubyStackDetector } from "./ruby-stack-detector.js";
