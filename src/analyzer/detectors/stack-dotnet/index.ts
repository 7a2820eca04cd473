export { dotnetStackDetector } from "./dotnet-stack-detector.js";
